/**
 * The Stripe objects the emulator keeps, in Stripe's JSON shape (the fields the product and the
 * tests use). https://docs.stripe.com/api
 */
import type { CheckoutSessionOptions } from "./resources/checkoutSessionOptions";
import type { SessionTaxAndInvoiceFields } from "./resources/sessionTaxAndInvoiceOptions";
import type { AppliedTax, TaxRate } from "./taxAndInvoiceObjects";

export type Metadata = Record<string, string>;

export interface Product {
  id: string;
  object: "product";
  active: boolean;
  attributes: string[];
  created: number;
  default_price: string | null;
  description: string | null;
  images: string[];
  livemode: boolean;
  marketing_features: { name: string }[];
  metadata: Metadata;
  name: string;
  package_dimensions: null;
  shippable: boolean | null;
  statement_descriptor: string | null;
  tax_code: string | null;
  type: "service";
  unit_label: string | null;
  updated: number;
  url: string | null;
}

export interface Price {
  id: string;
  object: "price";
  active: boolean;
  billing_scheme: "per_unit";
  created: number;
  currency: string;
  custom_unit_amount: null;
  livemode: boolean;
  lookup_key: string | null;
  metadata: Metadata;
  nickname: string | null;
  product: string;
  recurring: { interval: string; interval_count: number; usage_type: "licensed" } | null;
  tax_behavior: "exclusive" | "inclusive" | "unspecified";
  tiers_mode: null;
  transform_quantity: null;
  type: "one_time" | "recurring";
  unit_amount: number;
  unit_amount_decimal: string;
}

export interface StripeFile {
  id: string;
  object: "file";
  created: number;
  expires_at: number | null;
  filename: string;
  links: { object: "list"; data: FileLink[]; has_more: boolean; url: string } | null;
  purpose: string;
  size: number;
  title: string | null;
  type: string | null;
  url: string;
}

export interface FileLink {
  id: string;
  object: "file_link";
  created: number;
  expired: boolean;
  expires_at: number | null;
  file: string;
  livemode: boolean;
  metadata: Metadata;
  url: string;
}

export interface LineItem {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: Price;
  quantity: number;
  /** One entry per tax rate of the line (tax_rates). */
  taxes?: AppliedTax[];
}

/** A session's line item plus what Stripe keeps about it but does not show in the item object. */
export interface StoredLineItem {
  item: LineItem;
  adjustableQuantity: { enabled: boolean; minimum: number; maximum: number } | null;
  /** The line's `tax_rates`, as they were when the session was made. */
  taxRates?: TaxRate[];
}

/** `payment_intent_data` given at session creation, applied to the PaymentIntent it creates. */
export interface PaymentIntentData {
  description?: string;
  metadata?: Metadata;
  receipt_email?: string;
}

/** `after_expiration` (https://docs.stripe.com/payments/checkout/abandoned-carts): url set on expiry. */
export interface AfterExpiration {
  recovery: {
    enabled: boolean;
    allow_promotion_codes: boolean;
    expires_at: number | null;
    url: string | null;
  } | null;
}

/** Stripe's address hash (https://docs.stripe.com/api/charges/object#charge_object-billing_details-address). */
export interface StripeAddress {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

/** The options of `resources/checkoutSessionOptions.ts` are part of the session object. */
export interface CheckoutSession extends CheckoutSessionOptions, SessionTaxAndInvoiceFields {
  id: string;
  object: "checkout.session";
  after_expiration: AfterExpiration | null;
  allow_promotion_codes: boolean | null;
  amount_subtotal: number;
  amount_total: number;
  billing_address_collection: "auto" | "required" | null;
  cancel_url: string | null;
  client_reference_id: string | null;
  client_secret: string | null;
  consent: null;
  created: number;
  currency: string;
  customer: string | null;
  customer_creation: "always" | "if_required";
  customer_details: {
    address: StripeAddress | null;
    email: string | null;
    name: string | null;
    phone: string | null;
    tax_exempt: "none";
    tax_ids: never[];
  } | null;
  /** What the page collected besides `customer_details`: the shipping address, once complete. */
  collected_information: {
    business_name: null;
    individual_name: null;
    shipping_details: { name: string; address: StripeAddress } | null;
  } | null;
  customer_email: string | null;
  expires_at: number;
  livemode: boolean;
  locale: string | null;
  metadata: Metadata;
  mode: "payment" | "subscription";
  payment_intent: string | null;
  payment_link: null;
  payment_method_collection: "if_required";
  payment_method_types: string[];
  payment_status: "paid" | "unpaid" | "no_payment_required";
  phone_number_collection: { enabled: boolean };
  recovered_from: string | null;
  setup_intent: null;
  shipping_address_collection: { allowed_countries: string[] } | null;
  status: "open" | "complete" | "expired";
  submit_type: string | null;
  /** The Subscription a paid subscription-mode session started. */
  subscription: string | null;
  success_url: string | null;
  total_details: { amount_discount: number; amount_shipping: number; amount_tax: number };
  url: string | null;
}

export interface Customer {
  id: string;
  object: "customer";
  created: number;
  description: string | null;
  email: string | null;
  livemode: boolean;
  metadata: Metadata;
  name: string | null;
  phone: string | null;
  /** The test clock the customer lives on (customers created with `test_clock`). */
  test_clock?: string | null;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  capture_method: "automatic";
  client_secret: string;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  latest_charge: string | null;
  livemode: boolean;
  metadata: Metadata;
  payment_method: string | null;
  payment_method_types: string[];
  receipt_email: string | null;
  status: "requires_payment_method" | "requires_action" | "processing" | "succeeded" | "canceled";
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string | null;
  billing_details: { email: string | null; name: string | null };
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: boolean;
  failure_code: string | null;
  failure_message: string | null;
  livemode: boolean;
  metadata: Metadata;
  paid: boolean;
  payment_intent: string;
  payment_method_details: { type: string };
  receipt_email: string | null;
  refunded: boolean;
  status: "succeeded" | "pending" | "failed";
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string | null;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: string | null;
  status: "succeeded";
}

/** https://docs.stripe.com/api/disputes/object */
export interface Dispute {
  id: string;
  object: "dispute";
  amount: number;
  balance_transactions: never[];
  charge: string;
  created: number;
  currency: string;
  evidence_details: {
    due_by: number;
    has_evidence: boolean;
    past_due: boolean;
    submission_count: number;
  };
  is_charge_refundable: boolean;
  livemode: boolean;
  metadata: Metadata;
  payment_intent: string;
  reason: string;
  status: "needs_response" | "under_review" | "won" | "lost";
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}
