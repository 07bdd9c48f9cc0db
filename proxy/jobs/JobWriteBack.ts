/**
 * The write-back of one running job, in batches: finished records are written up to 100 per kintone
 * request (its limit per write), when a batch is full, every `intervalMs` (so URLs appear while a
 * long job runs), and at the end. What is written is the session's state in the journal at that
 * moment (a webhook may have moved it on), and only into records whose newest session it still is.
 * The journal marks items written, so a restart writes what a crash left unwritten.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { KINTONE_WRITE_BATCH, type RecordWrite } from "../writeback/RecordWriter";
import { mappingWriteBackFields } from "../writeback/mappingWriteBackFields";

export interface FinishedItem {
  recordId: string;
  sessionId: string;
}

export class JobWriteBack {
  private queue: FinishedItem[] = [];
  /** Writes for other records (of replaced multi-record sessions): best effort, not journalled. */
  private extraWrites: RecordWrite[] = [];
  private flushing: Promise<void> = Promise.resolve();
  /** A write of full batches is already scheduled: more records join it instead of adding one. */
  private fullBatchScheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: UseCaseDeps,
    private readonly job: { jobId: string; appId: string; mapping: MappingConfig },
    intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  add(item: FinishedItem, extraWrites: RecordWrite[] = []): void {
    this.queue.push(item);
    this.extraWrites.push(...extraWrites);
    if (this.queue.length >= KINTONE_WRITE_BATCH && !this.fullBatchScheduled) {
      this.fullBatchScheduled = true;
      this.flushing = this.flushing.then(() => {
        this.fullBatchScheduled = false;
        return this.writeQueued(false);
      });
    }
  }

  /** Other writes (a failed record's `error`) joining the next batch: best effort, not journalled. */
  addWrites(writes: RecordWrite[]): void {
    this.extraWrites.push(...writes);
  }

  /** Writes everything queued so far; writes run one after another. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeQueued(true));
    return this.flushing;
  }

  /** The last flush; no timer afterwards. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Full batches, and with `all` what was queued when it began (not what arrives meanwhile). */
  private async writeQueued(all: boolean): Promise<void> {
    let owed = all ? this.queue.length + this.extraWrites.length : 0;
    while (this.queue.length >= KINTONE_WRITE_BATCH || owed > 0) {
      const batch = this.queue.splice(0, KINTONE_WRITE_BATCH);
      const extra = this.extraWrites.splice(0, KINTONE_WRITE_BATCH - batch.length);
      owed -= batch.length + extra.length;
      try {
        // RecordWriter journals what kintone refuses and retries it: a batch is written once here.
        await this.deps.writer.write(this.job.appId, [...extra, ...(await this.writesFor(batch))]);
      } catch (error) {
        this.deps.logger.error({ err: error, jobId: this.job.jobId }, "job write-back failed");
      }
      try {
        await this.deps.journal.jobs.markItemsWrittenBack(
          this.job.jobId,
          batch.map((item) => item.recordId),
        );
      } catch (error) {
        // The journal is out of reach (its database restarting): these records stay marked unwritten,
        // and the proxy that finishes the job writes them again. A rejection here would also stop
        // every later flush of this job, which waits on this one.
        this.deps.logger.error({ err: error, jobId: this.job.jobId }, "job write-back not marked");
      }
    }
  }

  private async writesFor(items: FinishedItem[]): Promise<RecordWrite[]> {
    const { journal } = this.deps;
    const writes: RecordWrite[] = [];
    for (const { recordId, sessionId } of items) {
      const session = await journal.sessions.get(sessionId);
      if (!session) continue;
      if ((await journal.sessions.latestIdForRecord(this.job.appId, recordId)) !== sessionId) {
        continue;
      }
      const fields = mappingWriteBackFields(this.job.mapping, {
        sessionId,
        url: session.url,
        status: session.status,
        paymentStatus: session.paymentStatus,
        expiresAt: session.expiresAt,
        amountTotal: { amount: session.amountTotal, currency: session.currency },
        paidAt: session.paidAt,
        customerEmail: session.customerEmail,
        error: "",
      });
      writes.push({ recordId, fields });
    }
    return writes;
  }
}
