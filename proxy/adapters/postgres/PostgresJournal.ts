/**
 * The journal in PostgreSQL (node-postgres, one pool), for several proxies sharing one state:
 * `DATABASE_URL` names it. The schema is brought up to date once at open, however many proxies
 * open it together; every store works through `PostgresQueries`, which turns the driver's errors
 * into the proxy's own.
 */
import { Pool, types, type CustomTypesConfig } from "pg";
import type { Journal } from "../../journal/Journal";
import { migratePostgres } from "./postgresMigrations";
import { PostgresCatalogueCache } from "./PostgresCatalogueCache";
import { PostgresCheckoutIntentStore } from "./PostgresCheckoutIntentStore";
import { PostgresJobStore } from "./PostgresJobStore";
import { PostgresQueries, toJournalError } from "./PostgresQueries";
import { PostgresSessionStore } from "./PostgresSessionStore";
import { PostgresStripeEventStore } from "./PostgresStripeEventStore";
import { PostgresSubscriptionStore } from "./PostgresSubscriptionStore";
import { PostgresWebhookWatch } from "./PostgresWebhookWatch";
import { PostgresWriteBackStore } from "./PostgresWriteBackStore";

/**
 * BIGINT (int8) columns hold epoch milliseconds and amounts, well inside a double's exact
 * integers: read as numbers, not node-postgres's default strings. Set for this pool only.
 * https://node-postgres.com/features/types
 */
const INT8_OID = 20;
const journalTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as CustomTypesConfig["getTypeParser"],
};

export interface PostgresJournalOptions {
  /** Connections this proxy holds at most (default 10, node-postgres's). */
  maxConnections?: number;
  /** An idle connection the server dropped (a restart): told here; the pool opens a new one. */
  onIdleError?: (error: unknown) => void;
}

export class PostgresJournal implements Journal {
  readonly sessions: PostgresSessionStore;
  readonly intents: PostgresCheckoutIntentStore;
  readonly writeBacks: PostgresWriteBackStore;
  readonly catalogue: PostgresCatalogueCache;
  readonly jobs: PostgresJobStore;
  readonly stripeEvents: PostgresStripeEventStore;
  readonly webhookWatch: PostgresWebhookWatch;
  readonly subscriptions: PostgresSubscriptionStore;
  private closed = false;

  private constructor(private readonly pool: Pool) {
    const queries = new PostgresQueries(pool);
    this.sessions = new PostgresSessionStore(queries);
    this.intents = new PostgresCheckoutIntentStore(queries);
    this.writeBacks = new PostgresWriteBackStore(queries);
    this.catalogue = new PostgresCatalogueCache(queries);
    this.jobs = new PostgresJobStore(queries);
    this.stripeEvents = new PostgresStripeEventStore(queries);
    this.webhookWatch = new PostgresWebhookWatch(queries);
    this.subscriptions = new PostgresSubscriptionStore(queries);
  }

  /** Connects to `url` (postgres://…), brings the schema up to date, and answers the journal. */
  static async open(url: string, options: PostgresJournalOptions = {}): Promise<PostgresJournal> {
    const pool = new Pool({
      connectionString: url,
      max: options.maxConnections,
      types: journalTypes,
      connectionTimeoutMillis: 10_000,
    });
    // Without a listener, an idle connection's error (the server restarting) would end the process.
    pool.on("error", (error) => options.onIdleError?.(error));
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw toJournalError(error);
    }
    return new PostgresJournal(pool);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
