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
}

export interface Invoice {
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
  status: "paid";
  status_transitions: { finalized_at: number; paid_at: number };
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
