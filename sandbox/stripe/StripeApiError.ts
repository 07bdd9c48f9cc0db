/**
 * An error answered in Stripe's shape: `{ error: { type, code?, param?, message, doc_url? } }`.
 * https://docs.stripe.com/api/errors — types are api_error, card_error, idempotency_error,
 * invalid_request_error; stripe-node picks its error class from the HTTP status and the type.
 */
export type StripeErrorType = "api_error" | "idempotency_error" | "invalid_request_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  code?: string;
  param?: string;
  message: string;
  doc_url?: string;
}

export class StripeApiError extends Error {
  /**
   * `beforeExecution` errors (parameter validation) are never saved under an idempotency key:
   * "If incoming parameters fail validation … we don't save the idempotent result"
   * (https://docs.stripe.com/api/idempotent_requests).
   */
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly beforeExecution = false,
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code
    ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}` }
    : body;
}

function invalidRequestBody(message: string, code?: string, param?: string): StripeErrorBody {
  return withDocUrl({
    type: "invalid_request_error",
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
    message,
  });
}

/** A 400 invalid_request_error about the request's parameters (never stored for idempotency). */
export function invalidParam(param: string | undefined, message: string, code?: string) {
  return new StripeApiError(400, invalidRequestBody(message, code, param), true);
}

/** A 400 invalid_request_error raised while executing (stored for idempotency). */
export function invalidRequest(message: string, code?: string, param?: string) {
  return new StripeApiError(400, invalidRequestBody(message, code, param));
}

/** `No such product: 'prod_x'` — 404 when the path names it, 400 when a parameter does. */
export function resourceMissing(kind: string, id: string, param = "id", status = 404) {
  return new StripeApiError(
    status,
    invalidRequestBody(`No such ${kind}: '${id}'`, "resource_missing", param),
    status === 400,
  );
}

export function unrecognizedUrl(method: string, path: string) {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

export function apiError(status: number) {
  return new StripeApiError(status, {
    type: "api_error",
    message: "An unknown error occurred",
  });
}

/**
 * Stripe's 429: HTTP 429 with an invalid_request_error (https://docs.stripe.com/rate-limits,
 * https://docs.stripe.com/error-codes#rate-limit).
 */
export function rateLimited() {
  return new StripeApiError(
    429,
    invalidRequestBody(
      "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
      "rate_limit",
    ),
  );
}

/**
 * Test and live mode hold separate objects: an object of the other mode is missing, with the hint
 * Stripe gives ("a similar object exists in live mode, but a test mode key was used…").
 */
export function requireMode<T extends { id: string; livemode: boolean }>(
  object: T,
  keyLivemode: boolean,
  kind: string,
  param = "id",
  status = 404,
): T {
  if (object.livemode === keyLivemode) return object;
  const mode = (live: boolean) => (live ? "live" : "test");
  throw new StripeApiError(
    status,
    invalidRequestBody(
      `No such ${kind}: '${object.id}'; a similar object exists in ${mode(object.livemode)} mode, but a ${mode(keyLivemode)} mode key was used to make this request.`,
      "resource_missing",
      param,
    ),
    status === 400,
  );
}

/** The object named by `id` in the key's mode, or the `resource_missing` error Stripe answers. */
export function requireFound<T extends { id: string; livemode: boolean }>(
  object: T | undefined,
  id: string,
  ...modeCheck: Parameters<typeof requireMode> extends [unknown, ...infer Rest] ? Rest : never
): T {
  const [, kind, param, status] = modeCheck;
  if (!object) throw resourceMissing(kind, id, param, status);
  return requireMode(object, ...modeCheck);
}
