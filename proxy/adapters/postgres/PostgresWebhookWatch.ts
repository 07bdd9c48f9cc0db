import type { WebhookWatch } from "../../journal/WebhookWatch";
import type { PostgresQueries } from "./PostgresQueries";

/** The webhook's last signed arrival in one row (`webhook_arrivals`, id 1), epoch milliseconds. */
export class PostgresWebhookWatch implements WebhookWatch {
  constructor(private readonly sql: PostgresQueries) {}

  async recordSignedEvent(at: Date): Promise<void> {
    // GREATEST: a slow request finishing after a newer one (on any proxy) never moves it back.
    await this.sql.run(
      `INSERT INTO webhook_arrivals (id, last_signed_at) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE
         SET last_signed_at = GREATEST(webhook_arrivals.last_signed_at, EXCLUDED.last_signed_at)`,
      [at.getTime()],
    );
  }

  lastSignedEventAt(): Promise<Date | undefined> {
    return this.sql.one(
      `SELECT last_signed_at AS at FROM webhook_arrivals WHERE id = 1`,
      (row: { at: number }) => new Date(row.at),
    );
  }

  async countSessionsCreatedSince(since: Date): Promise<number> {
    const [row] = await this.sql.query<{ count: number }>(
      `SELECT COUNT(*)::int AS count FROM sessions WHERE created_at >= $1`,
      [since.getTime()],
    );
    return row?.count ?? 0;
  }
}
