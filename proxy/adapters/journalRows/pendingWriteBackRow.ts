/**
 * A record's owed write-back as both journal adapters store it: its fields as JSON text (SQLite)
 * or JSONB, which node-postgres reads as an object.
 */
import type { PendingWriteBack } from "../../journal/WriteBackStore";

export interface PendingRow {
  app_id: string;
  record_id: string;
  fields: string | Record<string, { value: unknown }>;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

export function fromPendingRow(row: PendingRow): PendingWriteBack {
  return {
    appId: row.app_id,
    recordId: row.record_id,
    fields:
      typeof row.fields === "string"
        ? (JSON.parse(row.fields) as Record<string, { value: unknown }>)
        : row.fields,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error,
  };
}
