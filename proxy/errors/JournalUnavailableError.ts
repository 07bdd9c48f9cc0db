import { AppError } from "./AppError";

/**
 * The journal's database failed a call: unreachable, restarting, out of connections, or it
 * refused the statement. `retryable` says whether the same call later may succeed (the database
 * was unreachable or restarting), as callers that try again (bulk jobs) read it. The message is
 * safe to show; the database's own error stays in `cause`, for the log.
 */
export class JournalUnavailableError extends AppError {
  readonly code = "INTERNAL" as const;
  readonly status = 500;
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message);
    this.retryable = options.retryable;
    this.cause = options.cause;
  }
}
