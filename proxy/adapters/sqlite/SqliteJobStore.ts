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
import type { PreparedStatements } from "./PreparedStatements";

interface JobRow {
  job_id: string;
  app_id: string;
  mapping_json: string;
  query: string | null;
  status: JobStatus;
  items_resolved: number;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
}

interface JobItemRow {
  job_id: string;
  position: number;
  record_id: string;
  revision: string | null;
  state: JobItemState;
  session_id: string | null;
  error_code: string | null;
  error_message: string | null;
  written_back: number;
}

export class SqliteJobStore implements JobStore {
  constructor(private readonly sql: PreparedStatements) {}

  create(job: NewJob, items?: JobItemRef[]): void {
    this.sql.transaction(() => {
      this.sql
        .statement(
          `INSERT INTO jobs (job_id, app_id, mapping_json, query, status, items_resolved, created_at)
           VALUES (?, ?, ?, ?, 'queued', 0, ?)`,
        )
        .run(job.jobId, job.appId, job.mappingJson, job.query, job.createdAt.getTime());
      if (items) this.resolveItems(job.jobId, items);
    });
  }

  get(jobId: string): JournalJob | undefined {
    return this.sql.one(`SELECT * FROM jobs WHERE job_id = ?`, fromJobRow, jobId);
  }

  listUnfinished(): JournalJob[] {
    return this.sql.all(
      `SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at, job_id`,
      fromJobRow,
    );
  }

  resolveItems(jobId: string, items: JobItemRef[]): void {
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

  setStatus(jobId: string, status: JobStatus, error: JobError | null = null): void {
    this.sql
      .statement(`UPDATE jobs SET status = ?, error_code = ?, error_message = ? WHERE job_id = ?`)
      .run(status, error?.code ?? null, error?.message ?? null, jobId);
  }

  listItems(jobId: string, state?: JobItemState): JobItem[] {
    return state === undefined
      ? this.sql.all(
          `SELECT * FROM job_items WHERE job_id = ? ORDER BY position`,
          fromJobItemRow,
          jobId,
        )
      : this.sql.all(
          `SELECT * FROM job_items WHERE job_id = ? AND state = ? ORDER BY position`,
          fromJobItemRow,
          jobId,
          state,
        );
  }

  finishItem(jobId: string, recordId: string, outcome: { sessionId: string } | JobError): void {
    const done = "sessionId" in outcome;
    this.sql
      .statement(
        `UPDATE job_items SET state = ?, session_id = ?, error_code = ?, error_message = ?
         WHERE job_id = ? AND record_id = ? AND state = 'pending'`,
      )
      .run(
        done ? "done" : "failed",
        done ? outcome.sessionId : null,
        done ? null : outcome.code,
        done ? null : outcome.message,
        jobId,
        recordId,
      );
  }

  listItemsToWriteBack(jobId: string): JobItem[] {
    return this.sql.all(
      `SELECT * FROM job_items WHERE job_id = ? AND state = 'done' AND written_back = 0
         ORDER BY position`,
      fromJobItemRow,
      jobId,
    );
  }

  markItemsWrittenBack(jobId: string, recordIds: string[]): void {
    const mark = this.sql.statement(
      `UPDATE job_items SET written_back = 1 WHERE job_id = ? AND record_id = ?`,
    );
    this.sql.transaction(() => {
      for (const recordId of recordIds) mark.run(jobId, recordId);
    });
  }

  getProgress(jobId: string, errorLimit: number): JobProgress {
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

function errorOf(row: {
  error_code: string | null;
  error_message: string | null;
}): JobError | null {
  return row.error_code === null
    ? null
    : { code: row.error_code, message: row.error_message ?? "" };
}

function fromJobRow(row: JobRow): JournalJob {
  return {
    jobId: row.job_id,
    appId: row.app_id,
    mappingJson: row.mapping_json,
    query: row.query,
    status: row.status,
    itemsResolved: row.items_resolved === 1,
    error: errorOf(row),
    createdAt: new Date(row.created_at),
  };
}

function fromJobItemRow(row: JobItemRow): JobItem {
  return {
    jobId: row.job_id,
    recordId: row.record_id,
    revision: row.revision,
    state: row.state,
    sessionId: row.session_id,
    error: errorOf(row),
    writtenBack: row.written_back === 1,
  };
}
