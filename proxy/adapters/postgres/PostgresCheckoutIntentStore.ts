import type { CheckoutIntent, CheckoutIntentStore } from "../../journal/CheckoutIntentStore";
import type { SessionStatus } from "../../ports/PaymentGateway";
import { fromIntentRow, nextIntentRow, type IntentRow } from "../journalRows/intentRow";
import type { PostgresQueries } from "./PostgresQueries";

const SELECT_INTENT = `SELECT * FROM checkout_intents WHERE base_key = $1`;

export class PostgresCheckoutIntentStore implements CheckoutIntentStore {
  constructor(private readonly sql: PostgresQueries) {}

  /**
   * One transaction, holding a transaction advisory lock on the base key first: twin requests on
   * two proxies take turns even before the intent's row exists, and the second finds the first's.
   */
  claim(
    baseKey: string,
    reusable: (intent: CheckoutIntent, sessionStatus: SessionStatus | undefined) => boolean,
    fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
    now: Date,
  ): Promise<CheckoutIntent> {
    return this.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `checkout-intent:${baseKey}`,
      ]);
      const [row] = await tx.query<IntentRow & { session_status: SessionStatus | null }>(
        `SELECT i.*, s.status AS session_status FROM checkout_intents i
           LEFT JOIN sessions s ON s.session_id = i.session_id
           WHERE i.base_key = $1`,
        [baseKey],
      );
      if (row && reusable(fromIntentRow(row), row.session_status ?? undefined)) {
        return fromIntentRow(row);
      }
      const next = nextIntentRow(baseKey, row, fresh, now);
      await tx.run(
        `INSERT INTO checkout_intents (base_key, generation, idempotency_key, expires_at, created_at,
           session_id, abandoned)
         VALUES ($1, $2, $3, $4, $5, NULL, false)
         ON CONFLICT (base_key) DO UPDATE SET generation = EXCLUDED.generation,
           idempotency_key = EXCLUDED.idempotency_key, expires_at = EXCLUDED.expires_at,
           created_at = EXCLUDED.created_at, session_id = NULL, abandoned = false`,
        [next.base_key, next.generation, next.idempotency_key, next.expires_at, next.created_at],
      );
      return fromIntentRow(next);
    });
  }

  find(baseKey: string): Promise<CheckoutIntent | undefined> {
    return this.sql.one(SELECT_INTENT, fromIntentRow, [baseKey]);
  }

  async complete(baseKey: string, idempotencyKey: string, sessionId: string): Promise<void> {
    await this.sql.run(
      `UPDATE checkout_intents SET session_id = $1 WHERE base_key = $2 AND idempotency_key = $3`,
      [sessionId, baseKey, idempotencyKey],
    );
  }

  async abandon(baseKey: string, idempotencyKey: string): Promise<void> {
    await this.sql.run(
      `UPDATE checkout_intents SET abandoned = true
         WHERE base_key = $1 AND idempotency_key = $2 AND session_id IS NULL`,
      [baseKey, idempotencyKey],
    );
  }
}
