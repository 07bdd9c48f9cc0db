/**
 * `checkTokenRights`: what an app's API token may do, found without changing a record. kintone
 * checks a token's rights before it looks for the record
 * (https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/ — a token without the
 * right is refused with GAIA_NO01 / CB_NO02), so an update of a record that cannot exist answers
 * "not found" (GAIA_RE01) to a token that may edit and 403 to one that may not, and changes
 * nothing. Uploading a file needs no right of its own
 * (https://cybozu.dev/ja/kintone/docs/rest-api/files/upload-file/): a tiny upload shows the
 * token and the host take uploads; kintone drops an unattached file after a few days.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { AppError } from "../../errors/AppError";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import type { TokenRightCheck, TokenRights } from "../../ports/RecordStore";

/** kintone's record ids are positive integers counted from 1; this one no app reaches. */
export const RECORD_ID_NO_APP_HAS = "2147483647";

const DENIED_CODES = new Set(["GAIA_NO01", "CB_NO02"]);

/** One request through the record store (its concurrency cap, retries and error mapping). */
type Call = <T>(request: () => Promise<T>) => Promise<T>;

export async function checkTokenRights(
  client: KintoneRestAPIClient,
  appId: string,
  call: Call,
): Promise<TokenRights> {
  const view = await judge(() =>
    call(() => client.record.getRecords({ app: appId, fields: ["$id"], query: "limit 1" })),
  );
  const edit = await judge(
    () =>
      call(() => client.record.updateRecord({ app: appId, id: RECORD_ID_NO_APP_HAS, record: {} })),
    (error) => (error instanceof RecordNotFoundError ? { result: "granted" } : undefined),
    // A write that went through changed nothing (no fields given), but does not tell either.
    {
      result: "unverified",
      detail: "kintone accepted an update of a record that should not exist.",
    },
  );
  const fileUpload = await judge(() =>
    call(() =>
      client.file.uploadFile({
        file: { name: "kintone-stripe-diagnostics.txt", data: "diagnostics" },
      }),
    ),
  );
  return { view, edit, fileUpload };
}

/**
 * A request that succeeds grants (or, with `onSuccess`, says so); a 403 for the token's rights
 * denies; `onError` may read other errors as a grant; anything else is unverified.
 */
async function judge(
  request: () => Promise<unknown>,
  onError: (error: unknown) => TokenRightCheck | undefined = () => undefined,
  onSuccess: TokenRightCheck = { result: "granted" },
): Promise<TokenRightCheck> {
  try {
    await request();
    return onSuccess;
  } catch (error) {
    if (isDenied(error)) return { result: "denied" };
    const read = onError(error);
    if (read && read.result !== "unverified") return read;
    return {
      result: "unverified",
      detail: error instanceof AppError ? error.message : "An unexpected error occurred.",
    };
  }
}

function isDenied(error: unknown): boolean {
  return (
    error instanceof UpstreamError &&
    (error.upstreamStatus === 403 || DENIED_CODES.has(String(error.upstreamCode)))
  );
}
