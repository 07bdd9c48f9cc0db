/** Bulk jobs (`POST /v1/jobs`): the record list is resolved once, then each item moves on once. */

export type JobStatus = "queued" | "running" | "succeeded" | "partially_failed" | "failed";
export type JobItemState = "pending" | "done" | "failed";

export interface JobError {
  code: string;
  message: string;
}

export interface JobItemRef {
  recordId: string;
  /** The revision the caller saw; the record must still have it. */
  revision?: string;
}

export interface NewJob {
  jobId: string;
  appId: string;
  mappingJson: string;
  /** The kintone query condition, when the job names its records by query. */
  query: string | null;
  createdAt: Date;
  /** The language of the request that submitted the job: its records' `error` texts use it. */
  language?: JobLanguage;
}

/** The languages a job's record errors are worded in. */
export type JobLanguage = "en" | "ja";

/** One bulk run: one session per record. */
export interface JournalJob extends NewJob {
  language: JobLanguage;
  status: JobStatus;
  /** Whether the record list is known (a query is resolved to ids once). */
  itemsResolved: boolean;
  /** Why the whole job failed (e.g. its query could not be read), if it did. */
  error: JobError | null;
}

export interface JobItem {
  jobId: string;
  recordId: string;
  revision: string | null;
  state: JobItemState;
  sessionId: string | null;
  error: JobError | null;
  writtenBack: boolean;
}

export interface JobProgress {
  total: number;
  done: number;
  failed: number;
  errors: ({ recordId: string } & JobError)[];
}

export interface JobStore {
  /** A new job; with `items` its record list is already resolved (else the runner resolves its query). */
  create(job: NewJob, items?: JobItemRef[]): Promise<void>;
  get(jobId: string): Promise<JournalJob | undefined>;
  /** The app's jobs, newest first, at most `limit`. */
  listForApp(appId: string, limit: number): Promise<JournalJob[]>;
  /** Jobs still `queued` or `running`, oldest first: the ones to resume at start. */
  listUnfinished(): Promise<JournalJob[]>;
  /** Sets the record list once (a record named twice is one item). Atomic. */
  resolveItems(jobId: string, items: JobItemRef[]): Promise<void>;
  setStatus(jobId: string, status: JobStatus, error?: JobError | null): Promise<void>;
  /** Items of a job in order, optionally only those in one state. */
  listItems(jobId: string, state?: JobItemState): Promise<JobItem[]>;
  /** Moves a pending item to done (with its session) or failed; an item moves once. */
  finishItem(
    jobId: string,
    recordId: string,
    outcome: { sessionId: string } | JobError,
  ): Promise<void>;
  /** Done items whose session was not yet written into their record. */
  listItemsToWriteBack(jobId: string): Promise<JobItem[]>;
  markItemsWrittenBack(jobId: string, recordIds: string[]): Promise<void>;
  /** Counts, and the first `errorLimit` item errors. */
  getProgress(jobId: string, errorLimit: number): Promise<JobProgress>;
  /**
   * Claims up to `limit` pending items (in order) that no proxy holds a lease on at `now` (never
   * claimed, or the lease ran out; `owner`'s own too, so a claim ahead never returns an item it
   * already works on): they are `owner`'s until `leaseUntil`. Two proxies claiming at once get
   * different items. Atomic.
   */
  claimItems(
    jobId: string,
    owner: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<JobItem[]>;
  /** Extends `owner`'s leases on the job's pending items; how many it still held. */
  renewClaims(jobId: string, owner: string, leaseUntil: Date): Promise<number>;
  /** Gives `owner`'s pending items back at once (a proxy stopping), for another to claim. */
  releaseClaims(jobId: string, owner: string): Promise<void>;
}
