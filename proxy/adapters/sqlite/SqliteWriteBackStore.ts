import type {
  PendingWriteBack,
  StuckWriteBacks,
  WriteBackStore,
} from "../../journal/WriteBackStore";
import { fromPendingRow } from "../journalRows/pendingWriteBackRow";
import type { PreparedStatements } from "./PreparedStatements";

export class SqliteWriteBackStore implements WriteBackStore {
  constructor(private readonly sql: PreparedStatements) {}

  // Typed by the interface, which alone spells out its five parameters.
  readonly add: WriteBackStore["add"] = async (appId, recordId, fields, error, nextAttemptAt) => {
    // Usually the record is owed nothing yet: one statement, no transaction, no read.
    const inserted = this.sql
      .statement(
        `INSERT INTO pending_write_backs (app_id, record_id, fields, attempts, next_attempt_at, last_error)
         VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (app_id, record_id) DO NOTHING`,
      )
      .run(appId, recordId, JSON.stringify(fields), nextAttemptAt.getTime(), error);
    if (inserted.changes > 0) return;
    this.sql.transaction(() => {
      const owed = this.owedFields(appId, recordId);
      const merged = { ...owed, ...fields };
      this.sql
        .statement(
          `INSERT INTO pending_write_backs (app_id, record_id, fields, attempts, next_attempt_at, last_error)
           VALUES (?, ?, ?, 0, ?, ?)
           ON CONFLICT (app_id, record_id) DO UPDATE SET fields = excluded.fields,
             next_attempt_at = MIN(next_attempt_at, excluded.next_attempt_at), last_error = excluded.last_error`,
        )
        .run(appId, recordId, JSON.stringify(merged), nextAttemptAt.getTime(), error);
    });
  };

  async clearFields(appId: string, recordId: string, fieldCodes: string[]): Promise<void> {
    // Usually these are every field the record is owed: one statement drops the row, no
    // transaction, no read. https://www.sqlite.org/json1.html#jeach
    const dropped = this.sql
      .statement(
        `DELETE FROM pending_write_backs WHERE app_id = ? AND record_id = ?
           AND NOT EXISTS (SELECT 1 FROM json_each(fields) WHERE key NOT IN (SELECT value FROM json_each(?)))`,
      )
      .run(appId, recordId, JSON.stringify(fieldCodes));
    if (dropped.changes > 0) return;
    this.sql.transaction(() => {
      const fields = this.owedFields(appId, recordId);
      if (!fields) return;
      for (const code of fieldCodes) delete fields[code];
      if (Object.keys(fields).length === 0) this.deleteNow(appId, recordId);
      else
        this.sql
          .statement(`UPDATE pending_write_backs SET fields = ? WHERE app_id = ? AND record_id = ?`)
          .run(JSON.stringify(fields), appId, recordId);
    });
  }

  async listDue(now: Date, limit: number): Promise<PendingWriteBack[]> {
    return this.sql.all(
      `SELECT * FROM pending_write_backs WHERE next_attempt_at <= ? ORDER BY app_id, next_attempt_at LIMIT ?`,
      fromPendingRow,
      now.getTime(),
      limit,
    );
  }

  async claimDue(
    now: Date,
    limit: number,
    owner: string,
    leaseUntil: Date,
    dueBy: Date = now,
  ): Promise<PendingWriteBack[]> {
    return this.sql.transaction(() => {
      const due = this.sql.all(
        `SELECT * FROM pending_write_backs
           WHERE next_attempt_at <= ?
             AND (lease_until IS NULL OR lease_until <= ? OR claimed_by = ?)
           ORDER BY app_id, next_attempt_at, record_id LIMIT ?`,
        fromPendingRow,
        dueBy.getTime(),
        now.getTime(),
        owner,
        limit,
      );
      const claim = this.sql.statement(
        `UPDATE pending_write_backs SET claimed_by = ?, lease_until = ?
           WHERE app_id = ? AND record_id = ?`,
      );
      for (const entry of due) claim.run(owner, leaseUntil.getTime(), entry.appId, entry.recordId);
      return due;
    });
  }

  async count(): Promise<number> {
    const row = this.sql.statement(`SELECT COUNT(*) AS n FROM pending_write_backs`).get() as {
      n: number;
    };
    return row.n;
  }

  async summarizeStuck(minAttempts: number): Promise<StuckWriteBacks[]> {
    // SQLite takes the bare columns of an aggregate query from the row MIN() picked.
    return this.sql.all(
      `SELECT app_id, COUNT(*) AS records, MIN(record_id) AS record_id, last_error
         FROM pending_write_backs WHERE attempts >= ? GROUP BY app_id ORDER BY app_id`,
      (row: { app_id: string; records: number; record_id: string; last_error: string | null }) => ({
        appId: row.app_id,
        records: row.records,
        recordId: row.record_id,
        lastError: row.last_error,
      }),
      minAttempts,
    );
  }

  async recordFailure(
    appId: string,
    recordId: string,
    error: string,
    nextAttemptAt: Date,
  ): Promise<void> {
    this.sql
      .statement(
        `UPDATE pending_write_backs SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
           claimed_by = NULL, lease_until = NULL
         WHERE app_id = ? AND record_id = ?`,
      )
      .run(nextAttemptAt.getTime(), error, appId, recordId);
  }

  async delete(appId: string, recordId: string): Promise<void> {
    this.deleteNow(appId, recordId);
  }

  /** `delete` without the Promise, for use inside a transaction. */
  private deleteNow(appId: string, recordId: string): void {
    this.sql
      .statement(`DELETE FROM pending_write_backs WHERE app_id = ? AND record_id = ?`)
      .run(appId, recordId);
  }

  /** The field values the record is owed now, if it is owed any. */
  private owedFields(appId: string, recordId: string): Record<string, unknown> | undefined {
    return this.sql.one(
      `SELECT fields FROM pending_write_backs WHERE app_id = ? AND record_id = ?`,
      (row: { fields: string }) => JSON.parse(row.fields) as Record<string, unknown>,
      appId,
      recordId,
    );
  }
}
