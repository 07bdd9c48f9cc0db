/**
 * A failed call to the proxy. `code` is the error code of the proxy's answer
 * (`{ error: { code, message } }`) or, when no answer
 * came back in that shape, `UNREACHABLE` (kintone could not reach the proxy) or `BAD_ANSWER`
 * (something answered that is not our proxy, e.g. a wrong URL).
 */
import type { ErrorCode } from "../../core/api/proxyApi";

/** Codes outside the contract are kept as they came (a newer proxy may add some). */
export type ProxyErrorCode = ErrorCode | "UNREACHABLE" | "BAD_ANSWER" | (string & {});

export class ProxyError extends Error {
  readonly code: ProxyErrorCode;
  readonly status: number;
  readonly details: unknown[];

  constructor(code: ProxyErrorCode, message: string, status: number, details: unknown[] = []) {
    super(message);
    this.name = "ProxyError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}
