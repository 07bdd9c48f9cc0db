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
import {
  finishedItemColumns,
  fromJobItemRow,
  fromJobRow,
  type JobItemRow,
  type JobRow,
} from "../journalRows/jobRows";
import type { PostgresQueries, Queryable } from "./PostgresQueries";

const SELECT_JOB = `SELECT job_id AS "jobId", app_id AS "appId", mapping_json AS "mappingJson", query,
    status, items_resolved AS "itemsResolved", error_code AS "errorCode",
    error_message AS "errorMessage", created_at AS "createdAt", language
  FROM jobs`;
const SELECT_JOB_ITEM = `SELECT job_id AS "jobId", record_id AS "recordId", revision, state,
    session_id AS "sessionId", error_code AS "errorCode", error_message AS "errorMessage",
    written_back AS "writtenBack"
  FROM job_items`;

export class PostgresJobStore implements JobStore {
  constructor(private readonly sql: PostgresQueries) {}

  create(job: NewJob, items?: JobItemRef[]): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO jobs (job_id, app_id, mapping_json, query, status, items_resolved, created_at,
           language)
         VALUES ($1, $2, $3, $4, 'queued', false, $5, $6)`,
        [
          job.jobId,
          job.appId,
          job.mappingJson,
          job.query,
          job.createdAt.getTime(),
          job.language ?? "en",
        ],
      );
      if (items) await resolveItemsIn(tx, job.jobId, items);
    });
  }

  get(jobId: string): Promise<JournalJob | undefined> {
    return this.sql.one(`${SELECT_JOB} WHERE job_id = $1`, fromJobRow, [jobId]);
  }

  async listForApp(appId: string, limit: number): Promise<JournalJob[]> {
    const rows = await this.sql.query<JobRow>(
      `${SELECT_JOB} WHERE app_id = $1 ORDER BY created_at DESC, seq DESC LIMIT $2`,
      [appId, limit],
    );
    return rows.map(fromJobRow);
  }

  async listUnfinished(): Promise<JournalJob[]> {
    const rows = await this.sql.query<JobRow>(
      `${SELECT_JOB} WHERE status IN ('queued', 'running') ORDER BY created_at, job_id`,
    );
    return rows.map(fromJobRow);
  }

  resolveItems(jobId: string, items: JobItemRef[]): Promise<void> {
    return this.sql.transaction((tx) => resolveItemsIn(tx, jobId, items));
  }

  async setStatus(jobId: string, status: JobStatus, error: JobError | null = null): Promise<void> {
    await this.sql.run(
      `UPDATE jobs SET status = $1, error_code = $2, error_message = $3 WHERE job_id = $4`,
      [status, error?.code ?? null, error?.message ?? null, jobId],
    );
  }

  async listItems(jobId: string, state?: JobItemState): Promise<JobItem[]> {
    const rows =
      state === undefined
        ? await this.sql.query<JobItemRow>(
            `${SELECT_JOB_ITEM} WHERE job_id = $1 ORDER BY position`,
            [jobId],
          )
        : await this.sql.query<JobItemRow>(
            `${SELECT_JOB_ITEM} WHERE job_id = $1 AND state = $2 ORDER BY position`,
            [jobId, state],
          );
    return rows.map(fromJobItemRow);
  }

  async finishItem(
    jobId: string,
    recordId: string,
    outcome: { sessionId: string } | JobError,
  ): Promise<void> {
    await this.sql.run(
      `UPDATE job_items SET state = $1, session_id = $2, error_code = $3, error_message = $4
         WHERE job_id = $5 AND record_id = $6 AND state = 'pending'`,
      [...finishedItemColumns(outcome), jobId, recordId],
    );
  }

  async listItemsToWriteBack(jobId: string): Promise<JobItem[]> {
    const rows = await this.sql.query<JobItemRow>(
      `${SELECT_JOB_ITEM} WHERE job_id = $1 AND state = 'done' AND NOT written_back
         ORDER BY position`,
      [jobId],
    );
    return rows.map(fromJobItemRow);
  }

  async markItemsWrittenBack(jobId: string, recordIds: string[]): Promise<void> {
    await this.sql.run(
      `UPDATE job_items SET written_back = true WHERE job_id = $1 AND record_id = ANY($2::text[])`,
      [jobId, recordIds],
    );
  }

  /**
   * Picked and leased in one statement; `SKIP LOCKED` lets proxies claiming at the same moment
   * take different items instead of waiting for each other's.
   * https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE
   */
  async claimItems(
    jobId: string,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<JobItem[]> {
    const rows = await this.sql.query<JobItemRow & { position: number }>(
      `WITH claimable AS (
         SELECT job_id, record_id FROM job_items
           WHERE job_id = $1 AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $2)
           ORDER BY position LIMIT $3
           FOR UPDATE SKIP LOCKED)
       UPDATE job_items item SET claimed_by = $4, lease_until = $5
         FROM claimable
         WHERE item.job_id = claimable.job_id AND item.record_id = claimable.record_id
         RETURNING item.job_id AS "jobId", item.record_id AS "recordId", item.revision, item.state,
           item.session_id AS "sessionId", item.error_code AS "errorCode",
           item.error_message AS "errorMessage", item.written_back AS "writtenBack", item.position`,
      [jobId, now.getTime(), limit, owner, leaseUntil.getTime()],
    );
    // RETURNING keeps no order: the job's order.
    return rows
      .sort((a, b) => a.position - b.position)
      .map(({ position: _position, ...row }) => fromJobItemRow(row));
  }

  renewClaims(jobId: string, owner: string, leaseUntil: Date): Promise<number> {
    return this.sql.run(
      `UPDATE job_items SET lease_until = $1
         WHERE job_id = $2 AND claimed_by = $3 AND state = 'pending'`,
      [leaseUntil.getTime(), jobId, owner],
    );
  }

  async releaseClaims(jobId: string, owner: string): Promise<void> {
    await this.sql.run(
      `UPDATE job_items SET claimed_by = NULL, lease_until = NULL
         WHERE job_id = $1 AND claimed_by = $2 AND state = 'pending'`,
      [jobId, owner],
    );
  }

  async getProgress(jobId: string, errorLimit: number): Promise<JobProgress> {
    const [counts] = await this.sql.query<{ total: number; done: number; failed: number }>(
      `SELECT COUNT(*)::int AS total,
         (COUNT(*) FILTER (WHERE state = 'done'))::int AS done,
         (COUNT(*) FILTER (WHERE state = 'failed'))::int AS failed
       FROM job_items WHERE job_id = $1`,
      [jobId],
    );
    const errors = await this.sql.query<{ recordId: string; code: string; message: string }>(
      `SELECT record_id AS "recordId", error_code AS code, error_message AS message FROM job_items
         WHERE job_id = $1 AND state = 'failed' ORDER BY position LIMIT $2`,
      [jobId, errorLimit],
    );
    return { total: 0, done: 0, failed: 0, ...counts, errors };
  }
}

/**
 * Sets the record list once: the job's flag is turned in the same transaction, so a second call
 * (another proxy resolving the same query) changes nothing. A record named twice is one item, at
 * its first position.
 */
async function resolveItemsIn(tx: Queryable, jobId: string, items: JobItemRef[]): Promise<void> {
  const resolved = await tx.run(
    `UPDATE jobs SET items_resolved = true WHERE job_id = $1 AND NOT items_resolved`,
    [jobId],
  );
  if (resolved === 0) return;
  const seen = new Set<string>();
  const positions: number[] = [];
  const recordIds: string[] = [];
  const revisions: (string | null)[] = [];
  items.forEach((item, position) => {
    if (seen.has(item.recordId)) return;
    seen.add(item.recordId);
    positions.push(position);
    recordIds.push(item.recordId);
    revisions.push(item.revision ?? null);
  });
  await tx.run(
    `INSERT INTO job_items (job_id, position, record_id, revision, state)
     SELECT $1, item.position, item.record_id, item.revision, 'pending'
       FROM unnest($2::int[], $3::text[], $4::text[]) AS item (position, record_id, revision)
     ON CONFLICT DO NOTHING`,
    [jobId, positions, recordIds, revisions],
  );
}
