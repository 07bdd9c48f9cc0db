/**
 * The proxy's durable memory, one store per concern: which sessions it made for which records (and
 * with which mapping), checkout intents, record writes still owed to kintone, the product and image
 * cache that spares Stripe calls, bulk jobs and Stripe events. An adapter (`proxy/adapters/`)
 * implements every store over one database.
 *
 * Every store method answers a Promise: a journal shared by several proxies lives in a database
 * server (PostgreSQL), which only a network round trip reaches. A method documented as atomic (a
 * read-check-write such as `CheckoutIntentStore.claim`, whose callbacks are synchronous) is one
 * call whatever the adapter, so no caller ever holds a transaction across an `await`:
 * - SQLite (one file, one process at a time writing): each call is one synchronous transaction,
 *   run whole before the Promise is made, so nothing else in the process or in another process on
 *   the same file sees it half done.
 * - PostgreSQL: each atomic call is one statement (`INSERT … ON CONFLICT`) or one transaction
 *   whose rows are locked (`SELECT … FOR UPDATE`, or a transaction advisory lock on the key when
 *   the row may not exist yet), so proxies working together see it whole or not at all.
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
  /** Releases the database (closes the file, ends the connection pool). */
  close(): Promise<void>;
}
