/**
 * A job and its items as both journal adapters select them: named as the journal names them, but
 * for what needs converting (flags are 0/1 in SQLite, booleans in PostgreSQL; moments are epoch
 * milliseconds; an error is two columns).
 */
import type { JobError, JobItem, JournalJob } from "../../journal/JobStore";

/** A finished item's state, session id, error code and error message, in that order. */
export function finishedItemColumns(
  outcome: { sessionId: string } | JobError,
): [string, string | null, string | null, string | null] {
  return "sessionId" in outcome
    ? ["done", outcome.sessionId, null, null]
    : ["failed", null, outcome.code, outcome.message];
}

interface ErrorColumns {
  errorCode: string | null;
  errorMessage: string | null;
}

/** A job or an item as selected: named as the journal names it, but for what needs converting. */
export type JobRow = Omit<JournalJob, "itemsResolved" | "error" | "createdAt" | "language"> &
  ErrorColumns & { itemsResolved: number | boolean; createdAt: number; language: string };
export type JobItemRow = Omit<JobItem, "error" | "writtenBack"> &
  ErrorColumns & { writtenBack: number | boolean };

function errorOf({ errorCode, errorMessage }: ErrorColumns): JobError | null {
  return errorCode === null ? null : { code: errorCode, message: errorMessage ?? "" };
}

export function fromJobRow({ errorCode, errorMessage, language, ...row }: JobRow): JournalJob {
  return {
    ...row,
    language: language === "ja" ? "ja" : "en",
    itemsResolved: row.itemsResolved === 1 || row.itemsResolved === true,
    error: errorOf({ errorCode, errorMessage }),
    createdAt: new Date(row.createdAt),
  };
}

export function fromJobItemRow({ errorCode, errorMessage, ...row }: JobItemRow): JobItem {
  return {
    ...row,
    error: errorOf({ errorCode, errorMessage }),
    writtenBack: row.writtenBack === 1 || row.writtenBack === true,
  };
}
