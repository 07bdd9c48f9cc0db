/**
 * Writes session state back to kintone records, in batches of at most 100 (kintone's limit per
 * request, all or nothing). What kintone refuses or cannot take now is kept in the journal as a
 * pending write-back and retried with backoff until it lands: a session that exists in Stripe is
 * never lost from its records.
 */
import type { Logger } from "pino";
import { KintoneFieldMissingError } from "../adapters/kintone/KintoneFieldMissingError";
import { KintoneValuesRefusedError } from "../adapters/kintone/KintoneValuesRefusedError";
import { AppError } from "../errors/AppError";
import { RecordNotFoundError } from "../errors/RecordNotFoundError";
import type { Journal } from "../journal/Journal";
import type { RecordStore } from "../ports/RecordStore";

export const KINTONE_WRITE_BATCH = 100;

export interface RecordWrite {
  recordId: string;
  fields: Record<string, { value: unknown }>;
}

export interface RecordWriterOptions {
  now?: () => Date;
  /** Delay before the first retry; doubles per attempt up to `maxRetryDelayMs`. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * This proxy's name on the write-backs it claims for a retry (`newProxyId` when several proxies
   * share the journal); default "embedded", the one process of a SQLite journal.
   */
  owner?: string;
  /** How long a claimed write-back stays this proxy's before another may retry it; default 1 min. */
  claimLeaseMs?: number;
}

export class RecordWriter {
  private readonly now: () => Date;
  private readonly firstRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly owner: string;
  private readonly claimLeaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private retrying: Promise<void> | undefined;

  constructor(
    private readonly records: RecordStore,
    private readonly journal: Journal,
    private readonly logger: Logger,
    options: RecordWriterOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.firstRetryDelayMs = options.firstRetryDelayMs ?? 5_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 15 * 60_000;
    this.owner = options.owner ?? "embedded";
    this.claimLeaseMs = options.claimLeaseMs ?? 60_000;
  }

  /** Writes now; whatever fails is journalled for retry. Resolves with the ids left pending. */
  async write(appId: string, writes: RecordWrite[]): Promise<{ pending: string[] }> {
    // One entry per record (kintone refuses a record twice in one request); later fields win.
    const merged = new Map<string, RecordWrite>();
    for (const w of writes) {
      const earlier = merged.get(w.recordId);
      merged.set(w.recordId, { recordId: w.recordId, fields: { ...earlier?.fields, ...w.fields } });
    }
    const nonEmpty = [...merged.values()].filter((w) => Object.keys(w.fields).length > 0);
    const pending: string[] = [];
    for (let i = 0; i < nonEmpty.length; i += KINTONE_WRITE_BATCH) {
      const batch = nonEmpty.slice(i, i + KINTONE_WRITE_BATCH);
      const failed = await this.writeBatch(appId, batch);
      for (const write of failed.writes) {
        await this.journal.writeBacks.add(
          appId,
          write.recordId,
          write.fields,
          failed.error,
          new Date(this.now().getTime() + this.firstRetryDelayMs),
        );
        pending.push(write.recordId);
      }
    }
    return { pending };
  }

  /**
   * One pass over the due pending write-backs (with `all`, over every pending one, due or not).
   * Concurrent calls share one pass.
   */
  retryPending(options: { all?: boolean } = {}): Promise<void> {
    this.retrying ??= this.retryPass(options.all ?? false).finally(() => {
      this.retrying = undefined;
    });
    return this.retrying;
  }

  /**
   * Retries everything pending at start (a restart is no reason to wait out a backoff), then what
   * is due every `intervalMs`, without keeping the process alive.
   */
  startRetryLoop(intervalMs = 5_000): void {
    if (this.timer) return;
    const tick = (all = false) => {
      this.retryPending({ all }).catch((error: unknown) =>
        this.logger.error({ err: error }, "pending write-back pass failed"),
      );
    };
    tick(true);
    this.timer = setInterval(() => tick(), intervalMs);
    this.timer.unref();
  }

