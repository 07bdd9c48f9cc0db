/**
 * What the proxy needs from Stripe. Only the Stripe adapter imports the `stripe` SDK; use cases
 * and tests speak this interface. Amounts are integers in minor units. Failures are thrown as
 * `UpstreamError("stripe", …)` (or `SessionNotFoundError` where a session id is unknown).
 */
import type { PostalAddress } from "../../core/address/formatPostalAddress";
import type { CheckoutSessionOptions } from "./CheckoutSessionOptions";
import type { CheckoutInvoice, TaxAndInvoiceOptions } from "./InvoiceOptions";
import type { PaymentEvent } from "./PaymentEvent";
import type { Recurring } from "../../core/api/proxyApi";
import type { StripeSubscription } from "./Subscription";

export type SessionStatus = "open" | "complete" | "expired";
export type StripePaymentStatus = "paid" | "unpaid" | "no_payment_required";

export interface CheckoutSession {
  id: string;
  /** Null for embedded sessions: the page is opened with `clientSecret` instead. */
  url: string | null;
  /** Stripe's `client_secret`, for embedded sessions only. */
  clientSecret: string | null;
  status: SessionStatus;
  paymentStatus: StripePaymentStatus;
  amountTotal: number | null;
  /** Lower-case ISO 4217. */
  currency: string | null;
  customerEmail: string | null;
  expiresAt: Date;
  createdAt: Date;
  paymentIntentId: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  /** Stripe's `after_expiration.recovery.url`: a live link that replaces this expired one. */
  recoveryUrl: string | null;
  /** Stripe's `recovered_from`: the expired session this one was made from through its recovery URL. */
  recoveredFrom: string | null;
  /** Who paid, as the completed session tells it; absent before completion. */
  buyer?: CheckoutBuyer;
  /** Stripe's `total_details.amount_tax`: tax included in or added to amountTotal. */
  amountTax?: number | null;
  /** The invoice Stripe issued for the paid session (`invoice`), when it made one. */
  invoiceId?: string | null;
  /** A subscription-mode session's subscription (`subscription`), once complete. */
  subscriptionId?: string | null;
}

/**
 * The buyer of a completed session: Stripe's `customer`, `customer_details` and
 * `collected_information.shipping_details`. Each part is null when Stripe collected none.
 */
export interface CheckoutBuyer {
  customerId: string | null;
  name: string | null;
  phone: string | null;
  billingAddress: PostalAddress | null;
  shipping: { name: string | null; address: PostalAddress } | null;
  /** What the buyer entered in the session's custom fields, by key ("" for a field left empty). */
  customFields?: Record<string, string>;
}

/** A catalogue product identified by its product code (Stripe metadata `product_code`). */
export interface ProductDetails {
  code: string;
  name: string;
  description?: string;
  /** Public image URLs (≤ 8). `undefined` keeps the product's existing images. */
  images?: string[];
}

/** What `upsertProduct` is given: the product, and the id the caller saved for it, if any. */
export interface ProductUpsert extends ProductDetails {
  /**
   * The product id the caller got for this code last time (e.g. from its product cache): read
   * directly instead of searched for. A stale id (the product was deleted) costs a search.
   */
  knownProductId?: string;
}

export interface CheckoutLineItemRequest {
  /** A catalogue product, or inline product data when the line has no product code. */
  product: { id: string } | { name: string; description?: string; images?: string[] };
  unitAmount: number;
  quantity: number;
  adjustableQuantity?: { minimum?: number; maximum?: number };
  /** An existing Stripe Price: charged instead of `product` and `unitAmount` (which mirror it). */
  priceId?: string;
  /** Stripe Tax Rate ids (`txr_…`) applied to the line (`line_items[].tax_rates`). */
  taxRateIds?: string[];
  /** A subscription line: billed every period (`price_data.recurring`); absent: once. */
  recurring?: Recurring;
}

/** A Tax Rate the proxy keeps one of per (percentage, inclusive, display name). */
export interface TaxRateSpec {
  /** Whole percent: 10, 8 or 0. */
  percentage: number;
  inclusive: boolean;
  displayName: string;
}

export interface CheckoutSessionRequest {
  /** Same key and same request → the same session, however often it is sent (≤ 255 chars). */
  idempotencyKey: string;
  currency: string;
  lineItems: CheckoutLineItemRequest[];
  /** Absent for embedded sessions (`options.returnUrl` instead). */
  successUrl?: string;
  cancelUrl?: string;
  expiresAt: Date;
  customerEmail?: string;
  locale?: string;
  allowPromotionCodes?: boolean;
  /** Stripe's `after_expiration.recovery`: an expired session gets a recovery URL. */
  afterExpirationRecovery?: boolean;
  billingAddressCollection?: "auto" | "required";
  clientReferenceId: string;
  metadata: Record<string, string>;
  /** Embedded mode, payment methods, what the buyer is asked, page texts, customer. */
  options?: CheckoutSessionOptions;
  taxAndInvoice?: TaxAndInvoiceOptions;
  /** A subscription session; its metadata goes on the subscription too, so its events find the records. */
  subscription?: { metadata: Record<string, string> };
}

export interface SessionListFilter {
  status?: SessionStatus;
  customerEmail?: string;
  paymentIntent?: string;
  limit?: number;
  startingAfter?: string;
}

