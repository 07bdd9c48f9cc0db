import { AppError } from "./AppError";

/**
 * Stripe or kintone refused or failed. `message` is ours and safe to show; `requestId` is the
 * upstream's request id where known, so an operator can find the call in its dashboard.
 */
export class UpstreamError extends AppError {
  readonly code: "STRIPE_ERROR" | "KINTONE_ERROR";
  readonly status = 502;
  readonly requestId?: string;
  /** Whether retrying the same call later may succeed (429, 5xx, network). */
  readonly retryable: boolean;
  /** The upstream's own error code (e.g. Stripe `resource_missing`, kintone `GAIA_RE01`). */
  readonly upstreamCode?: string;
  readonly upstreamStatus?: number;

  constructor(
    upstream: "stripe" | "kintone",
    message: string,
    options: {
      requestId?: string;
      retryable?: boolean;
      upstreamCode?: string;
      upstreamStatus?: number;
    } = {},
  ) {
    super(message, options.requestId ? [{ requestId: options.requestId }] : []);
    this.code = upstream === "stripe" ? "STRIPE_ERROR" : "KINTONE_ERROR";
    this.requestId = options.requestId;
    this.retryable = options.retryable ?? false;
    this.upstreamCode = options.upstreamCode;
    this.upstreamStatus = options.upstreamStatus;
  }
}
