/** A checkout intent as both journal adapters store it (`abandoned` is 0/1 in SQLite). */
import type { CheckoutIntent } from "../../journal/CheckoutIntentStore";

export interface IntentRow {
  base_key: string;
  generation: number;
  idempotency_key: string;
  expires_at: number;
  created_at: number;
  session_id: string | null;
  abandoned: number | boolean;
}

export function fromIntentRow(row: IntentRow): CheckoutIntent {
  return {
    baseKey: row.base_key,
    idempotencyKey: row.idempotency_key,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
    sessionId: row.session_id,
    abandoned: row.abandoned === 1 || row.abandoned === true,
  };
}
