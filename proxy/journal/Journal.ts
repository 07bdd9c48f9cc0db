/**
 * The proxy's durable memory, one store per concern: which sessions it made for which records (and
 * with which mapping), checkout intents, record writes still owed to kintone, the product and image
 * cache that spares Stripe calls, bulk jobs and Stripe events. Synchronous on purpose: the SQLite
 * adapter is, and a read-check-write in one call is then atomic within the process. An adapter
 * (`proxy/adapters/`) implements every store over one database.
 */
import type { CatalogueCache } from "./CatalogueCache";
import type { CheckoutIntentStore } from "./CheckoutIntentStore";
import type { JobStore } from "./JobStore";
import type { SessionStore } from "./SessionStore";
import type { StripeEventStore } from "./StripeEventStore";
import type { SubscriptionStore } from "./SubscriptionStore";
import type { WebhookWatch } from "./WebhookWatch";
import type { WriteBackStore } from "./WriteBackStore";

export interface Journal {
  readonly sessions: SessionStore;
  readonly intents: CheckoutIntentStore;
  readonly writeBacks: WriteBackStore;
  readonly catalogue: CatalogueCache;
  readonly jobs: JobStore;
  readonly stripeEvents: StripeEventStore;
  readonly webhookWatch: WebhookWatch;
  readonly subscriptions: SubscriptionStore;
  close(): void;
}
