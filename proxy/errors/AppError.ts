/**
 * The proxy's one error hierarchy. Each error carries the contract's code (DESIGN §5) and HTTP
 * status; a single middleware turns any of them into `{ error: { code, message, details } }`.
 * Messages must be safe to show: never a secret, never an upstream's raw body.
 */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "RECORD_NOT_FOUND"
  | "SESSION_NOT_FOUND"
  | "RECORD_CHANGED"
  | "SESSION_NOT_OPEN"
  | "VALIDATION_FAILED"
  | "STRIPE_ERROR"
  | "KINTONE_ERROR"
  /** Not in DESIGN §5's list: an unknown job id, answered like an unknown route. */
  | "NOT_FOUND";

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly status: number;
  readonly details: unknown[];

  constructor(message: string, details: unknown[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}
