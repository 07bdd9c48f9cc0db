import type { WebhookWatch } from "../../journal/WebhookWatch";
import type { PreparedStatements } from "./PreparedStatements";

/** The webhook's last signed arrival in one row (`webhook_arrivals`, id 1), epoch milliseconds. */
export class SqliteWebhookWatch implements WebhookWatch {
  constructor(private readonly sql: PreparedStatements) {}

  async recordSignedEvent(at: Date): Promise<void> {
    // MAX: a slow request finishing after a newer one never moves the moment back.
    this.sql
      .statement(
        `INSERT INTO webhook_arrivals (id, last_signed_at) VALUES (1, @at)
         ON CONFLICT (id) DO UPDATE SET last_signed_at = MAX(last_signed_at, @at)`,
      )
      .run({ at: at.getTime() });
  }

  async lastSignedEventAt(): Promise<Date | undefined> {
    const row = this.sql
      .statement(`SELECT last_signed_at AS at FROM webhook_arrivals WHERE id = 1`)
      .get() as { at: number } | undefined;
    return row ? new Date(row.at) : undefined;
  }

  async countSessionsCreatedSince(since: Date): Promise<number> {
    const row = this.sql
      .statement(`SELECT COUNT(*) AS count FROM sessions WHERE created_at >= ?`)
      .get(since.getTime()) as { count: number };
    return row.count;
  }
}
