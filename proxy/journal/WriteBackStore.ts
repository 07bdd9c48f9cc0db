/** Record writes still owed to kintone, kept until kintone takes them. */

/** Field values still owed to one record; newer values replace older ones field by field. */
export interface PendingWriteBack {
  appId: string;
  recordId: string;
  fields: Record<string, { value: unknown }>;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
}

/** Write-backs of one app that kintone refused at least a given number of times. */
export interface StuckWriteBacks {
  appId: string;
  records: number;
  /** One of them (the lowest id), with the last refusal kintone gave for it. */
  recordId: string;
  lastError: string | null;
}

export interface WriteBackStore {
  /** Merges `fields` into what the record is owed (newer values win). Atomic. */
  add(
    appId: string,
    recordId: string,
    fields: Record<string, { value: unknown }>,
    error: string,
    nextAttemptAt: Date,
  ): Promise<void>;
  /** A later successful write of these fields makes the owed (older) values moot. Atomic. */
  clearFields(appId: string, recordId: string, fieldCodes: string[]): Promise<void>;
  listDue(now: Date, limit: number): Promise<PendingWriteBack[]>;
  /**
   * Like `listDue`, but each returned write-back is `owner`'s until `leaseUntil`: one no other
   * proxy holds a lease on at `now` (never claimed, the lease ran out, or `owner`'s own). Two proxies claiming at once
   * get different records. `dueBy` (default `now`) picks write-backs whose next attempt is due by
   * then. `recordFailure` gives a claim back; a written record's row goes. Atomic.
   */
  claimDue(
    now: Date,
    limit: number,
    owner: string,
    leaseUntil: Date,
    dueBy?: Date,
  ): Promise<PendingWriteBack[]>;
  count(): Promise<number>;
  /** Per app, the pending write-backs that failed `minAttempts` times or more. */
  summarizeStuck(minAttempts: number): Promise<StuckWriteBacks[]>;
  /** One more failed attempt; the record's claim, if any, is given back. */
  recordFailure(appId: string, recordId: string, error: string, nextAttemptAt: Date): Promise<void>;
  delete(appId: string, recordId: string): Promise<void>;
}
