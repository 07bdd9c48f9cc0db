/**
 * The emulator's Tax Rates and Invoices in Stripe's JSON shape, as far as Checkout uses them:
 * https://docs.stripe.com/api/tax_rates/object, https://docs.stripe.com/api/invoices/object
 */
import type { Metadata } from "./stripeObjects";

export interface TaxRate {
  id: string;
  object: "tax_rate";
  active: boolean;
  country: string | null;
  created: number;
  description: string | null;
  display_name: string;
  effective_percentage: number | null;
  flat_amount: null;
  inclusive: boolean;
  jurisdiction: string | null;
  jurisdiction_level: null;
  livemode: boolean;
  metadata: Metadata;
  percentage: number;
  rate_type: "percentage";
  state: string | null;
  tax_type: string | null;
}

/** One rate's tax on a line or a session: `line_items.data[].taxes[]`, `total_details.breakdown.taxes[]`. */
export interface AppliedTax {
  amount: number;
  rate: TaxRate;
  taxability_reason: null;
  taxable_amount: number;
}

export interface InvoiceLine {
  id: string;
  object: "line_item";
  amount: number;
  currency: string;
  description: string | null;
  quantity: number;
  taxes: {
    amount: number;
    tax_behavior: "inclusive" | "exclusive";
    tax_rate_details: { tax_rate: string };
    taxable_amount: number;
    type: "tax_rate_details";
  }[];
  /** A subscription invoice's line: the period it bills and the subscription item it comes from. */
  period?: { end: number; start: number };
  subscription?: string;
  parent?: {
    invoice_item_details: null;
    subscription_item_details: {
      invoice_item: null;
      proration: false;
      proration_details: null;
      subscription: string;
      subscription_item: string;
    } | null;
    type: "subscription_item_details";
  };
}

/** What a subscription's invoice has besides the fields every invoice has. */
export interface SubscriptionInvoiceFields {
  attempt_count: number;
  attempted: boolean;
  billing_reason: "subscription_create" | "subscription_cycle";
  next_payment_attempt: number | null;
  /** The pinned version names an invoice's subscription here (no top-level `subscription`). */
  parent: {
    quote_details: null;
    subscription_details: { metadata: Metadata; subscription: string };
    type: "subscription_details";
  };
  period_end: number;
  period_start: number;
}

export interface Invoice extends Partial<SubscriptionInvoiceFields> {
  id: string;
  object: "invoice";
  account_country: string;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  collection_method: "charge_automatically";
  created: number;
  currency: string;
  custom_fields: { name: string; value: string }[] | null;
  customer: string | null;
  customer_email: string | null;
  customer_name: string | null;
  description: string | null;
  footer: string | null;
  hosted_invoice_url: string;
  invoice_pdf: string;
  lines: { object: "list"; data: InvoiceLine[]; has_more: false; url: string };
  livemode: boolean;
  metadata: Metadata;
  number: string;
  /** Subscription renewals that failed stay `open` (https://docs.stripe.com/invoicing/overview#invoice-statuses). */
  status: "paid" | "open";
  status_transitions: { finalized_at: number; paid_at: number | null };
  subtotal: number;
  total: number;
  total_taxes: {
    amount: number;
    tax_behavior: "inclusive" | "exclusive";
    tax_rate_details: { tax_rate: string };
    taxable_amount: number;
    type: "tax_rate_details";
  }[];
}
