/**
 * The emulator's state: every object in Stripe's JSON shape, kept in insertion order (which is
 * also `created` order, since the clock only moves forward), plus the emulator's clock.
 */
import crypto from "node:crypto";
import type { CheckoutSessionOptions } from "./resources/checkoutSessionOptions";

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
}

/** A session's line item plus what Stripe keeps about it but does not show in the item object. */
export interface StoredLineItem {
  item: LineItem;
  adjustableQuantity: { enabled: boolean; minimum: number; maximum: number } | null;
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
export interface CheckoutSession extends CheckoutSessionOptions {
  id: string;
  object: "checkout.session";
  after_expiration: AfterExpiration | null;
  allow_promotion_codes: boolean | null;
  amount_subtotal: number;
  amount_total: number;
  automatic_tax: { enabled: false; liability: null; status: null };
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
  invoice: null;
  livemode: boolean;
  locale: string | null;
  metadata: Metadata;
  mode: "payment";
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
  subscription: null;
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

/** One version of a product as the search index sees it, visible from `visibleAtMs`. */
interface SearchVersion {
  product: Product;
  visibleAtMs: number;
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomId(prefix: string, length = 24): string {
  const bytes = crypto.randomBytes(length);
  let id = "";
  for (const byte of bytes) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}${id}`;
}

/** What `captureState` answers: each Map by its property name, and the emulator's time. */
export interface StripeStoreState {
  collections: Record<string, Map<unknown, unknown>>;
  nowMs: number;
}

export class StripeStore {
  /** Milliseconds the emulator's clock runs ahead of the wall clock (advanceClock). */
  private clockOffsetMs = 0;
  /** When frozen, the wall-clock instant the clock stopped at; time then moves only by advance(). */
  private frozenAtMs: number | undefined;

  readonly products = new Map<string, Product>();
  readonly prices = new Map<string, Price>();
  readonly files = new Map<string, StripeFile>();
  readonly fileContents = new Map<string, { bytes: Buffer; mimeType: string }>();
  readonly fileLinks = new Map<string, FileLink>();
  /** file link token (the last path segment of its url) → link id */
  readonly fileLinkTokens = new Map<string, string>();
  readonly sessions = new Map<string, CheckoutSession>();
  readonly sessionLineItems = new Map<string, StoredLineItem[]>();
  readonly sessionPaymentIntentData = new Map<string, PaymentIntentData>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly disputes = new Map<string, Dispute>();
  readonly customers = new Map<string, Customer>();
  /** recovery url token (its last path segment) → the expired session it recovers */
  readonly recoveryTokens = new Map<string, string>();
  /** expired session id → the newest session made from its recovery url */
  readonly recoveredSessions = new Map<string, string>();
  readonly events = new Map<string, StripeEvent>();
  readonly productSearchVersions = new Map<string, SearchVersion[]>();

  nowMs(): number {
    return (this.frozenAtMs ?? Date.now()) + this.clockOffsetMs;
  }

  /** Stops (or restarts) the clock without a jump in emulator time. */
  setFrozen(frozen: boolean): void {
    if (frozen && this.frozenAtMs === undefined) this.frozenAtMs = Date.now();
    if (!frozen && this.frozenAtMs !== undefined) {
      this.clockOffsetMs += this.frozenAtMs - Date.now();
      this.frozenAtMs = undefined;
    }
  }

  /** Unix seconds in emulator time. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advance(seconds: number): void {
    this.clockOffsetMs += Math.round(seconds * 1000);
  }

  /** Records what products.search will see of `product`, `lagMs` from now. */
  indexProduct(product: Product, lagMs: number): void {
    const versions = this.productSearchVersions.get(product.id) ?? [];
    versions.push({ product: structuredClone(product), visibleAtMs: this.nowMs() + lagMs });
    this.productSearchVersions.set(product.id, versions);
  }

  /** The products as the (eventually consistent) search index sees them now, newest first. */
  searchableProducts(): Product[] {
    const now = this.nowMs();
    const visible: Product[] = [];
    for (const versions of this.productSearchVersions.values()) {
      let latest: Product | undefined;
      for (const version of versions) if (version.visibleAtMs <= now) latest = version.product;
      if (latest) visible.push(latest);
    }
    return visible.reverse();
  }

  /** Every collection (Maps) and the emulator's time, as `restoreState` takes them back. */
  captureState(): StripeStoreState {
    const collections: Record<string, Map<unknown, unknown>> = {};
    for (const [name, value] of Object.entries(this)) {
      if (value instanceof Map) collections[name] = new Map(structuredClone([...value]));
    }
    return { collections, nowMs: this.nowMs() };
  }

  /** The collections come back as saved; the clock never runs back behind the saved time. */
  restoreState(state: StripeStoreState): void {
    for (const [name, value] of Object.entries(this)) {
      if (!(value instanceof Map)) continue;
      value.clear();
      for (const [key, item] of state.collections[name] ?? new Map()) value.set(key, item);
    }
    const behind = state.nowMs - this.nowMs();
    if (behind > 0) this.clockOffsetMs += behind;
  }

  reset(): void {
    for (const value of Object.values(this)) {
      if (value instanceof Map) value.clear();
    }
    this.clockOffsetMs = 0;
    if (this.frozenAtMs !== undefined) this.frozenAtMs = Date.now();
  }
}

/** Newest first, as every Stripe list answers. */
export function newestFirst<T>(items: Iterable<T>): T[] {
  return [...items].reverse();
}
