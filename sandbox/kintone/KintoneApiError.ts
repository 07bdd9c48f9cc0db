import { randomBytes } from "node:crypto";

/** `errors` as kintone reports validation problems: keyed by the parameter path, e.g. `records[0].price.value`. */
export type KintoneErrorDetails = Record<string, { messages: string[] }>;

/**
 * An error in kintone's REST shape `{ code, id, message, errors? }` with its HTTP status.
 * https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/ (error responses)
 */
export class KintoneApiError extends Error {
  readonly id = randomBytes(15).toString("base64url");

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: KintoneErrorDetails,
  ) {
    super(message);
    this.name = "KintoneApiError";
  }

  toJSON(): { code: string; id: string; message: string; errors?: KintoneErrorDetails } {
    return {
      code: this.code,
      id: this.id,
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** `CB_VA01` (400): the request's input is invalid; `errors` says where. */
export function invalidInput(errors: KintoneErrorDetails): KintoneApiError {
  return new KintoneApiError(400, "CB_VA01", "Missing or invalid input.", errors);
}

/** Adds one message under `path` in `errors`. */
export function addError(errors: KintoneErrorDetails, path: string, message: string): void {
  (errors[path] ??= { messages: [] }).messages.push(message);
}
