import type { CheckoutIntent, CheckoutIntentStore } from "../../journal/CheckoutIntentStore";
import type { SessionStatus } from "../../ports/PaymentGateway";
import { fromIntentRow, nextIntentRow, type IntentRow } from "../journalRows/intentRow";
import type { PreparedStatements } from "./PreparedStatements";

const SELECT_INTENT = `SELECT * FROM checkout_intents WHERE base_key = ?`;

export class SqliteCheckoutIntentStore implements CheckoutIntentStore {
  constructor(private readonly sql: PreparedStatements) {}

  async claim(
    baseKey: string,
    reusable: (intent: CheckoutIntent, sessionStatus: SessionStatus | undefined) => boolean,
    fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
    now: Date,
  ): Promise<CheckoutIntent> {
    return this.sql.transaction(() => {
      const row = this.sql.one(SELECT_INTENT, (found: IntentRow) => found, baseKey);
      if (row && reusable(fromIntentRow(row), this.sessionStatusOf(row))) return fromIntentRow(row);
      const next = nextIntentRow(baseKey, row, fresh, now);
      this.sql
        .statement(
          `INSERT INTO checkout_intents (base_key, generation, idempotency_key, expires_at, created_at, session_id)
           VALUES (@base_key, @generation, @idempotency_key, @expires_at, @created_at, @session_id)
           ON CONFLICT (base_key) DO UPDATE SET generation = excluded.generation,
             idempotency_key = excluded.idempotency_key, expires_at = excluded.expires_at,
             created_at = excluded.created_at, session_id = NULL, abandoned = 0`,
        )
        .run(next);
      return fromIntentRow(next);
    });
  }

  async find(baseKey: string): Promise<CheckoutIntent | undefined> {
    return this.sql.one(SELECT_INTENT, fromIntentRow, baseKey);
  }

  async complete(baseKey: string, idempotencyKey: string, sessionId: string): Promise<void> {
    this.sql
      .statement(
        `UPDATE checkout_intents SET session_id = ? WHERE base_key = ? AND idempotency_key = ?`,
      )
      .run(sessionId, baseKey, idempotencyKey);
  }

  async abandon(baseKey: string, idempotencyKey: string): Promise<void> {
    this.sql
      .statement(
        `UPDATE checkout_intents SET abandoned = 1 WHERE base_key = ? AND idempotency_key = ? AND session_id IS NULL`,
      )
      .run(baseKey, idempotencyKey);
  }

  private sessionStatusOf(row: IntentRow): SessionStatus | undefined {
    if (row.session_id === null) return undefined;
    return this.sql.one(
      `SELECT status FROM sessions WHERE session_id = ?`,
      (found: { status: SessionStatus }) => found.status,
      row.session_id,
    );
  }
}
