/**
 * The invoice Stripe issues for a paid Checkout Session created with `invoice_creation.enabled`
 * (https://docs.stripe.com/payments/checkout/post-payment-invoices): finalized and paid, with a
 * number, a hosted page and a PDF link, its lines and taxes from the session; the session's
 * `invoice` names it. `invoice.finalized` and `invoice.paid` follow the session's event.
 */
import type { EmulatorContext } from "./EmulatorContext";
import { NO_REQUEST } from "./EventBus";
import { randomId, type StripeStore } from "./StripeStore";
import type { CheckoutSession, LineItem } from "./stripeObjects";
import type { Invoice, InvoiceLine } from "./taxAndInvoiceObjects";

/** Stripe numbers an account's invoices with a prefix and a sequence, e.g. "A1B2C3D4-0001". */
const NUMBER_PREFIX = "EMU0KINT";

/** The account's next invoice number. */
export function nextInvoiceNumber(store: StripeStore): string {
  return `${NUMBER_PREFIX}-${String(store.invoices.size + 1).padStart(4, "0")}`;
}

/** An invoice line for one of a session's line items, with its taxes. */
export function invoiceLineOf(item: LineItem): InvoiceLine {
  return {
    id: randomId("il_"),
    object: "line_item",
    amount: item.amount_total,
    currency: item.currency,
    description: item.description,
    quantity: item.quantity,
    taxes: (item.taxes ?? []).map((tax) => ({
      amount: tax.amount,
      tax_behavior: tax.rate.inclusive ? "inclusive" : "exclusive",
      tax_rate_details: { tax_rate: tax.rate.id },
      taxable_amount: tax.taxable_amount,
      type: "tax_rate_details",
    })),
  };
}

export class InvoiceFlows {
  constructor(private readonly context: EmulatorContext) {}

  /** Issues the session's invoice if it asks for one and has none yet; the new invoice, if any. */
  issueFor(session: CheckoutSession): Invoice | undefined {
    const asked = session.invoice_creation;
    if (!asked?.enabled || session.invoice) return undefined;
    const { store, config } = this.context;
    const id = randomId("in_");
    const now = store.now();
    const items = store.sessionLineItems.get(session.id) ?? [];
    const lines = items.map(({ item }) => invoiceLineOf(item));
    const data = asked.invoice_data;
    const invoice: Invoice = {
      id,
      object: "invoice",
      account_country: "JP",
      amount_due: session.amount_total,
      amount_paid: session.amount_total,
      amount_remaining: 0,
      collection_method: "charge_automatically",
      created: now,
      currency: session.currency,
      custom_fields: data.custom_fields,
      customer: session.customer,
      customer_email: session.customer_details?.email ?? session.customer_email,
      customer_name: session.customer_details?.name ?? null,
      description: data.description,
      footer: data.footer,
      hosted_invoice_url: `${config.publicBaseUrl}/i/${id}`,
      invoice_pdf: `${config.publicBaseUrl}/i/${id}/pdf`,
      lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
      livemode: session.livemode,
      metadata: { ...data.metadata },
      number: nextInvoiceNumber(store),
      status: "paid",
      status_transitions: { finalized_at: now, paid_at: now },
      subtotal: session.amount_subtotal,
      total: session.amount_total,
      total_taxes: lines.flatMap((line) => line.taxes),
    };
    store.invoices.set(id, invoice);
    session.invoice = id;
    return invoice;
  }

  /** The events that tell an issued invoice, after the session's own. */
  announce(invoice: Invoice | undefined): void {
    if (!invoice) return;
    this.context.events.emit("invoice.finalized", invoice, NO_REQUEST);
    this.context.events.emit("invoice.paid", invoice, NO_REQUEST);
  }
}
