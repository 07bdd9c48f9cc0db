/**
 * Runs bulk jobs (`/v1/jobs`): one session per record, as fast as Stripe's rate limit
 * allows. A job's record list is resolved once (a query becomes ids), then each item moves
 * pending → done/failed in the journal. Records are read 100 per kintone request, sessions are
 * made by the single-request path (`createSessionForRecord`: cached products and images, the
 * record's lock, the journal's intents and idempotency keys), and URLs are written back in
 * batches. Proxies sharing one journal share the work: each claims a slice of a job's pending
 * items with a lease, renews it while it works, and polls for more; a stopped proxy gives its
 * slice back, a killed one's lease runs out and another proxy claims its items. An item that was in
 * flight is simply pending again, and its retry finds the same checkout intent and sends Stripe the
 * same idempotency key: a record never gets two sessions.
 */
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { AppError } from "../errors/AppError";
import { RecordChangedError } from "../errors/RecordChangedError";
import { RecordNotFoundError } from "../errors/RecordNotFoundError";
import { ValidationFailedError } from "../errors/ValidationFailedError";
import type { JobError, JobItem, JournalJob } from "../journal/JobStore";
import { createSessionForRecord } from "../checkout/createSessionForRecord";
import { ConcurrencyLimit } from "../concurrency/ConcurrencyLimit";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { FieldLabeler } from "../../core/fields/labelFields";
import { appFieldLabels } from "../writeback/appFieldLabels";
import { recordErrorText } from "../writeback/billingErrorText";
import { billingErrorWrites } from "../writeback/writeBillingErrors";
import { newProxyId } from "../deps/proxyId";
import { ClaimedItems } from "./ClaimedItems";
import { whileLeased } from "./JobItemLease";
import { JobWriteBack } from "./JobWriteBack";

/** Records read per kintone request (its query limit is 500; ids per `in (…)` are kept to 100). */
const READ_BATCH = 100;
/** Attempts at resolving a job's query before the job fails. */
const QUERY_ATTEMPTS = 3;
/**
 * Attempts at a record whose failure may pass (kintone or Stripe busy or unreachable, after the
 * adapters' own retries) before the record fails: a short outage does not fail a whole job.
 */
export const JOB_ITEM_ATTEMPTS = 3;
/**
 * The poll interval for proxies sharing one PostgreSQL journal: a job submitted to one proxy is
 * started by the others within a second (one cheap query a second each), so they share its Stripe
 * work from the start instead of after the 5 s default. A proxy alone (SQLite) starts its own jobs
 * at once and keeps the default.
 */
export const SHARED_JOURNAL_POLL_INTERVAL_MS = 1_000;
const MAX_ERROR_MESSAGE = 500;

export interface JobRunnerOptions {
  /** Records worked on at once over all jobs; see `jobConcurrency`. */
  concurrency: number;
  /** Write-back of finished records at least this often while a job runs; default 5 s. */
  writeBackIntervalMs?: number;
  /** Wait before retrying a query kintone could not answer; default 2 s, doubling. */
  queryRetryDelayMs?: number;
  /** Wait before trying a record again after a failure that may pass; default 1 s, doubling. */
  itemRetryDelayMs?: number;
  /** This proxy's name on the items it claims; see `newProxyId`. */
  owner?: string;
  /** How long claimed items stay this proxy's without a renewal; default 1 min. */
  leaseMs?: number;
  /** Pending items claimed at once; default 100. */
  sliceSize?: number;
  /** How often unfinished jobs are looked at for claimable items; default 5 s. */
  pollIntervalMs?: number;
}

/** What every record of one running job is worked on with. */
interface JobInWork {
  job: JournalJob;
  mapping: MappingConfig;
  writeBack: JobWriteBack;
  /** The app's field labels for the records' errors, read at the job's first failed record. */
  labels?: Promise<FieldLabeler>;
}

export class JobRunner {
  /** Records worked on at once over all jobs. */
  private readonly slots: ConcurrencyLimit;
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly owner: string;

  constructor(
    private readonly deps: UseCaseDeps,
    private readonly options: JobRunnerOptions,
  ) {
    this.slots = new ConcurrencyLimit(options.concurrency);
    this.owner = options.owner ?? newProxyId();
  }

