/**
 * A subscription's invoices (https://docs.stripe.com/billing/invoices/subscription): the first
 * one (`billing_reason: subscription_create`, all the session's lines) and one per renewal
 * (`subscription_cycle`, the recurring lines, each for the new period). Each is finalized and
 * charged automatically: paid (`invoice.paid`, `invoice.payment_succeeded`) or left `open` when
 * the payment fails (`invoice.payment_failed`) — https://docs.stripe.com/billing/subscriptions/webhooks.
 * The invoice names its subscription under `parent.subscription_details.subscription`.
 */
import type { EmulatorContext } from "./EmulatorContext";
import { NO_REQUEST } from "./EventBus";
import { invoiceLineOf, nextInvoiceNumber } from "./InvoiceFlows";
import { randomId } from "./StripeStore";
import type { Customer, LineItem } from "./stripeObjects";
import type { Subscription } from "./subscriptionObjects";
import type { Invoice, InvoiceLine, SubscriptionInvoiceFields } from "./taxAndInvoiceObjects";

export interface SubscriptionInvoiceRequest {
  reason: SubscriptionInvoiceFields["billing_reason"];
  /** The session's line items this invoice bills. */
  items: LineItem[];
  /** The period the invoice's recurring lines bill. */
  linePeriod: { start: number; end: number };
  /** The invoice's own period: the one that just ended (equal ends for the first invoice). */
  period: { start: number; end: number };
  customer: Customer;
  /** When the invoice is made: the period boundary it belongs to. */
  at: number;
}

export class SubscriptionInvoices {
  constructor(private readonly context: EmulatorContext) {}

  /** A finalized, not yet charged invoice for `subscription` (no event yet: see announceIssued). */
  issue(subscription: Subscription, request: SubscriptionInvoiceRequest): Invoice {
    const { store, config } = this.context;
    const id = randomId("in_");
    const lines = request.items.map((item) => this.lineOf(subscription, item, request.linePeriod));
    let subtotal = 0;
    let total = 0;
    for (const item of request.items) {
      subtotal += item.amount_subtotal;
      total += item.amount_total;
    }
    const invoice: Invoice = {
      id,
      object: "invoice",
      account_country: "JP",
      amount_due: total,
      amount_paid: 0,
      amount_remaining: total,
      attempt_count: 0,
      attempted: false,
      billing_reason: request.reason,
      collection_method: "charge_automatically",
      created: request.at,
      currency: subscription.currency,
      custom_fields: null,
      customer: request.customer.id,
      customer_email: request.customer.email,
      customer_name: request.customer.name,
      description: null,
      footer: null,
      hosted_invoice_url: `${config.publicBaseUrl}/i/${id}`,
      invoice_pdf: `${config.publicBaseUrl}/i/${id}/pdf`,
      lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
      livemode: subscription.livemode,
      metadata: {},
      next_payment_attempt: null,
      number: nextInvoiceNumber(store),
      parent: {
        quote_details: null,
        subscription_details: {
          metadata: { ...subscription.metadata },
          subscription: subscription.id,
        },
        type: "subscription_details",
      },
      period_end: request.period.end,
      period_start: request.period.start,
      status: "open",
      status_transitions: { finalized_at: request.at, paid_at: null },
      subtotal,
      total,
      total_taxes: lines.flatMap((line) => line.taxes),
    };
    store.invoices.set(id, invoice);
    return invoice;
  }

  private lineOf(
    subscription: Subscription,
    item: LineItem,
    period: { start: number; end: number },
  ): InvoiceLine {
    const line = invoiceLineOf(item);
    const subscriptionItem = subscription.items.data.find(
      (entry) => entry.price.id === item.price.id,
    );
    if (!subscriptionItem) return line;
    return {
      ...line,
      period: { ...period },
      subscription: subscription.id,
      parent: {
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: false,
          proration_details: null,
          subscription: subscription.id,
          subscription_item: subscriptionItem.id,
        },
        type: "subscription_item_details",
      },
    };
  }

  announceIssued(invoice: Invoice): void {
    this.context.events.emit("invoice.created", invoice, NO_REQUEST);
    this.context.events.emit("invoice.finalized", invoice, NO_REQUEST);
  }

  /** The automatic charge succeeds. */
  pay(invoice: Invoice): void {
    invoice.status = "paid";
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.attempted = true;
    invoice.attempt_count = (invoice.attempt_count ?? 0) + 1;
    // Charged when it is made: at the period boundary it belongs to.
    invoice.status_transitions.paid_at = invoice.created;
    this.context.events.emit("invoice.paid", invoice, NO_REQUEST);
    this.context.events.emit("invoice.payment_succeeded", invoice, NO_REQUEST);
  }

  /** The automatic charge fails; the invoice stays open (retries are not modelled). */
  fail(invoice: Invoice): void {
    invoice.attempted = true;
    invoice.attempt_count = (invoice.attempt_count ?? 0) + 1;
    this.context.events.emit("invoice.payment_failed", invoice, NO_REQUEST);
  }
}
