/**
 * The invoice Stripe issued and the session's tax → the kintone fields a mapping's `writeBack`
 * names (`invoiceNumber`, `invoiceUrl` — the hosted page, `invoicePdfUrl`, `amountTax` in major
 * units). Only what is known is written: an invoice not finalized yet has no number.
 */
import { formatMinorUnits } from "../../core/money/toMinorUnits";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { CheckoutInvoice } from "../ports/InvoiceOptions";
import type { RecordFields } from "./writeBackFields";

export interface InvoiceState {
  invoice?: CheckoutInvoice | null;
  /** Minor units of `currency`. */
  amountTax?: { amount: number; currency: string } | null;
}

export function mapsInvoiceFields(writeBack: MappingConfig["writeBack"]): boolean {
  const { invoiceNumber, invoiceUrl, invoicePdfUrl, amountTax } = writeBack;
  return [invoiceNumber, invoiceUrl, invoicePdfUrl, amountTax].some((code) => code !== undefined);
}

export function invoiceFields(
  writeBack: MappingConfig["writeBack"],
  state: InvoiceState,
): RecordFields {
  const fields: RecordFields = {};
  const put = (code: string | undefined, value: string | null | undefined) => {
    if (code !== undefined && value !== undefined && value !== null) fields[code] = { value };
  };
  put(writeBack.invoiceNumber, state.invoice?.number);
  put(writeBack.invoiceUrl, state.invoice?.hostedInvoiceUrl);
  put(writeBack.invoicePdfUrl, state.invoice?.invoicePdf);
  if (state.amountTax) {
    put(writeBack.amountTax, formatMinorUnits(state.amountTax.amount, state.amountTax.currency));
  }
  return fields;
}
