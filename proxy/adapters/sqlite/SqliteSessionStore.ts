import type { SessionStatus } from "../../ports/PaymentGateway";
import type {
  JournalSession,
  PaymentStatusValue,
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
}

export class SqliteSessionStore implements SessionStore {
  constructor(private readonly sql: PreparedStatements) {}

  save(s: JournalSession): void {
    this.sql.transaction(() => {
      this.sql
        .statement(
          `INSERT INTO sessions (session_id, app_id, record_ids, mapping_json, status, payment_status,
             url, currency, amount_total, customer_email, expires_at, created_at, paid_at)
           VALUES (@session_id, @app_id, @record_ids, @mapping_json, @status, @payment_status, @url,
             @currency, @amount_total, @customer_email, @expires_at, @created_at, @paid_at)
           ON CONFLICT (session_id) DO NOTHING`,
        )
        .run(toRow(s));
      const link = this.sql.statement(
        `INSERT OR IGNORE INTO session_records (session_id, app_id, record_id) VALUES (?, ?, ?)`,
      );
      for (const recordId of s.recordIds) link.run(s.sessionId, s.appId, recordId);
    });
  }

  get(sessionId: string): JournalSession | undefined {
    return this.sql.one(`SELECT * FROM sessions WHERE session_id = ?`, fromRow, sessionId);
  }

  updateState(sessionId: string, state: SessionStateUpdate): JournalSession | undefined {
    return this.sql.transaction(() => {
      const current = this.get(sessionId);
      if (!current) return undefined;
      const next: JournalSession = { ...current };
      // States only move forward: complete and expired are final, the first one known stays.
      if (state.status && current.status === "open") next.status = state.status;
      if (state.paymentStatus) next.paymentStatus = state.paymentStatus;
      if (state.customerEmail !== undefined) next.customerEmail = state.customerEmail;
      if (state.amountTotal !== undefined) next.amountTotal = state.amountTotal;
      if (state.url !== undefined) next.url = state.url;
      if (state.paidAt !== undefined && current.paidAt === null) next.paidAt = state.paidAt;
      this.sql
        .statement(
          `UPDATE sessions SET status = @status, payment_status = @payment_status, url = @url,
             amount_total = @amount_total, customer_email = @customer_email, paid_at = @paid_at
           WHERE session_id = @session_id`,
        )
        .run(toRow(next));
      return next;
    });
  }

  findOpenForRecord(appId: string, recordId: string): JournalSession[] {
    return this.sql.all(
      `SELECT s.* FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? AND s.status = 'open'
         ORDER BY s.created_at, s.session_id`,
      fromRow,
      appId,
      recordId,
    );
  }

  latestIdForRecord(appId: string, recordId: string): string | undefined {
    return this.sql.one(
      `SELECT s.session_id FROM sessions s JOIN session_records r ON r.session_id = s.session_id
         WHERE r.app_id = ? AND r.record_id = ? ORDER BY s.created_at DESC, s.rowid DESC LIMIT 1`,
      (row: { session_id: string }) => row.session_id,
      appId,
      recordId,
    );
  }

  list(query: SessionQuery): SessionPage {
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
      const anchor = this.get(query.startingAfter);
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

  oldestCreatedAt(): Date | undefined {
    const row = this.sql.statement(`SELECT MIN(created_at) AS created FROM sessions`).get() as {
      created: number | null;
    };
    return row.created === null ? undefined : new Date(row.created);
  }

  linkPaymentIntent(paymentIntentId: string, sessionId: string): void {
    this.sql
      .statement(
        `INSERT INTO payment_intent_sessions (payment_intent_id, session_id) VALUES (?, ?)
         ON CONFLICT (payment_intent_id) DO NOTHING`,
      )
      .run(paymentIntentId, sessionId);
  }

  idForPaymentIntent(paymentIntentId: string): string | undefined {
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
