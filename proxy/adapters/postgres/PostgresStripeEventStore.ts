import type {
  NewStripeEvent,
  StoredStripeEvent,
  StripeEventStore,
} from "../../journal/StripeEventStore";
import { fromEventRow, type StripeEventRow } from "../journalRows/stripeEventRow";
import type { PostgresQueries } from "./PostgresQueries";

const SELECT_EVENT = `SELECT event_id AS "eventId", type, created, payload AS "payloadJson",
    received_at AS "receivedAt", applied_at AS "appliedAt", outcome, attempts,
    last_error AS "lastError"
  FROM stripe_events`;

export class PostgresStripeEventStore implements StripeEventStore {
  constructor(private readonly sql: PostgresQueries) {}

  /** One statement decides which proxy stored the event first (`ON CONFLICT DO NOTHING`). */
  async store(
    event: NewStripeEvent,
    receivedAt: Date,
  ): Promise<{ isNew: boolean; applied: boolean }> {
    const inserted = await this.sql.run(
      `INSERT INTO stripe_events (event_id, type, created, payload, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [event.eventId, event.type, event.created, event.payloadJson, receivedAt.getTime()],
    );
    if (inserted === 1) return { isNew: true, applied: false };
    const stored = await this.get(event.eventId);
    return { isNew: false, applied: stored?.appliedAt != null };
  }

  get(eventId: string): Promise<StoredStripeEvent | undefined> {
    return this.sql.one(`${SELECT_EVENT} WHERE event_id = $1`, fromEventRow, [eventId]);
  }

  async markApplied(eventId: string, outcome: string, appliedAt: Date): Promise<void> {
    await this.sql.run(
      `UPDATE stripe_events SET applied_at = $1, outcome = $2, last_error = NULL
         WHERE event_id = $3`,
      [appliedAt.getTime(), outcome, eventId],
    );
  }

  async recordFailure(eventId: string, error: string): Promise<void> {
    await this.sql.run(
      `UPDATE stripe_events SET attempts = attempts + 1, last_error = $1 WHERE event_id = $2`,
      [error, eventId],
    );
  }

  async listUnapplied(limit: number): Promise<StoredStripeEvent[]> {
    const rows = await this.sql.query<StripeEventRow>(
      `${SELECT_EVENT} WHERE applied_at IS NULL ORDER BY created, received_at LIMIT $1`,
      [limit],
    );
    return rows.map(fromEventRow);
  }

  latestCreated(): Promise<number | undefined> {
    return this.sql.one(
      `SELECT MAX(created) AS created FROM stripe_events`,
      (row: { created: number | null }) => row.created ?? undefined,
    );
  }

  prune(createdBefore: number): Promise<number> {
    return this.sql.run(`DELETE FROM stripe_events WHERE applied_at IS NOT NULL AND created < $1`, [
      createdBefore,
    ]);
  }
}
