/**
 * The journal in one SQLite file (better-sqlite3, WAL). Migrations are plain SQL in code, applied
 * in order and counted with `PRAGMA user_version`; a later issue appends to MIGRATIONS.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SessionStatus } from "../ports/PaymentGateway";
import type {
  CachedProduct,
  CheckoutIntent,
  JobError,
  JobItem,
  JobItemRef,
  JobItemState,
  JobProgress,
  JobStatus,
  Journal,
  JournalJob,
  JournalSession,
  NewJob,
  NewStripeEvent,
  PaymentStatusValue,
  PendingWriteBack,
  StuckWriteBacks,
  SessionQuery,
  StoredStripeEvent,
} from "./Journal";

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
];

interface SessionRow {
  session_id: string;
  app_id: string;
  record_ids: string;
  mapping_json: string;
  status: SessionStatus;
  payment_status: PaymentStatusValue;
  url: string | null;
  currency: string;
  amount_total: number;
  customer_email: string | null;
  expires_at: number;
  created_at: number;
  paid_at: number | null;
}

interface IntentRow {
  base_key: string;
  generation: number;
  idempotency_key: string;
  expires_at: number;
  created_at: number;
  session_id: string | null;
  abandoned: number;
}

interface PendingRow {
  app_id: string;
  record_id: string;
  fields: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

export class SqliteJournal implements Journal {
  private readonly db: Database.Database;
  /**
   * Prepared statements by SQL text: preparing on every call cost ~4% of the proxy's CPU per
   * checkout (bench profile). The SQL texts are a fixed set (list's filters give at most 32).
   */
  private readonly statements = new Map<string, Database.Statement>();

  /** `file` is a path, or `:memory:` for tests. */
  constructor(file: string) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // First, so that even switching to WAL waits for another process holding the file.
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
  }

  static inDataDir(dataDir: string): SqliteJournal {
    return new SqliteJournal(path.join(dataDir, "journal.sqlite"));
  }

  /** The underlying database, for a later issue's tables that live in the same file. */
  get database(): Database.Database {
    return this.db;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Brings the schema up to date. The version is read inside one IMMEDIATE transaction (the write
   * lock taken first): a second proxy starting on the same DATA_DIR at the same moment waits for
   * the first (busy_timeout) and then finds the tables made, instead of creating them again.
   */
  private migrate(): void {
    const apply = this.db.transaction(() => {
      const current = this.db.pragma("user_version", { simple: true }) as number;
      for (let version = current; version < MIGRATIONS.length; version++) {
        this.db.exec(MIGRATIONS[version] as string);
        this.db.pragma(`user_version = ${version + 1}`);
      }
    });
    apply.immediate();
  }

  saveSession(s: JournalSession): void {
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO sessions (session_id, app_id, record_ids, mapping_json, status, payment_status,
             url, currency, amount_total, customer_email, expires_at, created_at, paid_at)
           VALUES (@session_id, @app_id, @record_ids, @mapping_json, @status, @payment_status, @url,
             @currency, @amount_total, @customer_email, @expires_at, @created_at, @paid_at)
           ON CONFLICT (session_id) DO NOTHING`,
      ).run(toRow(s));
      const link = this.statement(
        `INSERT OR IGNORE INTO session_records (session_id, app_id, record_id) VALUES (?, ?, ?)`,
      );
      for (const recordId of s.recordIds) link.run(s.sessionId, s.appId, recordId);
    })();
  }

  getSession(sessionId: string): JournalSession | undefined {
    const row = this.statement(`SELECT * FROM sessions WHERE session_id = ?`).get(sessionId) as
      SessionRow | undefined;
    return row && fromRow(row);
  }

  updateSessionState(
    sessionId: string,
    state: Partial<
      Pick<
        JournalSession,
        "status" | "paymentStatus" | "customerEmail" | "amountTotal" | "paidAt" | "url"
      >
    >,
  ): JournalSession | undefined {
    return this.db.transaction(() => {
      const current = this.getSession(sessionId);
      if (!current) return undefined;
      const next: JournalSession = { ...current };
      // States only move forward: complete and expired are final, the first one known stays.
      if (state.status && current.status === "open") next.status = state.status;
      if (state.paymentStatus) next.paymentStatus = state.paymentStatus;
      if (state.customerEmail !== undefined) next.customerEmail = state.customerEmail;
      if (state.amountTotal !== undefined) next.amountTotal = state.amountTotal;
      if (state.url !== undefined) next.url = state.url;
      if (state.paidAt !== undefined && current.paidAt === null) next.paidAt = state.paidAt;
      const row = toRow(next);
      this.statement(
        `UPDATE sessions SET status = @status, payment_status = @payment_status, url = @url,
             amount_total = @amount_total, customer_email = @customer_email, paid_at = @paid_at
           WHERE session_id = @session_id`,
      ).run(row);
      return next;
    })();
  }

  findOpenSessionsForRecord(appId: string, recordId: string): JournalSession[] {
    const rows = this.statement(
      `SELECT s.* FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? AND s.status = 'open'
         ORDER BY s.created_at, s.session_id`,
    ).all(appId, recordId) as SessionRow[];
    return rows.map(fromRow);
  }

  latestSessionIdForRecord(appId: string, recordId: string): string | undefined {
    const row = this.statement(
      `SELECT s.session_id FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? ORDER BY s.created_at DESC, s.rowid DESC LIMIT 1`,
    ).get(appId, recordId) as { session_id: string } | undefined;
    return row?.session_id;
  }

  listSessions(query: SessionQuery): { sessions: JournalSession[]; hasMore: boolean } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit + 1 };
    if (query.appId !== undefined) {
      where.push("s.app_id = @appId");
      params.appId = query.appId;
    }
    if (query.recordId !== undefined) {
      where.push(
        "EXISTS (SELECT 1 FROM session_records r WHERE r.session_id = s.session_id AND r.record_id = @recordId AND r.app_id = s.app_id)",
      );
      params.recordId = query.recordId;
    }
    if (query.status !== undefined) {
      where.push("s.status = @status");
      params.status = query.status;
    }
    if (query.customerEmail !== undefined) {
      where.push("s.customer_email = @customerEmail");
      params.customerEmail = query.customerEmail;
    }
    if (query.startingAfter !== undefined) {
      const anchor = this.getSession(query.startingAfter);
      if (!anchor) return { sessions: [], hasMore: false };
      where.push(
        "(s.created_at < @anchorCreated OR (s.created_at = @anchorCreated AND s.session_id < @anchorId))",
      );
      params.anchorCreated = anchor.createdAt.getTime();
      params.anchorId = anchor.sessionId;
    }
    const rows = this.statement(
      `SELECT s.* FROM sessions s ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY s.created_at DESC, s.session_id DESC LIMIT @limit`,
    ).all(params) as SessionRow[];
    return {
      sessions: rows.slice(0, query.limit).map(fromRow),
      hasMore: rows.length > query.limit,
    };
  }

  claimCheckoutIntent(
    baseKey: string,
    reusable: (intent: CheckoutIntent) => boolean,
    fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
    now: Date,
  ): CheckoutIntent {
    return this.db.transaction(() => {
      const row = this.statement(`SELECT * FROM checkout_intents WHERE base_key = ?`).get(
        baseKey,
      ) as IntentRow | undefined;
      if (row && reusable(fromIntentRow(row))) return fromIntentRow(row);
      const generation = row ? row.generation + 1 : 1;
      const made = fresh(generation);
      const next: IntentRow = {
        base_key: baseKey,
        generation,
        idempotency_key: made.idempotencyKey,
        expires_at: made.expiresAt.getTime(),
        created_at: now.getTime(),
        session_id: null,
        abandoned: 0,
      };
      this.statement(
        `INSERT INTO checkout_intents (base_key, generation, idempotency_key, expires_at, created_at, session_id)
           VALUES (@base_key, @generation, @idempotency_key, @expires_at, @created_at, @session_id)
           ON CONFLICT (base_key) DO UPDATE SET generation = excluded.generation,
             idempotency_key = excluded.idempotency_key, expires_at = excluded.expires_at,
             created_at = excluded.created_at, session_id = NULL, abandoned = 0`,
      ).run(next);
      return fromIntentRow(next);
    })();
  }

  findCheckoutIntent(baseKey: string): CheckoutIntent | undefined {
    const row = this.statement(`SELECT * FROM checkout_intents WHERE base_key = ?`).get(baseKey) as
      IntentRow | undefined;
    return row && fromIntentRow(row);
  }

  completeCheckoutIntent(baseKey: string, idempotencyKey: string, sessionId: string): void {
    this.statement(
      `UPDATE checkout_intents SET session_id = ? WHERE base_key = ? AND idempotency_key = ?`,
    ).run(sessionId, baseKey, idempotencyKey);
  }

  abandonCheckoutIntent(baseKey: string, idempotencyKey: string): void {
    this.statement(
      `UPDATE checkout_intents SET abandoned = 1 WHERE base_key = ? AND idempotency_key = ? AND session_id IS NULL`,
    ).run(baseKey, idempotencyKey);
  }

  addPendingWriteBack(
    appId: string,
    recordId: string,
    fields: Record<string, { value: unknown }>,
    error: string,
    nextAttemptAt: Date,
  ): void {
    this.db.transaction(() => {
      const row = this.getPendingRow(appId, recordId);
      const merged = { ...(row ? (JSON.parse(row.fields) as object) : {}), ...fields };
      this.statement(
        `INSERT INTO pending_write_backs (app_id, record_id, fields, attempts, next_attempt_at, last_error)
           VALUES (?, ?, ?, 0, ?, ?)
           ON CONFLICT (app_id, record_id) DO UPDATE SET fields = excluded.fields,
             next_attempt_at = MIN(next_attempt_at, excluded.next_attempt_at), last_error = excluded.last_error`,
      ).run(appId, recordId, JSON.stringify(merged), nextAttemptAt.getTime(), error);
    })();
  }

  clearPendingFields(appId: string, recordId: string, fieldCodes: string[]): void {
    this.db.transaction(() => {
      const row = this.getPendingRow(appId, recordId);
      if (!row) return;
      const fields = JSON.parse(row.fields) as Record<string, unknown>;
      for (const code of fieldCodes) delete fields[code];
      if (Object.keys(fields).length === 0) this.deletePendingWriteBack(appId, recordId);
      else
        this.statement(
          `UPDATE pending_write_backs SET fields = ? WHERE app_id = ? AND record_id = ?`,
        ).run(JSON.stringify(fields), appId, recordId);
    })();
  }

  listDuePendingWriteBacks(now: Date, limit: number): PendingWriteBack[] {
    const rows = this.statement(
      `SELECT * FROM pending_write_backs WHERE next_attempt_at <= ? ORDER BY app_id, next_attempt_at LIMIT ?`,
    ).all(now.getTime(), limit) as PendingRow[];
    return rows.map((row) => ({
      appId: row.app_id,
      recordId: row.record_id,
      fields: JSON.parse(row.fields) as Record<string, { value: unknown }>,
      attempts: row.attempts,
      nextAttemptAt: new Date(row.next_attempt_at),
      lastError: row.last_error,
    }));
  }

  countPendingWriteBacks(): number {
    const row = this.statement(`SELECT COUNT(*) AS n FROM pending_write_backs`).get() as {
      n: number;
    };
    return row.n;
  }

  summarizeStuckWriteBacks(minAttempts: number): StuckWriteBacks[] {
    // SQLite takes the bare columns of an aggregate query from the row MIN() picked.
    const rows = this.statement(
      `SELECT app_id, COUNT(*) AS records, MIN(record_id) AS record_id, last_error
         FROM pending_write_backs WHERE attempts >= ? GROUP BY app_id ORDER BY app_id`,
    ).all(minAttempts) as {
      app_id: string;
      records: number;
      record_id: string;
      last_error: string | null;
    }[];
    return rows.map((row) => ({
      appId: row.app_id,
      records: row.records,
      recordId: row.record_id,
      lastError: row.last_error,
    }));
  }

  recordWriteBackFailure(
    appId: string,
    recordId: string,
    error: string,
    nextAttemptAt: Date,
  ): void {
    this.statement(
      `UPDATE pending_write_backs SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
         WHERE app_id = ? AND record_id = ?`,
    ).run(nextAttemptAt.getTime(), error, appId, recordId);
  }

  deletePendingWriteBack(appId: string, recordId: string): void {
    this.statement(`DELETE FROM pending_write_backs WHERE app_id = ? AND record_id = ?`).run(
      appId,
      recordId,
    );
  }

  getCachedProduct(cacheKey: string): CachedProduct | undefined {
    const row = this.statement(
      `SELECT product_id, content_hash FROM product_cache WHERE cache_key = ?`,
    ).get(cacheKey) as { product_id: string; content_hash: string } | undefined;
    return row && { productId: row.product_id, contentHash: row.content_hash };
  }

  putCachedProduct(cacheKey: string, product: CachedProduct): void {
    this.statement(
      `INSERT INTO product_cache (cache_key, product_id, content_hash) VALUES (?, ?, ?)
         ON CONFLICT (cache_key) DO UPDATE SET product_id = excluded.product_id, content_hash = excluded.content_hash`,
    ).run(cacheKey, product.productId, product.contentHash);
  }

  deleteCachedProduct(cacheKey: string): void {
    this.statement(`DELETE FROM product_cache WHERE cache_key = ?`).run(cacheKey);
  }

  getCachedImageUrl(cacheKey: string): string | undefined {
    const row = this.statement(`SELECT url FROM image_cache WHERE cache_key = ?`).get(cacheKey) as
      { url: string } | undefined;
    return row?.url;
  }

  putCachedImageUrl(cacheKey: string, url: string): void {
    this.statement(
      `INSERT INTO image_cache (cache_key, url) VALUES (?, ?) ON CONFLICT (cache_key) DO UPDATE SET url = excluded.url`,
    ).run(cacheKey, url);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private getPendingRow(appId: string, recordId: string): PendingRow | undefined {
    return this.statement(
      `SELECT * FROM pending_write_backs WHERE app_id = ? AND record_id = ?`,
    ).get(appId, recordId) as PendingRow | undefined;
  }

  createJob(job: NewJob, items?: JobItemRef[]): void {
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO jobs (job_id, app_id, mapping_json, query, status, items_resolved, created_at)
           VALUES (?, ?, ?, ?, 'queued', 0, ?)`,
      ).run(job.jobId, job.appId, job.mappingJson, job.query, job.createdAt.getTime());
      if (items) this.resolveJobItems(job.jobId, items);
    })();
  }

  getJob(jobId: string): JournalJob | undefined {
    const row = this.statement(`SELECT * FROM jobs WHERE job_id = ?`).get(jobId) as
      JobRow | undefined;
    return row && fromJobRow(row);
  }

  listUnfinishedJobs(): JournalJob[] {
    const rows = this.statement(
      `SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at, job_id`,
    ).all() as JobRow[];
    return rows.map(fromJobRow);
  }

  resolveJobItems(jobId: string, items: JobItemRef[]): void {
    this.db.transaction(() => {
      const resolved = this.statement(
        `UPDATE jobs SET items_resolved = 1 WHERE job_id = ? AND items_resolved = 0`,
      ).run(jobId);
      if (resolved.changes === 0) return;
      const insert = this.statement(
        `INSERT OR IGNORE INTO job_items (job_id, position, record_id, revision, state)
         VALUES (?, ?, ?, ?, 'pending')`,
      );
      items.forEach((item, position) =>
        insert.run(jobId, position, item.recordId, item.revision ?? null),
      );
    })();
  }

  setJobStatus(jobId: string, status: JobStatus, error: JobError | null = null): void {
    this.statement(
      `UPDATE jobs SET status = ?, error_code = ?, error_message = ? WHERE job_id = ?`,
    ).run(status, error?.code ?? null, error?.message ?? null, jobId);
  }

  listJobItems(jobId: string, state?: JobItemState): JobItem[] {
    const rows = (
      state === undefined
        ? this.statement(`SELECT * FROM job_items WHERE job_id = ? ORDER BY position`).all(jobId)
        : this.statement(
            `SELECT * FROM job_items WHERE job_id = ? AND state = ? ORDER BY position`,
          ).all(jobId, state)
    ) as JobItemRow[];
    return rows.map(fromJobItemRow);
  }

  finishJobItem(jobId: string, recordId: string, outcome: { sessionId: string } | JobError): void {
    const done = "sessionId" in outcome;
    this.statement(
      `UPDATE job_items SET state = ?, session_id = ?, error_code = ?, error_message = ?
         WHERE job_id = ? AND record_id = ? AND state = 'pending'`,
    ).run(
      done ? "done" : "failed",
      done ? outcome.sessionId : null,
      done ? null : outcome.code,
      done ? null : outcome.message,
      jobId,
      recordId,
    );
  }

  listJobItemsToWriteBack(jobId: string): JobItem[] {
    const rows = this.statement(
      `SELECT * FROM job_items WHERE job_id = ? AND state = 'done' AND written_back = 0
         ORDER BY position`,
    ).all(jobId) as JobItemRow[];
    return rows.map(fromJobItemRow);
  }

  markJobItemsWrittenBack(jobId: string, recordIds: string[]): void {
    const mark = this.statement(
      `UPDATE job_items SET written_back = 1 WHERE job_id = ? AND record_id = ?`,
    );
    this.db.transaction(() => {
      for (const recordId of recordIds) mark.run(jobId, recordId);
    })();
  }

  getJobProgress(jobId: string, errorLimit: number): JobProgress {
    const counts = this.statement(
      `SELECT COUNT(*) AS total,
           COALESCE(SUM(state = 'done'), 0) AS done,
           COALESCE(SUM(state = 'failed'), 0) AS failed
         FROM job_items WHERE job_id = ?`,
    ).get(jobId) as { total: number; done: number; failed: number };
    const errors = this.statement(
      `SELECT record_id, error_code, error_message FROM job_items
         WHERE job_id = ? AND state = 'failed' ORDER BY position LIMIT ?`,
    ).all(jobId, errorLimit) as { record_id: string; error_code: string; error_message: string }[];
    return {
      ...counts,
      errors: errors.map((e) => ({
        recordId: e.record_id,
        code: e.error_code,
        message: e.error_message,
      })),
    };
  }

  storeStripeEvent(event: NewStripeEvent, receivedAt: Date): { isNew: boolean; applied: boolean } {
    return this.db.transaction(() => {
      const inserted = this.statement(
        `INSERT INTO stripe_events (event_id, type, created, payload, received_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
      ).run(event.eventId, event.type, event.created, event.payloadJson, receivedAt.getTime());
      if (inserted.changes === 1) return { isNew: true, applied: false };
      const stored = this.getStripeEvent(event.eventId);
      return { isNew: false, applied: stored?.appliedAt != null };
    })();
  }

  getStripeEvent(eventId: string): StoredStripeEvent | undefined {
    const row = this.statement(`SELECT * FROM stripe_events WHERE event_id = ?`).get(eventId) as
      StripeEventRow | undefined;
    return row && fromStripeEventRow(row);
  }

  markStripeEventApplied(eventId: string, outcome: string, appliedAt: Date): void {
    this.statement(
      `UPDATE stripe_events SET applied_at = ?, outcome = ?, last_error = NULL WHERE event_id = ?`,
    ).run(appliedAt.getTime(), outcome, eventId);
  }

  recordStripeEventFailure(eventId: string, error: string): void {
    this.statement(
      `UPDATE stripe_events SET attempts = attempts + 1, last_error = ? WHERE event_id = ?`,
    ).run(error, eventId);
  }

  listUnappliedStripeEvents(limit: number): StoredStripeEvent[] {
    const rows = this.statement(
      `SELECT * FROM stripe_events WHERE applied_at IS NULL ORDER BY created, received_at LIMIT ?`,
    ).all(limit) as StripeEventRow[];
    return rows.map(fromStripeEventRow);
  }

  latestStripeEventCreated(): number | undefined {
    const row = this.statement(`SELECT MAX(created) AS created FROM stripe_events`).get() as {
      created: number | null;
    };
    return row.created ?? undefined;
  }

  oldestSessionCreatedAt(): Date | undefined {
    const row = this.statement(`SELECT MIN(created_at) AS created FROM sessions`).get() as {
      created: number | null;
    };
    return row.created === null ? undefined : new Date(row.created);
  }

  linkPaymentIntent(paymentIntentId: string, sessionId: string): void {
    this.statement(
      `INSERT INTO payment_intent_sessions (payment_intent_id, session_id) VALUES (?, ?)
         ON CONFLICT (payment_intent_id) DO NOTHING`,
    ).run(paymentIntentId, sessionId);
  }

  sessionIdForPaymentIntent(paymentIntentId: string): string | undefined {
    const row = this.statement(
      `SELECT session_id FROM payment_intent_sessions WHERE payment_intent_id = ?`,
    ).get(paymentIntentId) as { session_id: string } | undefined;
    return row?.session_id;
  }

  pruneStripeEvents(createdBefore: number): number {
    return this.statement(
      `DELETE FROM stripe_events WHERE applied_at IS NOT NULL AND created < ?`,
    ).run(createdBefore).changes;
  }
}

interface StripeEventRow {
  event_id: string;
  type: string;
  created: number;
  payload: string;
  received_at: number;
  applied_at: number | null;
  outcome: string | null;
  attempts: number;
  last_error: string | null;
}

function fromStripeEventRow(row: StripeEventRow): StoredStripeEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    created: row.created,
    payloadJson: row.payload,
    receivedAt: new Date(row.received_at),
    appliedAt: row.applied_at === null ? null : new Date(row.applied_at),
    outcome: row.outcome,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}

function toRow(s: JournalSession): SessionRow {
  return {
    session_id: s.sessionId,
    app_id: s.appId,
    record_ids: JSON.stringify(s.recordIds),
    mapping_json: s.mappingJson,
    status: s.status,
    payment_status: s.paymentStatus,
    url: s.url,
    currency: s.currency,
    amount_total: s.amountTotal,
    customer_email: s.customerEmail,
    expires_at: s.expiresAt.getTime(),
    created_at: s.createdAt.getTime(),
    paid_at: s.paidAt ? s.paidAt.getTime() : null,
  };
}

function fromRow(row: SessionRow): JournalSession {
  return {
    sessionId: row.session_id,
    appId: row.app_id,
    recordIds: JSON.parse(row.record_ids) as string[],
    mappingJson: row.mapping_json,
    status: row.status,
    paymentStatus: row.payment_status,
    url: row.url,
    currency: row.currency,
    amountTotal: row.amount_total,
    customerEmail: row.customer_email,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
    paidAt: row.paid_at === null ? null : new Date(row.paid_at),
  };
}

function fromIntentRow(row: IntentRow): CheckoutIntent {
  return {
    baseKey: row.base_key,
    idempotencyKey: row.idempotency_key,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
    sessionId: row.session_id,
    abandoned: row.abandoned === 1,
  };
}

interface JobRow {
  job_id: string;
  app_id: string;
  mapping_json: string;
  query: string | null;
  status: JobStatus;
  items_resolved: number;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
}

interface JobItemRow {
  job_id: string;
  position: number;
  record_id: string;
  revision: string | null;
  state: JobItemState;
  session_id: string | null;
  error_code: string | null;
  error_message: string | null;
  written_back: number;
}

function fromJobRow(row: JobRow): JournalJob {
  return {
    jobId: row.job_id,
    appId: row.app_id,
    mappingJson: row.mapping_json,
    query: row.query,
    status: row.status,
    itemsResolved: row.items_resolved === 1,
    error:
      row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? "" },
    createdAt: new Date(row.created_at),
  };
}

function fromJobItemRow(row: JobItemRow): JobItem {
  return {
    jobId: row.job_id,
    recordId: row.record_id,
    revision: row.revision,
    state: row.state,
    sessionId: row.session_id,
    error:
      row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? "" },
    writtenBack: row.written_back === 1,
  };
}