  /**
   * Works on every unfinished job now (a previous process's, another proxy's), then looks for
   * claimable items every poll interval, without keeping the process alive.
   */
  async start(): Promise<void> {
    // A previous process under the same name (alone on SQLite) is gone: its claims are free now.
    for (const job of await this.deps.journal.jobs.listUnfinished()) {
      await this.deps.journal.jobs.releaseClaims(job.jobId, this.owner);
    }
    await this.pollOnce();
    if (this.pollTimer || this.stopping) return;
    this.pollTimer = setInterval(() => {
      this.pollOnce().catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, "job poll failed; next poll later"),
      );
    }, this.options.pollIntervalMs ?? 5_000);
    this.pollTimer.unref();
  }

  /** Starts every unfinished job not running here yet: it claims what no other proxy holds. */
  async pollOnce(): Promise<void> {
    if (this.stopping) return;
    for (const job of await this.deps.journal.jobs.listUnfinished()) this.run(job.jobId);
  }

  /** Starts a journalled job (no-op if it already runs here). */
  run(jobId: string): void {
    if (this.stopping || this.running.has(jobId)) return;
    const done = this.runJob(jobId)
      .catch((error: unknown) => {
        // A bug or a journal failure: the job stays unfinished and resumes at the next start.
        this.deps.logger.error({ err: error, jobId }, "job stopped unexpectedly");
      })
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, done);
  }

  /** Takes no new records; waits for those in flight (their jobs resume at the next start). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    await Promise.all(this.running.values());
  }

  private async runJob(jobId: string): Promise<void> {
    const { journal, logger } = this.deps;
    let job = await journal.jobs.get(jobId);
    if (!job || (job.status !== "queued" && job.status !== "running")) return;
    const parsed = parseMappingConfig(job.mappingJson);
    if (!parsed.ok) {
      await journal.jobs.setStatus(jobId, "failed", {
        code: "BAD_REQUEST",
        message: "The job's mapping is not valid.",
      });
      return;
    }
    const mapping = parsed.mapping;
    if (!job.itemsResolved) {
      const resolved = await this.resolveQuery(job);
      if (!resolved) return;
      job = (await journal.jobs.get(jobId)) ?? job;
    }
    // Only the first proxy moves it on: a later one must not undo another's final status.
    if (job.status === "queued") {
      await journal.jobs.setStatus(jobId, "running");
      logger.info({ jobId, appId: job.appId, owner: this.owner }, "job running");
    }

    const writeBack = new JobWriteBack(
      this.deps,
      { jobId, appId: job.appId, mapping },
      this.options.writeBackIntervalMs ?? 5_000,
    );
    try {
      await this.workOnSlices({ job, mapping, writeBack });
      // Items left pending are another proxy's now (its lease), or the next start's.
      if (this.stopping || (await journal.jobs.listItems(jobId, "pending")).length > 0) return;
      // Sessions a killed proxy made but did not write into their records yet.
      for (const item of await journal.jobs.listItemsToWriteBack(jobId)) {
        if (item.sessionId) writeBack.add({ recordId: item.recordId, sessionId: item.sessionId });
      }
    } finally {
      await writeBack.close();
      // A stopping proxy's slice is claimable at once, not after its lease.
      if (this.stopping) await journal.jobs.releaseClaims(jobId, this.owner);
    }

    const progress = await journal.jobs.getProgress(jobId, 0);
    const status =
      progress.failed === 0 ? "succeeded" : progress.done === 0 ? "failed" : "partially_failed";
    await journal.jobs.setStatus(jobId, status);
    logger.info({ jobId, status, done: progress.done, failed: progress.failed }, "job finished");
  }

  /** The query → the job's items, once; false when the job failed instead. */
  private async resolveQuery(job: JournalJob): Promise<boolean> {
    const { journal, records, logger } = this.deps;
    for (let attempt = 1; ; attempt++) {
      try {
        const ids = await records.queryRecordIds(job.appId, job.query ?? "");
        await journal.jobs.resolveItems(
          job.jobId,
          ids.map(({ id }) => ({ recordId: id })),
        );
        return true;
      } catch (error) {
        // Stopping is no failure: the job stays queued and resolves at the next start.
        if (this.stopping) return false;
        const retryable = (error as { retryable?: unknown }).retryable === true;
        if (!retryable || attempt >= QUERY_ATTEMPTS) {
          logger.warn({ err: error, jobId: job.jobId }, "job query could not be read");
          await journal.jobs.setStatus(job.jobId, "failed", toJobError(error, logger));
          return false;
        }
        const delay = (this.options.queryRetryDelayMs ?? 2_000) * 2 ** (attempt - 1);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * A pool of workers over the items this proxy claims, slice after slice, under a lease renewed
   * while they run. Once stopping, the rest stay pending (given back by `runJob`).
   */
  private async workOnSlices(work: JobInWork): Promise<void> {
    const jobId = work.job.jobId;
    const leaseMs = this.options.leaseMs ?? 60_000;
    const claimed = new ClaimedItems(this.deps, {
      jobId,
      appId: work.job.appId,
      owner: this.owner,
      leaseMs,
      sliceSize: this.options.sliceSize ?? READ_BATCH,
      readRecords: (appId, ids) => this.readRecords(appId, ids),
      isStopping: () => this.stopping,
    });
    const worker = async () => {
      for (let next = await claimed.next(); next; next = await claimed.next()) {
        const { item, record } = next;
        await this.slots.run(() => this.workOnItem(work, item, record));
      }
    };
    await whileLeased(this.deps, { jobId, owner: this.owner, leaseMs }, () =>
      Promise.all(Array.from({ length: this.options.concurrency }, worker)),
    );
  }

  /**
   * One record, tried again (read again, then the same intent) while it fails for a reason that
   * may pass; then finished with its error. Stopping leaves it pending for the next start.
   */
  private async workOnItem(
    work: JobInWork,
    item: JobItem,
    record: KintoneRecord | Error | undefined,
  ): Promise<void> {
    const { job } = work;
    const { logger } = this.deps;
    let current = record;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.attemptItem(work, item, current);
        return;
      } catch (error) {
        const retryable = (error as { retryable?: unknown }).retryable === true;
        if (retryable && this.stopping) return;
        if (!retryable || attempt >= JOB_ITEM_ATTEMPTS) {
          await this.failItem(work, item.recordId, error);
          return;
        }
        logger.warn(
          { err: error, jobId: job.jobId, recordId: item.recordId, attempt },
          "job record failed; trying again",
        );
        const delay = (this.options.itemRetryDelayMs ?? 1_000) * 2 ** (attempt - 1);
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (this.stopping) return;
        current = (await this.readRecords(job.appId, [item.recordId])).get(item.recordId);
      }
    }
  }

  /**
   * A record the job could not bill: the item fails with its reason in the job's language (the
   * submitting request's), and the same text goes into the record's `error` field.
   */
  private async failItem(work: JobInWork, recordId: string, error: unknown): Promise<void> {
    const { job, mapping, writeBack } = work;
    const { code, message } = toJobError(error, this.deps.logger);
    work.labels ??= appFieldLabels(this.deps.records, job.appId);
    const text = recordErrorText(error, recordId, job.language, await work.labels);
    await this.deps.journal.jobs.finishItem(job.jobId, recordId, {
      code,
      message: text ?? message,
    });
    if (text !== undefined) {
      writeBack.addWrites(billingErrorWrites(mapping.writeBack, [{ recordId, text }]));
    }
  }

  /** One attempt at a record: finishes the item, or throws why it could not. */
  private async attemptItem(
    { job, mapping, writeBack }: JobInWork,
    item: JobItem,
    record: KintoneRecord | Error | undefined,
  ): Promise<void> {
    const { journal } = this.deps;
    if (record === undefined) throw new RecordNotFoundError(job.appId, [item.recordId]);
    if (record instanceof Error) throw record;
    const revision = String(record.$revision?.value ?? "");
    // A pending item's record was never written by this job: another revision is someone's edit.
    if (item.revision !== null && item.revision !== revision) {
      throw new RecordChangedError([
        { recordId: item.recordId, expected: item.revision, actual: revision },
      ]);
    }
    const created = await createSessionForRecord(this.deps, {
      appId: job.appId,
      mapping,
      record,
      language: job.language,
    });
    await journal.jobs.finishItem(job.jobId, item.recordId, { sessionId: created.session.id });
    writeBack.add(
      { recordId: item.recordId, sessionId: created.session.id },
      created.replacedWrites,
    );
  }

  /** The records by id; a record that could not be read maps to why. */
  private async readRecords(
    appId: string,
    ids: string[],
  ): Promise<Map<string, KintoneRecord | Error>> {
    const result = new Map<string, KintoneRecord | Error>();
    let remaining = ids;
    while (remaining.length > 0) {
      try {
        const records = await this.deps.records.getRecords(appId, remaining);
        remaining.forEach((id, i) => result.set(id, records[i] as KintoneRecord));
        return result;
      } catch (error) {
        const missing = new Set(
          error instanceof RecordNotFoundError
            ? error.details.map((d) => (d as { recordId?: string }).recordId)
            : [],
        );
        const rest = remaining.filter((id) => !missing.has(id));
        if (rest.length === remaining.length) {
          for (const id of remaining) result.set(id, asError(error));
          return result;
        }
        for (const id of remaining) {
          if (missing.has(id)) result.set(id, new RecordNotFoundError(appId, [id]));
        }
        remaining = rest;
      }
    }
    return result;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** An item's (or a job's) error as the API shows it: the contract's code, a safe message. */
export function toJobError(error: unknown, logger: UseCaseDeps["logger"]): JobError {
  if (error instanceof ValidationFailedError) {
    const problems = error.details.map((d) => {
      const detail = d as { field?: string; message?: string };
      return detail.field ? `${detail.field}: ${detail.message}` : String(detail.message);
    });
    return { code: error.code, message: truncate(problems.join("; ") || error.message) };
  }
  if (error instanceof AppError) return { code: error.code, message: truncate(error.message) };
  logger.error({ err: error }, "job item failed unexpectedly");
  return { code: "INTERNAL", message: "Something went wrong in the proxy." };
}

function truncate(text: string): string {
  return text.length <= MAX_ERROR_MESSAGE ? text : `${text.slice(0, MAX_ERROR_MESSAGE - 1)}…`;
}
