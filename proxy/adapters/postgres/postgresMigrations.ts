/**
 * The PostgreSQL journal's schema: plain SQL in code, applied in order, each version recorded in
 * `journal_migrations`. The same tables as the SQLite journal, moments in epoch milliseconds
 * (BIGINT) like there; ids compare byte by byte (COLLATE "C"), as SQLite compares text; `seq`
 * keeps the order rows were made in, where SQLite's `rowid` does. A new table is a new migration
 * at the end.
 */
import type { Pool } from "pg";
import { toJournalError } from "./PostgresQueries";

export const POSTGRES_MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     session_id TEXT COLLATE "C" PRIMARY KEY,
     app_id TEXT NOT NULL,
     record_ids TEXT NOT NULL,
     mapping_json TEXT NOT NULL,
     status TEXT NOT NULL,
     payment_status TEXT NOT NULL,
     url TEXT,
     currency TEXT NOT NULL,
     amount_total BIGINT NOT NULL,
     customer_email TEXT,
     expires_at BIGINT NOT NULL,
     created_at BIGINT NOT NULL,
     paid_at BIGINT,
     amount_refunded BIGINT NOT NULL DEFAULT 0,
     refund_state TEXT NOT NULL DEFAULT 'none',
     dispute_state TEXT NOT NULL DEFAULT 'none',
     payment_intent_id TEXT,
     recovery_url TEXT
   );
   CREATE INDEX sessions_by_app ON sessions (app_id, created_at);
   CREATE INDEX sessions_by_created ON sessions (created_at);
   CREATE TABLE session_records (
     session_id TEXT COLLATE "C" NOT NULL REFERENCES sessions (session_id),
     app_id TEXT NOT NULL,
     record_id TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (app_id, record_id, session_id)
   );
   CREATE INDEX session_records_by_session ON session_records (session_id);
   CREATE TABLE checkout_intents (
     base_key TEXT PRIMARY KEY,
     generation INTEGER NOT NULL,
     idempotency_key TEXT NOT NULL,
     expires_at BIGINT NOT NULL,
     created_at BIGINT NOT NULL,
     session_id TEXT,
     abandoned BOOLEAN NOT NULL DEFAULT false
   );
   CREATE TABLE pending_write_backs (
     app_id TEXT COLLATE "C" NOT NULL,
     record_id TEXT COLLATE "C" NOT NULL,
     fields JSONB NOT NULL,
     attempts INTEGER NOT NULL,
     next_attempt_at BIGINT NOT NULL,
     last_error TEXT,
     PRIMARY KEY (app_id, record_id)
   );
   CREATE INDEX pending_write_backs_due ON pending_write_backs (next_attempt_at);
   CREATE TABLE product_cache (
     cache_key TEXT PRIMARY KEY,
     product_id TEXT NOT NULL,
     content_hash TEXT NOT NULL
   );
   CREATE TABLE image_cache (
     cache_key TEXT PRIMARY KEY,
     url TEXT NOT NULL
   );
   CREATE TABLE jobs (
     seq BIGINT GENERATED ALWAYS AS IDENTITY,
     job_id TEXT COLLATE "C" PRIMARY KEY,
     app_id TEXT NOT NULL,
     mapping_json TEXT NOT NULL,
     query TEXT,
     status TEXT NOT NULL,
     items_resolved BOOLEAN NOT NULL,
     error_code TEXT,
     error_message TEXT,
     created_at BIGINT NOT NULL,
     language TEXT NOT NULL DEFAULT 'en'
   );
   CREATE INDEX jobs_by_status ON jobs (status, created_at);
   CREATE INDEX jobs_by_app ON jobs (app_id, created_at);
   CREATE TABLE job_items (
     job_id TEXT COLLATE "C" NOT NULL REFERENCES jobs (job_id),
     position INTEGER NOT NULL,
     record_id TEXT COLLATE "C" NOT NULL,
     revision TEXT,
     state TEXT NOT NULL,
     session_id TEXT,
     error_code TEXT,
     error_message TEXT,
     written_back BOOLEAN NOT NULL DEFAULT false,
     PRIMARY KEY (job_id, record_id)
   );
   CREATE INDEX job_items_by_state ON job_items (job_id, state, position);
   CREATE TABLE stripe_events (
     event_id TEXT COLLATE "C" PRIMARY KEY,
     type TEXT NOT NULL,
     created BIGINT NOT NULL,
     payload TEXT NOT NULL,
     received_at BIGINT NOT NULL,
     applied_at BIGINT,
     outcome TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX stripe_events_unapplied ON stripe_events (applied_at, created);
   CREATE INDEX stripe_events_by_created ON stripe_events (created);
   CREATE TABLE payment_intent_sessions (
     payment_intent_id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL
   );
   CREATE TABLE webhook_arrivals (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     last_signed_at BIGINT NOT NULL
   );`,
  // Leases: a job's pending items and an owed write-back are worked on by one proxy at a time
  // (the claimer's id and until when, in ms), taken back once the lease runs out.
  `ALTER TABLE job_items ADD COLUMN claimed_by TEXT, ADD COLUMN lease_until BIGINT;
   ALTER TABLE pending_write_backs ADD COLUMN claimed_by TEXT, ADD COLUMN lease_until BIGINT;`,
];

/** The session advisory lock every starting proxy takes to migrate: one at a time. */
const MIGRATION_LOCK = 7_244_191_901;

/**
 * Brings the schema up to date, once however many proxies start together: each takes the same
 * advisory lock first (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS),
 * so the second finds the first one's versions recorded and applies nothing. Each version is
 * applied and recorded in one transaction: a proxy killed in the middle leaves none of it.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect().catch((error: unknown) => {
    throw toJournalError(error);
  });
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS journal_migrations (
           version INTEGER PRIMARY KEY,
           applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ version: number }>(
        "SELECT COALESCE(MAX(version), 0)::int AS version FROM journal_migrations",
      );
      for (let version = rows[0]?.version ?? 0; version < POSTGRES_MIGRATIONS.length; version++) {
        await client.query("BEGIN");
        try {
          await client.query(POSTGRES_MIGRATIONS[version] as string);
          await client.query("INSERT INTO journal_migrations (version) VALUES ($1)", [version + 1]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } catch (error) {
    throw toJournalError(error);
  } finally {
    client.release();
  }
}
