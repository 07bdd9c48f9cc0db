/**
 * The proxy's one error hierarchy. Each error carries its code from the contract's list
 * (`errorCodeSchema` in core/api/proxyApi.ts) and its HTTP status; a single middleware turns any
 * of them into `{ error: { code, message, details } }`. Messages must be safe to show: never a
 * secret, never an upstream's raw body.
 */
import type { ErrorCode } from "../../core/api/proxyApi";

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
