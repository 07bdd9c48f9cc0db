/**
 * The proxy's durable memory: which sessions it made for which records (and with which mapping),
 * record writes still owed to kintone, and caches that spare Stripe calls. Synchronous on purpose:
 * the SQLite implementation is, and a read-check-write in one call is then atomic within the process.
 * New tables (processed webhook events, jobs) are added by new migrations and new methods.
 */
import type { SessionStatus } from "../ports/PaymentGateway";

export type PaymentStatusValue =
  "unpaid" | "paid" | "no_payment_required" | "failed" | "refunded" | "partially_refunded";

export interface JournalSession {
  sessionId: string;
  appId: string;
  recordIds: string[];
  /** The mapping JSON the session was made with: later writes use its `writeBack` fields. */
  mappingJson: string;
  status: SessionStatus;
  paymentStatus: PaymentStatusValue;
  url: string | null;
  currency: string;
  amountTotal: number;
  customerEmail: string | null;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
}

export interface SessionQuery {
  appId?: string;
  recordId?: string;
  status?: SessionStatus;
  customerEmail?: string;
  /** Newest first; `startingAfter` is a session id of the previous page. */
  limit: number;
  startingAfter?: string;
}

/**
 * One attempt to make a session for one set of record revisions with one mapping. A retry or a
 * double click finds it and sends Stripe the same idempotency key with the same parameters.
 */
export interface CheckoutIntent {
  baseKey: string;
  idempotencyKey: string;
  expiresAt: Date;
  createdAt: Date;
  sessionId: string | null;
  /** Its create failed: never replayed (Stripe would answer the same failure for 24 hours). */
  abandoned: boolean;
}

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

export interface CachedProduct {
  productId: string;
  /** Hash of what was last sent (name, description, images). */
  contentHash: string;
}

export interface Journal {
  saveSession(session: JournalSession): void;
  getSession(sessionId: string): JournalSession | undefined;
  /** Updates the known state; `status` never moves back from complete/expired to open. */
  updateSessionState(
    sessionId: string,
    state: Partial<
      Pick<
        JournalSession,
        "status" | "paymentStatus" | "customerEmail" | "amountTotal" | "paidAt" | "url"
      >
    >,
  ): JournalSession | undefined;
  /** Sessions the journal still believes open that include the record. */
  findOpenSessionsForRecord(appId: string, recordId: string): JournalSession[];
  /** The newest session made for the record: only its state belongs in the record. */
  latestSessionIdForRecord(appId: string, recordId: string): string | undefined;
  listSessions(query: SessionQuery): { sessions: JournalSession[]; hasMore: boolean };

  /**
   * The live intent for `baseKey`, or a new one made with `fresh()` when there is none or
   * `reusable(intent)` says no (new generation of idempotency key). Atomic.
   */
  claimCheckoutIntent(
    baseKey: string,
    reusable: (intent: CheckoutIntent) => boolean,
    fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
    now: Date,
  ): CheckoutIntent;
  findCheckoutIntent(baseKey: string): CheckoutIntent | undefined;
  completeCheckoutIntent(baseKey: string, idempotencyKey: string, sessionId: string): void;
  abandonCheckoutIntent(baseKey: string, idempotencyKey: string): void;

  addPendingWriteBack(
    appId: string,
    recordId: string,
    fields: Record<string, { value: unknown }>,
    error: string,
    nextAttemptAt: Date,
  ): void;
  /** A later successful write of these fields makes the owed (older) values moot. */
  clearPendingFields(appId: string, recordId: string, fieldCodes: string[]): void;
  listDuePendingWriteBacks(now: Date, limit: number): PendingWriteBack[];
  countPendingWriteBacks(): number;
  /** Per app, the pending write-backs that failed `minAttempts` times or more. */
  summarizeStuckWriteBacks(minAttempts: number): StuckWriteBacks[];
  recordWriteBackFailure(appId: string, recordId: string, error: string, nextAttemptAt: Date): void;
  deletePendingWriteBack(appId: string, recordId: string): void;

  getCachedProduct(cacheKey: string): CachedProduct | undefined;
  putCachedProduct(cacheKey: string, product: CachedProduct): void;
  deleteCachedProduct(cacheKey: string): void;
  getCachedImageUrl(cacheKey: string): string | undefined;
  putCachedImageUrl(cacheKey: string, url: string): void;

  close(): void;

  /** A new job; with `items` its record list is already resolved (else the runner resolves its query). */
  createJob(job: NewJob, items?: JobItemRef[]): void;
  getJob(jobId: string): JournalJob | undefined;
  /** Jobs still `queued` or `running`, oldest first: the ones to resume at start. */
  listUnfinishedJobs(): JournalJob[];
  /** Sets the record list once (a record named twice is one item). Atomic. */
  resolveJobItems(jobId: string, items: JobItemRef[]): void;
  setJobStatus(jobId: string, status: JobStatus, error?: JobError | null): void;
  /** Items of a job in order, optionally only those in one state. */
  listJobItems(jobId: string, state?: JobItemState): JobItem[];
  finishJobItem(jobId: string, recordId: string, outcome: { sessionId: string } | JobError): void;
  /** Done items whose session was not yet written into their record. */
  listJobItemsToWriteBack(jobId: string): JobItem[];
  markJobItemsWrittenBack(jobId: string, recordIds: string[]): void;
  /** Counts, and the first `errorLimit` item errors. */
  getJobProgress(jobId: string, errorLimit: number): JobProgress;

  /**
   * Keeps a Stripe event (webhook or catch-up) before it is applied. `isNew` is false when the
   * id was stored before; `applied` says whether it was applied already.
   */
  storeStripeEvent(event: NewStripeEvent, receivedAt: Date): { isNew: boolean; applied: boolean };
  getStripeEvent(eventId: string): StoredStripeEvent | undefined;
  markStripeEventApplied(eventId: string, outcome: string, appliedAt: Date): void;
  recordStripeEventFailure(eventId: string, error: string): void;
  /** Stored events not applied yet (a crash or a failure in between), oldest first. */
  listUnappliedStripeEvents(limit: number): StoredStripeEvent[];
  /** The newest `created` (Stripe's unix seconds) of the events stored. */
  latestStripeEventCreated(): number | undefined;
  oldestSessionCreatedAt(): Date | undefined;
  /** Refund events name the payment intent only: this finds the session it belongs to. */
  linkPaymentIntent(paymentIntentId: string, sessionId: string): void;
  sessionIdForPaymentIntent(paymentIntentId: string): string | undefined;
  /** Forgets applied events created before `createdBefore` (unix seconds); returns how many. */
  pruneStripeEvents(createdBefore: number): number;
}

export interface NewStripeEvent {
  eventId: string;
  type: string;
  /** Stripe's clock, unix seconds. */
  created: number;
  /** The event in the port's shape, as JSON. */
  payloadJson: string;
}

export interface StoredStripeEvent extends NewStripeEvent {
  receivedAt: Date;
  appliedAt: Date | null;
  outcome: string | null;
  attempts: number;
  lastError: string | null;
}

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
}

/** One bulk run: one session per record (DESIGN §5 /v1/jobs). */
export interface JournalJob extends NewJob {
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
