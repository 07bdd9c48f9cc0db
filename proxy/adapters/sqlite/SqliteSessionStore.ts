import type { SessionStatus } from "../../ports/PaymentGateway";
import type {
  DisputeState,
  JournalSession,
  PaymentStatusValue,
  RefundState,
  SessionPage,
  SessionQuery,
  SessionStateUpdate,
  SessionStore,
} from "../../journal/SessionStore";
import type { PreparedStatements } from "./PreparedStatements";

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
  amount_refunded: number;
  refund_state: RefundState;
  dispute_state: DisputeState;
  payment_intent_id: string | null;
  recovery_url: string | null;
}

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
      const next: JournalSession = { ...current };
      // States only move forward: complete and expired are final, the first one known stays.
      if (state.status && current.status === "open") next.status = state.status;
      if (state.paymentStatus) next.paymentStatus = state.paymentStatus;
      if (state.customerEmail !== undefined) next.customerEmail = state.customerEmail;
      if (state.amountTotal !== undefined) next.amountTotal = state.amountTotal;
      if (state.url !== undefined) next.url = state.url;
      if (state.paidAt !== undefined && current.paidAt === null) next.paidAt = state.paidAt;
      if (state.amountRefunded !== undefined) next.amountRefunded = state.amountRefunded;
      if (state.refund !== undefined) next.refund = state.refund;
      if (state.dispute !== undefined) next.dispute = state.dispute;
      if (state.paymentIntentId) next.paymentIntentId ??= state.paymentIntentId;
      if (state.recoveryUrl !== undefined) next.recoveryUrl = state.recoveryUrl;
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
    amount_refunded: s.amountRefunded ?? 0,
    refund_state: s.refund ?? "none",
    dispute_state: s.dispute ?? "none",
    payment_intent_id: s.paymentIntentId ?? null,
    recovery_url: s.recoveryUrl ?? null,
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
    amountRefunded: row.amount_refunded,
    refund: row.refund_state,
    dispute: row.dispute_state,
    paymentIntentId: row.payment_intent_id,
    recoveryUrl: row.recovery_url,
  };
}
