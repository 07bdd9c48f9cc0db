/**
 * Whether a record is billed already, as far as its write-back fields tell: a new link for it
 * could charge the customer twice. The proxy refuses such a link anyway (409
 * RECORD_ALREADY_PAID); the screens read the same states so the user sees it before asking.
 * The fields may hold the app's own texts for the states (`statusLabels`) or the codes.
 */
import { BILLED_PAYMENT_STATUSES } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { stateFromLabel } from "../../core/mapping/statusLabels";

/** A billed payment state, or a complete checkout whose konbini / bank payment is on its way. */
export type BilledState = (typeof BILLED_PAYMENT_STATUSES)[number] | "awaiting_payment";

type RecordLike = Record<string, { value?: unknown } | undefined>;

const BILLED = new Set<string>(BILLED_PAYMENT_STATUSES);

function fieldText(record: RecordLike, code: string | undefined): string | undefined {
  const value = code === undefined ? undefined : record[code]?.value;
  return typeof value === "string" ? value.trim() : undefined;
}

/**
 * The billed state of a payment status; `complete`: the checkout is complete, so `unpaid` there
 * means a konbini / bank payment on its way.
 */
export function billedStateOf(paymentStatus: string, complete: boolean): BilledState | undefined {
  if (BILLED.has(paymentStatus)) return paymentStatus as BilledState;
  return paymentStatus === "unpaid" && complete ? "awaiting_payment" : undefined;
}

/**
 * The record's billed state; undefined when it is not billed, or when the mapping writes no
 * payment status (then nothing here can tell, and the proxy decides).
 */
export function billedState(
  record: RecordLike,
  writeBack: MappingConfig["writeBack"],
  statusLabels?: MappingConfig["statusLabels"],
): BilledState | undefined {
  const paymentText = fieldText(record, writeBack.paymentStatus);
  if (paymentText === undefined) return undefined;
  const labels = { statusLabels };
  const paymentStatus = stateFromLabel(labels, "paymentStatus", paymentText);
  if (paymentStatus === undefined) return undefined;
  const statusText = fieldText(record, writeBack.status);
  const status =
    statusText === undefined ? undefined : stateFromLabel(labels, "status", statusText);
  return billedStateOf(paymentStatus, status === "complete");
}

/** A billed record gets no new link unless the app bills its records repeatedly. */
export function blocksNewLink(
  state: BilledState | undefined,
  mapping: Pick<MappingConfig, "allowRepeatPayment">,
): state is BilledState {
  return state !== undefined && mapping.allowRepeatPayment !== true;
}
