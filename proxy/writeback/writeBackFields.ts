/**
 * Session state → the kintone fields a mapping's `writeBack` names. Only mapped
 * fields, and only the parts of the state given, are written: a field the mapping leaves out
 * is never touched.
 */
import { formatMinorUnits } from "../../core/money/toMinorUnits";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { labelFor } from "../../core/mapping/statusLabels";
import type { PaymentStatusValue } from "../journal/SessionStore";
import type { CheckoutBuyer, SessionStatus } from "../ports/PaymentGateway";
import { buyerTexts } from "./buyerTexts";
import { customFieldFields } from "./customFieldFields";

export interface WriteBackState {
  sessionId?: string;
  url?: string | null;
  status?: SessionStatus;
  paymentStatus?: PaymentStatusValue;
  expiresAt?: Date | null;
  /** Minor units of `currency`. */
  amountTotal?: { amount: number; currency: string } | null;
  paidAt?: Date | null;
  customerEmail?: string | null;
  /** Minor units of `currency`, cumulative. */
  amountRefunded?: { amount: number; currency: string } | null;
  paymentIntentId?: string | null;
  recoveryUrl?: string | null;
  /** `""` clears the error field. */
  error?: string;
  /** The completed session's buyer; absent leaves the buyer's fields untouched. */
  buyer?: CheckoutBuyer;
}

export type RecordFields = Record<string, { value: string }>;

/** kintone DATETIME as the REST API takes it: `YYYY-MM-DDTHH:MM:SSZ` (UTC). */
export function toKintoneDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function writeBackFields(
  writeBack: MappingConfig["writeBack"],
  state: WriteBackState,
  /** The app's option texts for the states; a state without one is written as its code. */
  statusLabels?: MappingConfig["statusLabels"],
): RecordFields {
  const fields: RecordFields = {};
  const put = (code: string | undefined, value: string | undefined) => {
    if (code !== undefined && value !== undefined) fields[code] = { value };
  };
  const orEmpty = <T>(value: T | null | undefined, format: (v: T) => string) =>
    value === undefined ? undefined : value === null ? "" : format(value);

  put(writeBack.sessionId, state.sessionId);
  put(
    writeBack.url,
    orEmpty(state.url, (u) => u),
  );
  const labels = { statusLabels };
  put(writeBack.status, state.status && labelFor(labels, "status", state.status));
  put(
    writeBack.paymentStatus,
    state.paymentStatus && labelFor(labels, "paymentStatus", state.paymentStatus),
  );
  put(writeBack.expiresAt, orEmpty(state.expiresAt, toKintoneDateTime));
  put(
    writeBack.amountTotal,
    orEmpty(state.amountTotal, (a) => formatMinorUnits(a.amount, a.currency)),
  );
  put(writeBack.paidAt, orEmpty(state.paidAt, toKintoneDateTime));
  put(
    writeBack.customerEmail,
    orEmpty(state.customerEmail, (e) => e),
  );
  put(
    writeBack.amountRefunded,
    orEmpty(state.amountRefunded, (a) => formatMinorUnits(a.amount, a.currency)),
  );
  put(
    writeBack.paymentIntentId,
    orEmpty(state.paymentIntentId, (id) => id),
  );
  put(
    writeBack.recoveryUrl,
    orEmpty(state.recoveryUrl, (u) => u),
  );
  put(writeBack.error, state.error);
  const buyer = state.buyer && buyerTexts(state.buyer);
  put(writeBack.customerId, buyer?.customerId);
  put(writeBack.customerName, buyer?.customerName);
  put(writeBack.customerPhone, buyer?.customerPhone);
  put(writeBack.billingAddress, buyer?.billingAddress);
  put(writeBack.shippingAddress, buyer?.shippingAddress);
  if (state.buyer) Object.assign(fields, customFieldFields(writeBack, state.buyer));
  return fields;
}
