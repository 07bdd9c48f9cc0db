import type {
  JobError,
  JobItem,
  JobItemRef,
  JobItemState,
  JobProgress,
  JobStatus,
  JobStore,
  JournalJob,
  NewJob,
} from "../../journal/JobStore";
import { finishedItemColumns, fromJobItemRow, fromJobRow } from "../journalRows/jobRows";
import type { PreparedStatements } from "./PreparedStatements";

const SELECT_JOB = `SELECT job_id AS jobId, app_id AS appId, mapping_json AS mappingJson, query, status,
    items_resolved AS itemsResolved, error_code AS errorCode, error_message AS errorMessage,
    created_at AS createdAt, language
  FROM jobs`;
const SELECT_JOB_ITEM = `SELECT job_id AS jobId, record_id AS recordId, revision, state,
    session_id AS sessionId, error_code AS errorCode, error_message AS errorMessage,
    written_back AS writtenBack
  FROM job_items`;

export class SqliteJobStore implements JobStore {
  constructor(private readonly sql: PreparedStatements) {}

  async create(job: NewJob, items?: JobItemRef[]): Promise<void> {
    this.sql.transaction(() => {
      this.sql
        .statement(
          `INSERT INTO jobs (job_id, app_id, mapping_json, query, status, items_resolved, created_at,
             language)
           VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)`,
        )
        .run(
          job.jobId,
          job.appId,
          job.mappingJson,
          job.query,
          job.createdAt.getTime(),
          job.language ?? "en",
        );
      if (items) this.resolveItemsNow(job.jobId, items);
    });
  }

  async get(jobId: string): Promise<JournalJob | undefined> {
    return this.sql.one(`${SELECT_JOB} WHERE job_id = ?`, fromJobRow, jobId);
  }

  async listForApp(appId: string, limit: number): Promise<JournalJob[]> {
    return this.sql.all(
      `${SELECT_JOB} WHERE app_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      fromJobRow,
      appId,
      limit,
    );
  }

  async listUnfinished(): Promise<JournalJob[]> {
    return this.sql.all(
      `${SELECT_JOB} WHERE status IN ('queued', 'running') ORDER BY created_at, job_id`,
      fromJobRow,
    );
  }

  async resolveItems(jobId: string, items: JobItemRef[]): Promise<void> {
    this.resolveItemsNow(jobId, items);
  }

  /** `resolveItems` without the Promise, for use inside `create`'s transaction. */
  private resolveItemsNow(jobId: string, items: JobItemRef[]): void {
    this.sql.transaction(() => {
      const resolved = this.sql
        .statement(`UPDATE jobs SET items_resolved = 1 WHERE job_id = ? AND items_resolved = 0`)
        .run(jobId);
      if (resolved.changes === 0) return;
      const insert = this.sql.statement(
        `INSERT OR IGNORE INTO job_items (job_id, position, record_id, revision, state)
         VALUES (?, ?, ?, ?, 'pending')`,
      );
      items.forEach((item, position) =>
        insert.run(jobId, position, item.recordId, item.revision ?? null),
      );
    });
  }

  async setStatus(jobId: string, status: JobStatus, error: JobError | null = null): Promise<void> {
    this.sql
      .statement(`UPDATE jobs SET status = ?, error_code = ?, error_message = ? WHERE job_id = ?`)
      .run(status, error?.code ?? null, error?.message ?? null, jobId);
  }

  async listItems(jobId: string, state?: JobItemState): Promise<JobItem[]> {
    return state === undefined
      ? this.sql.all(`${SELECT_JOB_ITEM} WHERE job_id = ? ORDER BY position`, fromJobItemRow, jobId)
      : this.sql.all(
          `${SELECT_JOB_ITEM} WHERE job_id = ? AND state = ? ORDER BY position`,
          fromJobItemRow,
          jobId,
          state,
        );
  }

  async finishItem(
    jobId: string,
    recordId: string,
    outcome: { sessionId: string } | JobError,
  ): Promise<void> {
    this.sql
      .statement(
        `UPDATE job_items SET state = ?, session_id = ?, error_code = ?, error_message = ?
         WHERE job_id = ? AND record_id = ? AND state = 'pending'`,
      )
      .run(...finishedItemColumns(outcome), jobId, recordId);
  }

  async listItemsToWriteBack(jobId: string): Promise<JobItem[]> {
    return this.sql.all(
      `${SELECT_JOB_ITEM} WHERE job_id = ? AND state = 'done' AND written_back = 0
         ORDER BY position`,
      fromJobItemRow,
      jobId,
    );
  }

  async markItemsWrittenBack(jobId: string, recordIds: string[]): Promise<void> {
    const mark = this.sql.statement(
      `UPDATE job_items SET written_back = 1 WHERE job_id = ? AND record_id = ?`,
    );
    this.sql.transaction(() => {
      for (const recordId of recordIds) mark.run(jobId, recordId);
    });
  }

  async claimItems(
    jobId: string,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<JobItem[]> {
    return this.sql.transaction(() => {
      const items = this.sql.all(
        `${SELECT_JOB_ITEM} WHERE job_id = ? AND state = 'pending'
           AND (lease_until IS NULL OR lease_until <= ?) ORDER BY position LIMIT ?`,
        fromJobItemRow,
        jobId,
        now.getTime(),
        limit,
      );
      const claim = this.sql.statement(
        `UPDATE job_items SET claimed_by = ?, lease_until = ? WHERE job_id = ? AND record_id = ?`,
      );
      for (const item of items) claim.run(owner, leaseUntil.getTime(), jobId, item.recordId);
      return items;
    });
  }

  async renewClaims(jobId: string, owner: string, leaseUntil: Date): Promise<number> {
    return this.sql
      .statement(
        `UPDATE job_items SET lease_until = ?
           WHERE job_id = ? AND claimed_by = ? AND state = 'pending'`,
      )
      .run(leaseUntil.getTime(), jobId, owner).changes;
  }

  async releaseClaims(jobId: string, owner: string): Promise<void> {
    this.sql
      .statement(
        `UPDATE job_items SET claimed_by = NULL, lease_until = NULL
           WHERE job_id = ? AND claimed_by = ? AND state = 'pending'`,
      )
      .run(jobId, owner);
  }

  async getProgress(jobId: string, errorLimit: number): Promise<JobProgress> {
    const counts = this.sql
      .statement(
        `SELECT COUNT(*) AS total,
           COALESCE(SUM(state = 'done'), 0) AS done,
           COALESCE(SUM(state = 'failed'), 0) AS failed
         FROM job_items WHERE job_id = ?`,
      )
      .get(jobId) as { total: number; done: number; failed: number };
    const errors = this.sql.all(
      `SELECT record_id, error_code, error_message FROM job_items
         WHERE job_id = ? AND state = 'failed' ORDER BY position LIMIT ?`,
      (row: { record_id: string; error_code: string; error_message: string }) => ({
        recordId: row.record_id,
        code: row.error_code,
        message: row.error_message,
      }),
      jobId,
      errorLimit,
    );
    return { ...counts, errors };
  }
}