  async stopRetryLoop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.retrying;
  }

  private async retryPass(all: boolean): Promise<void> {
    const now = this.now();
    const dueBy = all ? new Date(8.64e15) : now;
    // Claimed, so that proxies sharing the journal never retry one record's write at once; a
    // claim this pass does not settle (the proxy dies) comes back when its lease runs out.
    const leaseUntil = new Date(now.getTime() + this.claimLeaseMs);
    const due = await this.journal.writeBacks.claimDue(now, 1000, this.owner, leaseUntil, dueBy);
    const byApp = new Map<string, typeof due>();
    for (const entry of due) byApp.set(entry.appId, [...(byApp.get(entry.appId) ?? []), entry]);
    for (const [appId, entries] of byApp) {
      for (let i = 0; i < entries.length; i += KINTONE_WRITE_BATCH) {
        const batch = entries.slice(i, i + KINTONE_WRITE_BATCH);
        const failed = await this.writeBatch(
          appId,
          batch.map((e) => ({ recordId: e.recordId, fields: e.fields })),
        );
        const failedIds = new Set(failed.writes.map((w) => w.recordId));
        for (const entry of batch) {
          if (!failedIds.has(entry.recordId)) continue;
          const delay = Math.min(
            this.firstRetryDelayMs * 2 ** (entry.attempts + 1),
            this.maxRetryDelayMs,
          );
          await this.journal.writeBacks.recordFailure(
            appId,
            entry.recordId,
            failed.error,
            new Date(this.now().getTime() + delay),
          );
        }
        if (batch.length > failedIds.size) {
          this.logger.info(
            { appId, written: batch.length - failedIds.size },
            "pending write-backs delivered",
          );
        }
      }
    }
  }

  /** Field codes written in `writes` that the app's form lacks (none when the form is unreadable). */
  private async fieldsNotInForm(appId: string, writes: RecordWrite[]): Promise<string[]> {
    let known: Set<string>;
    try {
      known = new Set((await this.records.getFormFields(appId)).map((f) => f.code));
    } catch {
      return [];
    }
    const written = new Set(writes.flatMap((w) => Object.keys(w.fields)));
    return [...written].filter((code) => !known.has(code));
  }

  /**
   * Writes one batch. A deleted record fails the whole batch (all or nothing): it is dropped,
   * with a log line, and the rest is written again. Returns what could not be written.
   */
  private async writeBatch(
    appId: string,
    batch: RecordWrite[],
  ): Promise<{ writes: RecordWrite[]; error: string }> {
    let remaining = batch;
    for (;;) {
      if (remaining.length === 0) return { writes: [], error: "" };
      try {
        await this.records.updateRecords(
          appId,
          remaining.map((w) => ({ id: w.recordId, record: w.fields })),
        );
        for (const w of remaining) {
          await this.journal.writeBacks.clearFields(appId, w.recordId, Object.keys(w.fields));
        }
        return { writes: [], error: "" };
      } catch (error) {
        const missing = missingRecordIds(error);
        const stillThere = remaining.filter((w) => !missing.has(w.recordId));
        if (missing.size > 0 && stillThere.length < remaining.length) {
          this.logger.warn(
            { appId, recordIds: [...missing] },
            "records deleted in kintone; their write-back is dropped",
          );
          for (const id of missing) await this.journal.writeBacks.delete(appId, id);
          remaining = stillThere;
          continue;
        }
        // A write-back field no longer in the app's form can never be written: its values are
        // dropped, with a warning, and the other fields (the link) are written.
        if (error instanceof KintoneFieldMissingError) {
          const dropped = await this.fieldsNotInForm(appId, remaining);
          if (dropped.length > 0) {
            this.logger.warn(
              { appId, fields: dropped },
              "write-back fields are not in the kintone app's form; their values are dropped",
            );
            for (const w of remaining)
              await this.journal.writeBacks.clearFields(appId, w.recordId, dropped);
            remaining = remaining
              .map((w) => ({ recordId: w.recordId, fields: without(w.fields, dropped) }))
              .filter((w) => Object.keys(w.fields).length > 0);
            continue;
          }
        }
        // kintone refuses a whole batch for one bad record (a value a field does not take):
        // halves are written on their own, so only the bad record waits for a fix.
        if (error instanceof KintoneValuesRefusedError && remaining.length > 1) {
          const middle = Math.ceil(remaining.length / 2);
          const first = await this.writeBatch(appId, remaining.slice(0, middle));
          const second = await this.writeBatch(appId, remaining.slice(middle));
          return {
            writes: [...first.writes, ...second.writes],
            error: first.error || second.error,
          };
        }
        const message = error instanceof AppError ? error.message : "kintone write failed";
        this.logger.warn(
          { appId, recordIds: remaining.map((w) => w.recordId), err: error },
          "kintone write-back failed; kept for retry",
        );
        return { writes: remaining, error: message };
      }
    }
  }
}

function without(fields: RecordWrite["fields"], codes: string[]): RecordWrite["fields"] {
  return Object.fromEntries(Object.entries(fields).filter(([code]) => !codes.includes(code)));
}

function missingRecordIds(error: unknown): Set<string> {
  if (!(error instanceof RecordNotFoundError)) return new Set();
  return new Set(
    error.details
      .map((d) => (d as { recordId?: unknown }).recordId)
      .filter((id): id is string => typeof id === "string"),
  );
}
