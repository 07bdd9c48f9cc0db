import type {
  NewStripeEvent,
  StoredStripeEvent,
  StripeEventStore,
} from "../../journal/StripeEventStore";
import { fromEventRow } from "../journalRows/stripeEventRow";
import type { PreparedStatements } from "./PreparedStatements";

const SELECT_EVENT = `SELECT event_id AS eventId, type, created, payload AS payloadJson,
    received_at AS receivedAt, applied_at AS appliedAt, outcome, attempts, last_error AS lastError
  FROM stripe_events`;

export class SqliteStripeEventStore implements StripeEventStore {
  constructor(private readonly sql: PreparedStatements) {}

  async store(
    event: NewStripeEvent,
    receivedAt: Date,
  ): Promise<{ isNew: boolean; applied: boolean }> {
    return this.sql.transaction(() => {
      const inserted = this.sql
        .statement(
          `INSERT INTO stripe_events (event_id, type, created, payload, received_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        )
        .run(event.eventId, event.type, event.created, event.payloadJson, receivedAt.getTime());
      if (inserted.changes === 1) return { isNew: true, applied: false };
      const stored = this.getNow(event.eventId);
      return { isNew: false, applied: stored?.appliedAt != null };
    });
  }

  async get(eventId: string): Promise<StoredStripeEvent | undefined> {
    return this.getNow(eventId);
  }

  async markApplied(eventId: string, outcome: string, appliedAt: Date): Promise<void> {
    this.sql
      .statement(
        `UPDATE stripe_events SET applied_at = ?, outcome = ?, last_error = NULL WHERE event_id = ?`,
      )
      .run(appliedAt.getTime(), outcome, eventId);
  }

  async recordFailure(eventId: string, error: string): Promise<void> {
    this.sql
      .statement(
        `UPDATE stripe_events SET attempts = attempts + 1, last_error = ? WHERE event_id = ?`,
      )
      .run(error, eventId);
  }

  async listUnapplied(limit: number): Promise<StoredStripeEvent[]> {
    return this.sql.all(
      `${SELECT_EVENT} WHERE applied_at IS NULL ORDER BY created, received_at LIMIT ?`,
      fromEventRow,
      limit,
    );
  }

  async latestCreated(): Promise<number | undefined> {
    const row = this.sql.statement(`SELECT MAX(created) AS created FROM stripe_events`).get() as {
      created: number | null;
    };
    return row.created ?? undefined;
  }

  async prune(createdBefore: number): Promise<number> {
    return this.sql
      .statement(`DELETE FROM stripe_events WHERE applied_at IS NOT NULL AND created < ?`)
      .run(createdBefore).changes;
  }

  /** `get` without the Promise, for use inside a transaction. */
  private getNow(eventId: string): StoredStripeEvent | undefined {
    return this.sql.one(`${SELECT_EVENT} WHERE event_id = ?`, fromEventRow, eventId);
  }
}
