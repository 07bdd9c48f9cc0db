import type {
  JournalSession,
  SessionPage,
  SessionQuery,
  SessionStateUpdate,
  SessionStore,
} from "../../journal/SessionStore";
import { nextJournalSession } from "../../journal/nextJournalSession";
import {
  fromSessionRow as fromRow,
  toSessionRow as toRow,
  type SessionRow,
} from "../journalRows/sessionRow";
import type { PostgresQueries, Queryable } from "./PostgresQueries";

/** Sessions that kept a payment: two of them for one record are a payment too many. */
const KEPT_PAYMENT = `('paid', 'partially_refunded', 'disputed')`;
const SESSION_COLUMNS = `session_id, app_id, record_ids, mapping_json, status, payment_status, url,
  currency, amount_total, customer_email, expires_at, created_at, paid_at, amount_refunded,
  refund_state, dispute_state, payment_intent_id, recovery_url`;
const SELECT_SESSION = `SELECT ${SESSION_COLUMNS} FROM sessions WHERE session_id = $1`;

export class PostgresSessionStore implements SessionStore {
  constructor(private readonly sql: PostgresQueries) {}

  save(s: JournalSession): Promise<void> {
    return this.sql.transaction(async (tx) => {
      const row = toRow(s);
      await tx.run(
        `INSERT INTO sessions (${SESSION_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         ON CONFLICT (session_id) DO NOTHING`,
        Object.values(row),
      );
      await tx.run(
        `INSERT INTO session_records (session_id, app_id, record_id)
         SELECT $1, $2, record_id FROM unnest($3::text[]) AS record_id
         ON CONFLICT DO NOTHING`,
        [s.sessionId, s.appId, s.recordIds],
      );
    });
  }

  get(sessionId: string): Promise<JournalSession | undefined> {
    return this.sql.one(SELECT_SESSION, fromRow, [sessionId]);
  }

  /** One transaction: the row is locked (`FOR UPDATE`) from its read to its write. */
  updateState(sessionId: string, state: SessionStateUpdate): Promise<JournalSession | undefined> {
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query<SessionRow>(`${SELECT_SESSION} FOR UPDATE`, [sessionId]);
      if (!row) return undefined;
      const next = nextJournalSession(fromRow(row), state);
      const r = toRow(next);
      await tx.run(
        `UPDATE sessions SET status = $2, payment_status = $3, url = $4, amount_total = $5,
           customer_email = $6, paid_at = $7, amount_refunded = $8, refund_state = $9,
           dispute_state = $10, payment_intent_id = $11, recovery_url = $12
         WHERE session_id = $1`,
        [
          r.session_id,
          r.status,
          r.payment_status,
          r.url,
          r.amount_total,
          r.customer_email,
          r.paid_at,
          r.amount_refunded,
          r.refund_state,
          r.dispute_state,
          r.payment_intent_id,
          r.recovery_url,
        ],
      );
      return next;
    });
  }

  findOpenForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.all(
      this.sql,
      `SELECT s.* FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = $1 AND r.record_id = $2 AND s.status = 'open'
         ORDER BY s.created_at, s.session_id`,
      [appId, recordId],
    );
  }

  latestIdForRecord(appId: string, recordId: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT s.session_id FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = $1 AND r.record_id = $2 ORDER BY s.created_at DESC, s.seq DESC LIMIT 1`,
      (row: { session_id: string }) => row.session_id,
      [appId, recordId],
    );
  }

  listForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.all(
      this.sql,
      `SELECT s.* FROM session_records r JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = $1 AND r.record_id = $2 ORDER BY s.created_at, s.seq`,
      [appId, recordId],
    );
  }

  listCompleteForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.all(
      this.sql,
      `SELECT s.* FROM session_records r JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = $1 AND r.record_id = $2 AND s.status = 'complete' ORDER BY s.created_at, s.seq`,
      [appId, recordId],
    );
  }

  async list(query: SessionQuery): Promise<SessionPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.appId !== undefined) where.push(`s.app_id = ${param(query.appId)}`);
    if (query.recordId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM session_records r WHERE r.session_id = s.session_id
           AND r.record_id = ${param(query.recordId)} AND r.app_id = s.app_id)`,
      );
    }
    if (query.status !== undefined) where.push(`s.status = ${param(query.status)}`);
    if (query.customerEmail !== undefined) {
      where.push(`s.customer_email = ${param(query.customerEmail)}`);
    }
    if (query.startingAfter !== undefined) {
      const anchor = await this.get(query.startingAfter);
      if (!anchor) return { sessions: [], hasMore: false };
      const created = param(anchor.createdAt.getTime());
      const id = param(anchor.sessionId);
      where.push(
        `(s.created_at < ${created} OR (s.created_at = ${created} AND s.session_id < ${id}))`,
      );
    }
    const sessions = await this.all(
      this.sql,
      `SELECT s.* FROM sessions s ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY s.created_at DESC, s.session_id DESC LIMIT ${param(query.limit + 1)}`,
      params,
    );
    return { sessions: sessions.slice(0, query.limit), hasMore: sessions.length > query.limit };
  }

  oldestCreatedAt(): Promise<Date | undefined> {
    return this.sql.one(
      `SELECT MIN(created_at) AS created FROM sessions`,
      (row: { created: number | null }) =>
        row.created === null ? undefined : new Date(row.created),
    );
  }

  linkPaymentIntent(paymentIntentId: string, sessionId: string): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO payment_intent_sessions (payment_intent_id, session_id) VALUES ($1, $2)
         ON CONFLICT (payment_intent_id) DO NOTHING`,
        [paymentIntentId, sessionId],
      );
      await tx.run(
        `UPDATE sessions SET payment_intent_id = $1
           WHERE session_id = $2 AND payment_intent_id IS NULL`,
        [paymentIntentId, sessionId],
      );
    });
  }

  async findRecordsPaidMoreThanOnce(
    appId: string,
  ): Promise<{ recordId: string; sessions: JournalSession[] }[]> {
    const rows = await this.sql.query<SessionRow & { paid_record_id: string }>(
      `SELECT r.record_id AS paid_record_id, s.* FROM session_records r
         JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = $1 AND s.payment_status IN ${KEPT_PAYMENT}
           AND r.record_id IN (
             SELECT r2.record_id FROM session_records r2
               JOIN sessions s2 ON s2.session_id = r2.session_id
               WHERE r2.app_id = $1 AND s2.payment_status IN ${KEPT_PAYMENT}
               GROUP BY r2.record_id HAVING COUNT(*) > 1)
         ORDER BY r.record_id, s.created_at, s.seq`,
      [appId],
    );
    const byRecord = new Map<string, JournalSession[]>();
    for (const row of rows) {
      byRecord.set(row.paid_record_id, [...(byRecord.get(row.paid_record_id) ?? []), fromRow(row)]);
    }
    return [...byRecord].map(([recordId, sessions]) => ({ recordId, sessions }));
  }

  idForPaymentIntent(paymentIntentId: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT session_id FROM payment_intent_sessions WHERE payment_intent_id = $1`,
      (row: { session_id: string }) => row.session_id,
      [paymentIntentId],
    );
  }

  private async all(on: Queryable, sql: string, params: unknown[]): Promise<JournalSession[]> {
    return (await on.query<SessionRow>(sql, params)).map(fromRow);
  }
}
