/**
 * The emulator's state: every object in Stripe's JSON shape, kept in insertion order (which is
 * also `created` order, since the clock only moves forward), plus the emulator's clock.
 */
import crypto from "node:crypto";
import type { Invoice, TaxRate } from "./taxAndInvoiceObjects";
import type {
  RenewalOutcome,
  SessionSubscriptionData,
  Subscription,
  TestClock,
} from "./subscriptionObjects";
import type {
  Charge,
  CheckoutSession,
  Customer,
  Dispute,
  FileLink,
  PaymentIntent,
  PaymentIntentData,
  Price,
  Product,
  Refund,
  StoredLineItem,
  StripeEvent,
  StripeFile,
} from "./stripeObjects";

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
  readonly taxRates = new Map<string, TaxRate>();
  readonly invoices = new Map<string, Invoice>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly testClocks = new Map<string, TestClock>();
  readonly sessionSubscriptionData = new Map<string, SessionSubscriptionData>();
  /** subscription id → what its next renewal does, when a control set it (default: paid) */
  readonly nextRenewalOutcomes = new Map<string, RenewalOutcome>();
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
