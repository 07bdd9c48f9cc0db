import type {
  PendingWriteBack,
  StuckWriteBacks,
  WriteBackStore,
} from "../../journal/WriteBackStore";
import { fromPendingRow, type PendingRow } from "../journalRows/pendingWriteBackRow";
import type { PostgresQueries } from "./PostgresQueries";

/**
 * Owed fields as one JSONB object per record: a merge (`||`, newer values win) and a removal
 * (`-` of field codes) are each one statement, so proxies writing the same record at once lose
 * neither's values. https://www.postgresql.org/docs/current/functions-json.html
 */
export class PostgresWriteBackStore implements WriteBackStore {
  constructor(private readonly sql: PostgresQueries) {}

  // Typed by the interface, which alone spells out its five parameters.
  readonly add: WriteBackStore["add"] = async (appId, recordId, fields, error, nextAttemptAt) => {
    await this.sql.run(
      `INSERT INTO pending_write_backs (app_id, record_id, fields, attempts, next_attempt_at, last_error)
       VALUES ($1, $2, $3::jsonb, 0, $4, $5)
       ON CONFLICT (app_id, record_id) DO UPDATE
         SET fields = pending_write_backs.fields || EXCLUDED.fields,
           next_attempt_at = LEAST(pending_write_backs.next_attempt_at, EXCLUDED.next_attempt_at),
           last_error = EXCLUDED.last_error`,
      [appId, recordId, JSON.stringify(fields), nextAttemptAt.getTime(), error],
    );
  };

  /** One transaction: the fields go, then the record's row when it is owed nothing more. */
  clearFields(appId: string, recordId: string, fieldCodes: string[]): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run(
        `UPDATE pending_write_backs SET fields = fields - $3::text[]
           WHERE app_id = $1 AND record_id = $2`,
        [appId, recordId, fieldCodes],
      );
      await tx.run(
        `DELETE FROM pending_write_backs
           WHERE app_id = $1 AND record_id = $2 AND fields = '{}'::jsonb`,
        [appId, recordId],
      );
    });
  }

  async listDue(now: Date, limit: number): Promise<PendingWriteBack[]> {
    const rows = await this.sql.query<PendingRow>(
      `SELECT * FROM pending_write_backs WHERE next_attempt_at <= $1
         ORDER BY app_id, next_attempt_at LIMIT $2`,
      [now.getTime(), limit],
    );
    return rows.map(fromPendingRow);
  }

  /**
   * The due rows are picked and leased in one statement; `SKIP LOCKED` lets a second proxy
   * claiming at the same moment pass over the rows the first is leasing instead of waiting for them.
   * https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE
   */
  async claimDue(
    now: Date,
    limit: number,
    owner: string,
    leaseUntil: Date,
    dueBy: Date = now,
  ): Promise<PendingWriteBack[]> {
    const rows = await this.sql.query<PendingRow>(
      `UPDATE pending_write_backs owed SET claimed_by = $4, lease_until = $5
         FROM (SELECT app_id, record_id FROM pending_write_backs
                 WHERE next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $2 OR claimed_by = $4)
                 ORDER BY app_id, next_attempt_at, record_id LIMIT $3
                 FOR UPDATE SKIP LOCKED) due
         WHERE owed.app_id = due.app_id AND owed.record_id = due.record_id
         RETURNING owed.*`,
      [dueBy.getTime(), now.getTime(), limit, owner, leaseUntil.getTime()],
    );
    // RETURNING keeps no order: the same order as `listDue`.
    return rows
      .map(fromPendingRow)
      .sort(
        (a, b) =>
          (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0) ||
          a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
          (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0),
      );
  }

  async count(): Promise<number> {
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM pending_write_backs`,
    );
    return row?.n ?? 0;
  }

  async summarizeStuck(minAttempts: number): Promise<StuckWriteBacks[]> {
    // Per app, the row with the lowest record id, and how many rows the app has.
    const rows = await this.sql.query<{
      app_id: string;
      records: number;
      record_id: string;
      last_error: string | null;
    }>(
      `SELECT DISTINCT ON (app_id) app_id, (COUNT(*) OVER (PARTITION BY app_id))::int AS records,
         record_id, last_error
       FROM pending_write_backs WHERE attempts >= $1 ORDER BY app_id, record_id`,
      [minAttempts],
    );
    return rows.map((row) => ({
      appId: row.app_id,
      records: row.records,
      recordId: row.record_id,
      lastError: row.last_error,
    }));
  }

  async recordFailure(
    appId: string,
    recordId: string,
    error: string,
    nextAttemptAt: Date,
  ): Promise<void> {
    await this.sql.run(
      `UPDATE pending_write_backs SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2,
           claimed_by = NULL, lease_until = NULL
         WHERE app_id = $3 AND record_id = $4`,
      [nextAttemptAt.getTime(), error, appId, recordId],
    );
  }

  async delete(appId: string, recordId: string): Promise<void> {
    await this.sql.run(`DELETE FROM pending_write_backs WHERE app_id = $1 AND record_id = $2`, [
      appId,
      recordId,
    ]);
  }
}
