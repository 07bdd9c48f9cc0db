import type {
  NewStripeEvent,
  StoredStripeEvent,
  StripeEventStore,
} from "../../journal/StripeEventStore";
import type { PreparedStatements } from "./PreparedStatements";

/** An event as selected: named as the journal names it, its moments in epoch milliseconds. */
type StripeEventRow = Omit<StoredStripeEvent, "receivedAt" | "appliedAt"> & {
  receivedAt: number;
  appliedAt: number | null;
};

const SELECT_EVENT = `SELECT event_id AS eventId, type, created, payload AS payloadJson,
    received_at AS receivedAt, applied_at AS appliedAt, outcome, attempts, last_error AS lastError
  FROM stripe_events`;

export class SqliteStripeEventStore implements StripeEventStore {
  constructor(private readonly sql: PreparedStatements) {}

  store(event: NewStripeEvent, receivedAt: Date): { isNew: boolean; applied: boolean } {
    return this.sql.transaction(() => {
      const inserted = this.sql
        .statement(
          `INSERT INTO stripe_events (event_id, type, created, payload, received_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        )
        .run(event.eventId, event.type, event.created, event.payloadJson, receivedAt.getTime());
      if (inserted.changes === 1) return { isNew: true, applied: false };
      const stored = this.get(event.eventId);
      return { isNew: false, applied: stored?.appliedAt != null };
    });
  }

  get(eventId: string): StoredStripeEvent | undefined {
    return this.sql.one(`${SELECT_EVENT} WHERE event_id = ?`, fromEventRow, eventId);
  }

  markApplied(eventId: string, outcome: string, appliedAt: Date): void {
    this.sql
      .statement(
        `UPDATE stripe_events SET applied_at = ?, outcome = ?, last_error = NULL WHERE event_id = ?`,
      )
      .run(appliedAt.getTime(), outcome, eventId);
  }

  recordFailure(eventId: string, error: string): void {
    this.sql
      .statement(
        `UPDATE stripe_events SET attempts = attempts + 1, last_error = ? WHERE event_id = ?`,
      )
      .run(error, eventId);
  }

  listUnapplied(limit: number): StoredStripeEvent[] {
    return this.sql.all(
      `${SELECT_EVENT} WHERE applied_at IS NULL ORDER BY created, received_at LIMIT ?`,
      fromEventRow,
      limit,
    );
  }

  latestCreated(): number | undefined {
    const row = this.sql.statement(`SELECT MAX(created) AS created FROM stripe_events`).get() as {
      created: number | null;
    };
    return row.created ?? undefined;
  }

  prune(createdBefore: number): number {
    return this.sql
      .statement(`DELETE FROM stripe_events WHERE applied_at IS NOT NULL AND created < ?`)
      .run(createdBefore).changes;
  }
}

function fromEventRow(row: StripeEventRow): StoredStripeEvent {
  return {
    ...row,
    receivedAt: new Date(row.receivedAt),
    appliedAt: row.appliedAt === null ? null : new Date(row.appliedAt),
  };
}
