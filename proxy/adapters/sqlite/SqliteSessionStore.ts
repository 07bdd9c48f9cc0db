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
import type { PreparedStatements } from "./PreparedStatements";

/** Sessions that kept a payment: two of them for one record are a payment too many. */
const KEPT_PAYMENT = `('paid', 'partially_refunded', 'disputed')`;

export class SqliteSessionStore implements SessionStore {
  constructor(private readonly sql: PreparedStatements) {}

  async save(s: JournalSession): Promise<void> {
    this.sql.transaction(() => {
      this.sql
        .statement(
          `INSERT INTO sessions (session_id, app_id, record_ids, mapping_json, status, payment_status,
             url, currency, amount_total, customer_email, expires_at, created_at, paid_at,
             amount_refunded, refund_state, dispute_state, payment_intent_id, recovery_url)
           VALUES (@session_id, @app_id, @record_ids, @mapping_json, @status, @payment_status, @url,
             @currency, @amount_total, @customer_email, @expires_at, @created_at, @paid_at,
             @amount_refunded, @refund_state, @dispute_state, @payment_intent_id, @recovery_url)
           ON CONFLICT (session_id) DO NOTHING`,
        )
        .run(toRow(s));
      const link = this.sql.statement(
        `INSERT OR IGNORE INTO session_records (session_id, app_id, record_id) VALUES (?, ?, ?)`,
      );
      for (const recordId of s.recordIds) link.run(s.sessionId, s.appId, recordId);
    });
  }

  async get(sessionId: string): Promise<JournalSession | undefined> {
    return this.getNow(sessionId);
  }

  /** `get` without the Promise, for use inside a transaction. */
  private getNow(sessionId: string): JournalSession | undefined {
    return this.sql.one(`SELECT * FROM sessions WHERE session_id = ?`, fromRow, sessionId);
  }

  async updateState(
    sessionId: string,
    state: SessionStateUpdate,
  ): Promise<JournalSession | undefined> {
    return this.sql.transaction(() => {
      const current = this.getNow(sessionId);
      if (!current) return undefined;
      const next = nextJournalSession(current, state);
      this.sql
        .statement(
          `UPDATE sessions SET status = @status, payment_status = @payment_status, url = @url,
             amount_total = @amount_total, customer_email = @customer_email, paid_at = @paid_at,
             amount_refunded = @amount_refunded, refund_state = @refund_state,
             dispute_state = @dispute_state, payment_intent_id = @payment_intent_id,
             recovery_url = @recovery_url
           WHERE session_id = @session_id`,
        )
        .run(toRow(next));
      return next;
    });
  }

  async findOpenForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.sql.all(
      `SELECT s.* FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? AND s.status = 'open'
         ORDER BY s.created_at, s.session_id`,
      fromRow,
      appId,
      recordId,
    );
  }

  async latestIdForRecord(appId: string, recordId: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT s.session_id FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? ORDER BY s.created_at DESC, s.rowid DESC LIMIT 1`,
      (row: { session_id: string }) => row.session_id,
      appId,
      recordId,
    );
  }

  async listForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.sql.all(
      `SELECT s.* FROM session_records r JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = ? AND r.record_id = ? ORDER BY s.created_at, s.rowid`,
      fromRow,
      appId,
      recordId,
    );
  }

  async listCompleteForRecord(appId: string, recordId: string): Promise<JournalSession[]> {
    return this.sql.all(
      `SELECT s.* FROM session_records r JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = ? AND r.record_id = ? AND s.status = 'complete' ORDER BY s.created_at, s.rowid`,
      fromRow,
      appId,
      recordId,
    );
  }

  async list(query: SessionQuery): Promise<SessionPage> {
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
      const anchor = this.getNow(query.startingAfter);
      if (!anchor) return { sessions: [], hasMore: false };
      where.push(
        "(s.created_at < @anchorCreated OR (s.created_at = @anchorCreated AND s.session_id < @anchorId))",
      );
      params.anchorCreated = anchor.createdAt.getTime();
      params.anchorId = anchor.sessionId;
    }
    const sessions = this.sql.all(
      `SELECT s.* FROM sessions s ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY s.created_at DESC, s.session_id DESC LIMIT @limit`,
      fromRow,
      params,
    );
    return { sessions: sessions.slice(0, query.limit), hasMore: sessions.length > query.limit };
  }

  async oldestCreatedAt(): Promise<Date | undefined> {
    const row = this.sql.statement(`SELECT MIN(created_at) AS created FROM sessions`).get() as {
      created: number | null;
    };
    return row.created === null ? undefined : new Date(row.created);
  }

  async linkPaymentIntent(paymentIntentId: string, sessionId: string): Promise<void> {
    this.sql
      .statement(
        `INSERT INTO payment_intent_sessions (payment_intent_id, session_id) VALUES (?, ?)
         ON CONFLICT (payment_intent_id) DO NOTHING`,
      )
      .run(paymentIntentId, sessionId);
    this.sql
      .statement(
        `UPDATE sessions SET payment_intent_id = ? WHERE session_id = ? AND payment_intent_id IS NULL`,
      )
      .run(paymentIntentId, sessionId);
  }

  async findRecordsPaidMoreThanOnce(
    appId: string,
  ): Promise<{ recordId: string; sessions: JournalSession[] }[]> {
    const rows = this.sql.all(
      `SELECT r.record_id AS paid_record_id, s.* FROM session_records r
         JOIN sessions s ON s.session_id = r.session_id
         WHERE r.app_id = @appId AND s.payment_status IN ${KEPT_PAYMENT}
           AND r.record_id IN (
             SELECT r2.record_id FROM session_records r2
               JOIN sessions s2 ON s2.session_id = r2.session_id
               WHERE r2.app_id = @appId AND s2.payment_status IN ${KEPT_PAYMENT}
               GROUP BY r2.record_id HAVING COUNT(*) > 1)
         ORDER BY r.record_id, s.created_at, s.rowid`,
      (row: SessionRow & { paid_record_id: string }) => ({
        recordId: row.paid_record_id,
        session: fromRow(row),
      }),
      { appId },
    );
    const byRecord = new Map<string, JournalSession[]>();
    for (const { recordId, session } of rows) {
      byRecord.set(recordId, [...(byRecord.get(recordId) ?? []), session]);
    }
    return [...byRecord].map(([recordId, sessions]) => ({ recordId, sessions }));
  }

  async idForPaymentIntent(paymentIntentId: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT session_id FROM payment_intent_sessions WHERE payment_intent_id = ?`,
      (row: { session_id: string }) => row.session_id,
      paymentIntentId,
    );
  }
}