/** Which Stripe data a key works on: test or live mode. */
export type StripeMode = "test" | "live";
/** `rk_…` restricted (the permissions granted to it) or `sk_…` secret (everything). */
export type StripeKeyType = "restricted" | "secret";

export interface KeyDescription {
  mode: StripeMode;
  keyType: StripeKeyType;
  /** Plain-language problems, e.g. a permission the restricted key lacks. Empty when all is well. */
  problems: string[];
}

/** A restricted key's permission, named as the Stripe Dashboard names the resource. */
export type StripePermissionResource =
  | "Checkout Sessions"
  | "Products"
  | "Files"
  | "File Links"
  | "Events"
  | "Webhook Endpoints"
  | "Subscriptions";

export interface PermissionCheck {
  resource: StripePermissionResource;
  access: "read" | "write";
  /**
   * granted: Stripe let the request past its permission check; denied: Stripe refused it for the
   * key's permissions; unverified: no answer that tells (the detail says what came instead).
   */
  result: "granted" | "denied" | "unverified";
  /** Why a check is unverified, safe to show (no key). */
  detail?: string;
}

export interface WebhookEndpointSummary {
  url: string;
  /** Stripe's `enabled_events`; `["*"]` for every event. */
  enabledEvents: string[];
  /** `enabled` or `disabled`. */
  status: string;
}

export type WebhookEndpointsAnswer =
  | { readable: true; endpoints: WebhookEndpointSummary[] }
  | { readable: false; result: "denied" | "unverified"; detail?: string };

export interface PaymentGateway {
  /**
   * The catalogue product for `details.code`: reused if one exists (also one registered by hand
   * with metadata `product_code`), updated if its name/description/images differ, else created.
   * Never makes two products for one code, even concurrently or while Stripe's search lags.
   * The gateway keeps no product ids of its own: the caller passes the one it knows.
   */
  upsertProduct(product: ProductUpsert): Promise<{ productId: string }>;
  /**
   * Says which product codes the next `upsertProduct` calls are about (e.g. the new codes of one
   * session: codes whose product id the caller knows need no lookup), so the gateway can look
   * them all up at once instead of code by code. Only cheaper, never required: `upsertProduct`
   * keeps its guarantees without it. Never rejects; a lookup that fails is left to
   * `upsertProduct`.
   */
  prepareProducts?(codes: readonly string[]): Promise<void>;
  /**
   * The Tax Rate for `rate`: an active one with that percentage, inclusive flag and display
   * name if Stripe has one (also one made by hand), else a new one. Never makes two for one
   * spec when called again; the caller caches the id and serializes calls per spec.
   */
  upsertTaxRate(rate: TaxRateSpec): Promise<{ taxRateId: string }>;
  /** An invoice Stripe issued (a read); `null` when Stripe does not know the id. */
  retrieveInvoice(invoiceId: string): Promise<CheckoutInvoice | null>;
  /** Uploads a product image (already JPEG/PNG/GIF ≤ 512 KB) and returns a public URL for it. */
  uploadProductImage(image: {
    bytes: Uint8Array;
    filename: string;
    contentType: string;
  }): Promise<{ url: string }>;
  createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession>;
  /** `null` when Stripe does not know the id. */
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSession | null>;
  /**
   * Throws `SessionNotFoundError` for an unknown id and `SessionNotOpenError` (with the status in
   * its details) for a session that is already complete or expired.
   */
  expireCheckoutSession(sessionId: string): Promise<CheckoutSession>;
  listCheckoutSessions(
    filter: SessionListFilter,
  ): Promise<{ sessions: CheckoutSession[]; hasMore: boolean }>;
  describeKey(): Promise<KeyDescription>;
  /** An existing Price (a read, allowed in a dry run); `null` when Stripe does not know the id. */
  retrievePrice(priceId: string): Promise<StripePrice | null>;
  /**
   * Whether the key may make each call the product makes (write where it writes), found without
   * creating anything. Never rejects: a check without a clear answer is `unverified`.
   */
  checkPermissions(): Promise<PermissionCheck[]>;
  /** The account's webhook endpoints, when the key may read them. Never rejects. */
  listWebhookEndpoints(): Promise<WebhookEndpointsAnswer>;
  /**
   * One page of Stripe events, newest first (Stripe's order), of the given types created at or
   * after `createdGte` (unix seconds). Stripe keeps events for 30 days only.
   */
  listEvents(filter: EventListFilter): Promise<{ events: PaymentEvent[]; hasMore: boolean }>;
  /** A subscription (a read); `null` when Stripe does not know the id. */
  retrieveSubscription(subscriptionId: string): Promise<StripeSubscription | null>;
  /**
   * Cancels at the period's end (`cancel_at_period_end`) or now; `null` when Stripe does not
   * know the id. Cancelling one already canceled answers its state.
   */
  cancelSubscription(
    subscriptionId: string,
    options: { atPeriodEnd: boolean },
  ): Promise<StripeSubscription | null>;
}

export interface StripePrice {
  id: string;
  /** Minor units; null for tiered or customer-chosen amounts. */
  unitAmount: number | null;
  /** Lower-case ISO 4217. */
  currency: string;
  active: boolean;
  recurring: boolean;
  /** A recurring price's period (`recurring.interval`, `interval_count`). */
  recurringInterval?: Recurring;
}

export interface EventListFilter {
  types: readonly string[];
  createdGte: number;
  /** An event id of the previous page. */
  startingAfter?: string;
  limit?: number;
}
