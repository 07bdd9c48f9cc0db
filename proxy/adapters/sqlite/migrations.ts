/**
 * The journal's schema: plain SQL in code, applied in order and counted with `PRAGMA user_version`.
 * A database made by an older proxy is brought up to date; a new table is a new migration at the end.
 */
import type Database from "better-sqlite3";

export const MIGRATIONS: string[] = [
  `CREATE TABLE sessions (
     session_id TEXT PRIMARY KEY,
     app_id TEXT NOT NULL,
     record_ids TEXT NOT NULL,
     mapping_json TEXT NOT NULL,
     status TEXT NOT NULL,
     payment_status TEXT NOT NULL,
     url TEXT,
     currency TEXT NOT NULL,
     amount_total INTEGER NOT NULL,
     customer_email TEXT,
     expires_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     paid_at INTEGER
   );
   CREATE INDEX sessions_by_app ON sessions (app_id, created_at);
   CREATE TABLE session_records (
     session_id TEXT NOT NULL REFERENCES sessions (session_id),
     app_id TEXT NOT NULL,
     record_id TEXT NOT NULL,
     PRIMARY KEY (app_id, record_id, session_id)
   );
   CREATE TABLE checkout_intents (
     base_key TEXT PRIMARY KEY,
     generation INTEGER NOT NULL,
     idempotency_key TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     session_id TEXT
   );
   CREATE TABLE pending_write_backs (
     app_id TEXT NOT NULL,
     record_id TEXT NOT NULL,
     fields TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     last_error TEXT,
     PRIMARY KEY (app_id, record_id)
   );
   CREATE TABLE product_cache (
     cache_key TEXT PRIMARY KEY,
     product_id TEXT NOT NULL,
     content_hash TEXT NOT NULL
   );
   CREATE TABLE image_cache (
     cache_key TEXT PRIMARY KEY,
     url TEXT NOT NULL
   );`,
  // An intent whose create failed: Stripe keeps even an error answer under its idempotency key.
  `ALTER TABLE checkout_intents ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;`,
  // Bulk jobs: the record list is resolved once, then each item moves pending → done/failed.
  `CREATE TABLE jobs (
     job_id TEXT PRIMARY KEY,
     app_id TEXT NOT NULL,
     mapping_json TEXT NOT NULL,
     query TEXT,
     status TEXT NOT NULL,
     items_resolved INTEGER NOT NULL,
     error_code TEXT,
     error_message TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX jobs_by_status ON jobs (status, created_at);
   CREATE TABLE job_items (
     job_id TEXT NOT NULL REFERENCES jobs (job_id),
     position INTEGER NOT NULL,
     record_id TEXT NOT NULL,
     revision TEXT,
     state TEXT NOT NULL,
     session_id TEXT,
     error_code TEXT,
     error_message TEXT,
     written_back INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (job_id, record_id)
   );
   CREATE INDEX job_items_by_state ON job_items (job_id, state, position);`,
  // Stripe events: stored before they are applied, each applied once; refunds find their session.
  `CREATE TABLE stripe_events (
     event_id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     created INTEGER NOT NULL,
     payload TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     applied_at INTEGER,
     outcome TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX stripe_events_unapplied ON stripe_events (applied_at, created);
   CREATE INDEX stripe_events_by_created ON stripe_events (created);
   CREATE TABLE payment_intent_sessions (
     payment_intent_id TEXT PRIMARY KEY,
     session_id TEXT NOT NULL
   );`,
  // A session's money after it is made: refunds, its dispute, its payment intent, its recovery
  // link. Sessions journalled before learn their refund from the status they already hold.
  `ALTER TABLE sessions ADD COLUMN amount_refunded INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE sessions ADD COLUMN refund_state TEXT NOT NULL DEFAULT 'none';
   ALTER TABLE sessions ADD COLUMN dispute_state TEXT NOT NULL DEFAULT 'none';
   ALTER TABLE sessions ADD COLUMN payment_intent_id TEXT;
   ALTER TABLE sessions ADD COLUMN recovery_url TEXT;
   UPDATE sessions SET refund_state = 'full', amount_refunded = amount_total
     WHERE payment_status = 'refunded';
   UPDATE sessions SET refund_state = 'partial' WHERE payment_status = 'partially_refunded';
   UPDATE sessions SET payment_intent_id = (
     SELECT p.payment_intent_id FROM payment_intent_sessions p
       WHERE p.session_id = sessions.session_id LIMIT 1);`,
  // A job's language (the submitting request's), for its records' error texts; the app's recent
  // jobs are listed newest first.
  `ALTER TABLE jobs ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
   CREATE INDEX jobs_by_app ON jobs (app_id, created_at);`,
  // When the last event with a valid Stripe signature arrived: diagnostics tell a webhook that
  // reaches the proxy from one that does not.
  `CREATE TABLE webhook_arrivals (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     last_signed_at INTEGER NOT NULL
   );`,
  // Leases: a job's pending items and an owed write-back are worked on by one proxy at a time
  // (the claimer's id and until when, in ms), taken back once the lease runs out.
  `ALTER TABLE job_items ADD COLUMN claimed_by TEXT;
   ALTER TABLE job_items ADD COLUMN lease_until INTEGER;
   ALTER TABLE pending_write_backs ADD COLUMN claimed_by TEXT;
   ALTER TABLE pending_write_backs ADD COLUMN lease_until INTEGER;`,
];

/**
 * Brings the schema up to date. The version is read inside one IMMEDIATE transaction (the write
 * lock taken first): a second proxy starting on the same DATA_DIR at the same moment waits for
 * the first (busy_timeout, set before) and then finds the tables made, instead of creating them again.
 */
export function migrate(db: Database.Database): void {
  const apply = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    for (let version = current; version < MIGRATIONS.length; version++) {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  });
  apply.immediate();
}
