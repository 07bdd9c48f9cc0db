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

/** The intent that replaces `previous` (or is the first): the next generation, `fresh`'s key. */
export function nextIntentRow(
  baseKey: string,
  previous: IntentRow | undefined,
  fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
  now: Date,
): IntentRow {
  const generation = previous ? previous.generation + 1 : 1;
  const made = fresh(generation);
  return {
    base_key: baseKey,
    generation,
    idempotency_key: made.idempotencyKey,
    expires_at: made.expiresAt.getTime(),
    created_at: now.getTime(),
    session_id: null,
    abandoned: 0,
  };
}
