/**
 * What the Stripe emulator offers its users (tests, the sandbox, the browser stories, the
 * benchmarks): its options, the state it shows and the methods that act as the customer, the
 * cardholder's bank or time.
 */
import type { BuyerChoices } from "./PaymentFlows";
import type { DisputeOutcome } from "./DisputeFlows";
import type { StripeStoreState } from "./StripeStore";
import type {
  Charge,
  CheckoutSession,
  Dispute,
  FileLink,
  PaymentIntent,
  Price,
  Product,
  Refund,
  StripeEvent,
  StripeFile,
} from "./stripeObjects";
import type { Invoice, TaxRate } from "./taxAndInvoiceObjects";
import type { RenewalOutcome, Subscription } from "./subscriptionObjects";
import type { WebhookDeliveryAttempt, WebhookRetryPolicy } from "./WebhookDeliverer";
import type { RecordedRequest } from "./http/ApiRequestHandler";
import type { EndpointRateLimit, FailRule } from "./http/TrafficControls";

export interface StripeEmulatorOptions {
  port?: number; // default 0 = free port; listens on 127.0.0.1
  latencyMs?: number; // added to every API answer
  rateLimitPerSecond?: number; // token bucket per second; beyond it 429 rate_limit error
  searchLagMs?: number; // products become visible to products.search only after this (default 0)
  webhook?: { url: string; secret: string; enabledEvents?: string[] }; // deliver signed events here (secret "whsec_…")
  publicBaseUrl?: string; // base for session.url / file link urls; default the emulator's own url
  /** Per-key permissions, e.g. { "rk_test_x": ["checkout_sessions_write", "products_read"] }. */
  restrictedKeys?: Record<string, string[]>;
  /** The time zone the pages (checkout, Dashboard) show times in; default the machine's. */
  displayTimeZone?: string;
  /**
   * Webhook retries: default 200 ms doubling, 5 attempts, 10 s timeout per attempt; `jitterMs`
   * delays each delivery randomly so that events arrive out of order, as Stripe does not order them.
   */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Stop the emulator's clock: time then moves only with advanceClock (deterministic tests). */
  frozenClock?: boolean;
  /**
   * Extra per-endpoint buckets on top of the global one, as Stripe has for Search and Files
   * (20/s each, https://docs.stripe.com/rate-limits), e.g. [{ pathPrefix: "/v1/products/search", perSecond: 20 }].
   */
  endpointRateLimits?: EndpointRateLimit[];
}

export interface StripeEmulatorState {
  readonly products: Product[];
  readonly prices: Price[];
  readonly files: StripeFile[];
  readonly fileLinks: FileLink[];
  readonly sessions: CheckoutSession[];
  readonly events: StripeEvent[];
  readonly paymentIntents: PaymentIntent[];
  readonly charges: Charge[];
  readonly refunds: Refund[];
  readonly disputes: Dispute[];
  readonly taxRates: TaxRate[];
  readonly invoices: Invoice[];
  readonly subscriptions: Subscription[];
  readonly webhookDeliveries: WebhookDeliveryAttempt[];
}

/** The store's collections the state shows, each a fresh copy every time it is read. */
export const STATE_COLLECTIONS = [
  "products",
  "prices",
  "files",
  "fileLinks",
  "sessions",
  "events",
  "paymentIntents",
  "charges",
  "refunds",
  "disputes",
  "taxRates",
  "invoices",
  "subscriptions",
] as const satisfies readonly Exclude<keyof StripeEmulatorState, "webhookDeliveries">[];

export interface StripeEmulator {
  url: string; // "http://localhost:PORT"
  port: number;
  close(): Promise<void>;
  configure(
    o: Partial<
      Pick<
        StripeEmulatorOptions,
        | "latencyMs"
        | "rateLimitPerSecond"
        | "searchLagMs"
        | "webhook"
        | "restrictedKeys"
        | "webhookRetry"
        | "frozenClock"
        | "endpointRateLimits"
      >
    >,
  ): void;
  /** Every API request received (not /_emulator ones): method, path, idempotencyKey, status, time. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /**
   * Test clock: moves the emulator's "now" forward; sessions past expires_at expire and
   * subscriptions past their period end renew or end (with events).
   */
  advanceClock(seconds: number): Promise<void>;
  now(): number; // unix seconds, emulator time
  /** Fail the next n API requests matching (method, path prefix) with a status or a timeout (hang). */
  failNext(rule: FailRule): void;
  /** Act as the customer on the hosted page: */
  /** `choices.quantities`: new quantities by line index, for lines with adjustable_quantity. */
  payWithCard(sessionId: string, choices?: BuyerChoices): Promise<void>; // complete + paid (+events)
  payWithDelayedMethod(sessionId: string, choices?: BuyerChoices): Promise<void>; // complete + unpaid, like konbini
  settleDelayedPayment(sessionId: string, outcome: "succeeded" | "failed"): Promise<void>;
  /** Refunds a paid session's payment (as the dashboard would); emits charge.refunded. */
  refundSession(sessionId: string, amount?: number): Promise<Refund>;
  /**
   * Recovery (https://docs.stripe.com/payments/checkout/abandoned-carts): what opening the recovery
   * URL of an expired session created with after_expiration[recovery][enabled] does — a new open
   * copy with `recovered_from` = expiredId, or the copy made earlier while it is not expired.
   * Rejects for a session without recovery, not expired, or whose recovery URL expired.
   */
  recoverSession(expiredId: string): Promise<CheckoutSession>;
  /**
   * The cardholder disputes a paid session's charge (default: its whole amount): a `dp_…` dispute
   * in status needs_response, reason fraudulent; emits charge.dispute.created and
   * charge.dispute.funds_withdrawn; the charge's `disputed` becomes true.
   */
  openDispute(sessionId: string, options?: { amount?: number }): Promise<Dispute>;
  /**
   * What a subscription's next renewal does when the clock passes its period end: "pay" (the
   * default) or "fail" (invoice.payment_failed, the subscription past_due) — once.
   */
  setNextRenewal(subscriptionId: string, outcome: RenewalOutcome): Promise<void>;
  /** Closes an open dispute as won or lost: charge.dispute.closed (+ funds_reinstated when won). */
  closeDispute(disputeId: string, outcome: DisputeOutcome): Promise<Dispute>;
  /**
   * Holds webhook deliveries back (the "paid a moment ago, webhook not yet here" race): events
   * are still created and listed by /v1/events, but not sent until releaseWebhooks().
   */
  holdWebhooks(): void;
  /** Stops holding; delivers the held events in the order they happened, resolving when done. */
  releaseWebhooks(): Promise<void>;
  /** Waits until every queued webhook delivery was attempted (delivered or given up); held ones are not waited for. */
  flushWebhooks(): Promise<void>;
  /** Delivers an already sent event again, as Stripe may (duplicates must be harmless). */
  resendEvent(eventId: string): Promise<void>;
  /** Forgets every object, event, request, idempotency key, rule and held webhook; the clock returns to now. */
  reset(): void;
  /** Every object and the emulator's time, for the sandbox to save across restarts. */
  captureState(): StripeStoreState;
  /** Puts a captured state back (webhook deliveries and idempotency keys start afresh). */
  restoreState(state: StripeStoreState): void;
  state: StripeEmulatorState;
}
