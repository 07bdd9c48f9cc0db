/**
 * A paid session's tax and invoice reach its records: from the session (its `total_details`
 * and the invoice it names, read from Stripe) on the session's own events, sync and catch-up, and
 * from `invoice.paid` (see `events/applyInvoicePaid.ts`).
 * https://docs.stripe.com/payments/checkout/post-payment-invoices
 */
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutInvoice } from "../ports/InvoiceOptions";
import type { CheckoutSession, PaymentGateway } from "../ports/PaymentGateway";
import { invoiceFields, mapsInvoiceFields, type InvoiceState } from "./invoiceFields";
import type { RecordWriter } from "./RecordWriter";
import { holdsPayment, recordsShowingSession } from "./recordsShowingSession";

export interface InvoiceWriteDeps {
  journal: Journal;
  gateway: PaymentGateway;
  writer: RecordWriter;
}

async function writeInvoiceState(
  deps: InvoiceWriteDeps,
  session: JournalSession,
  state: InvoiceState | ((mapped: true) => Promise<InvoiceState>),
): Promise<void> {
  const parsed = parseMappingConfig(session.mappingJson);
  if (!parsed.ok || !mapsInvoiceFields(parsed.mapping.writeBack)) return;
  const known = typeof state === "function" ? await state(true) : state;
  const fields = invoiceFields(parsed.mapping.writeBack, known);
  if (Object.keys(fields).length === 0) return;
  const recordIds = await recordsShowingSession(deps.journal, session, parsed.mapping);
  await deps.writer.write(
    session.appId,
    recordIds.map((recordId) => ({ recordId, fields })),
  );
}

/** After a session's event or sync: its tax, and its invoice once it names one. */
export async function writeSessionInvoice(
  deps: InvoiceWriteDeps,
  journalled: JournalSession,
  session: Pick<CheckoutSession, "amountTax" | "invoiceId" | "currency" | "status">,
): Promise<void> {
  if (session.status !== "complete" || !holdsPayment(journalled)) return;
  await writeInvoiceState(deps, journalled, async () => ({
    ...(session.amountTax !== undefined && session.amountTax !== null
      ? {
          amountTax: {
            amount: session.amountTax,
            currency: session.currency ?? journalled.currency,
          },
        }
      : {}),
    ...(session.invoiceId
      ? { invoice: await deps.gateway.retrieveInvoice(session.invoiceId) }
      : {}),
  }));
}

export async function writeInvoice(
  deps: InvoiceWriteDeps,
  session: JournalSession,
  invoice: CheckoutInvoice,
): Promise<void> {
  await writeInvoiceState(deps, session, { invoice });
}
