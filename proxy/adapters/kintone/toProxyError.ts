/**
 * kintone's errors as the proxy's own: missing records, revision conflicts, and the refusals
 * callers act on as typed errors; everything else an `UpstreamError` with a message we wrote.
 */
import { RecordChangedError } from "../../errors/RecordChangedError";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import { KintoneFieldMissingError } from "./KintoneFieldMissingError";
import { KintoneValuesRefusedError } from "./KintoneValuesRefusedError";
import { KintoneAnswerError } from "./kintoneHttp";
import { loadedKintoneSdk } from "./loadKintoneSdk";

/** Record ids kintone names in a message such as "The specified record (ID: 5) is not found." */
function idsInMessage(message: string): string[] {
  return [...message.matchAll(/id\s*[:：]\s*(\d+)/gi)].map((m) => m[1] as string);
}

/** kintone's error → the proxy's, with a message we wrote (safe to show) and kintone's id. */
export function toProxyError(error: unknown, appId: string): Error {
  const answered = kintoneAnswer(error);
  if (!answered) {
    if (error instanceof UpstreamError) return error;
    return new UpstreamError("kintone", "kintone could not be reached. Try again later.", {
      retryable: true,
    });
  }
  return fromKintoneAnswer(answered, appId);
}

/** What kintone answered, whether the SDK or the proxy's own client (kintoneHttp.ts) received it. */
interface KintoneAnswer {
  code?: string;
  status: number;
  id?: string;
  message: string;
  errors?: unknown;
}

function kintoneAnswer(error: unknown): KintoneAnswer | undefined {
  if (error instanceof KintoneAnswerError) return error;
  const sdk = loadedKintoneSdk();
  return sdk && error instanceof sdk.KintoneRestAPIError ? error : undefined;
}

function fromKintoneAnswer(error: KintoneAnswer, appId: string): Error {
  const { code, status, id: requestId } = error;
  if (code === "GAIA_RE01") {
    const ids = idsInMessage(error.message);
    return new RecordNotFoundError(appId, ids.length ? ids : ["?"]);
  }
  if (code === "GAIA_CO02") {
    const ids = idsInMessage(error.message);
    return new RecordChangedError(
      (ids.length ? ids : ["?"]).map((recordId) => ({ recordId, expected: "?", actual: "?" })),
    );
  }
  const options = { requestId, upstreamCode: code, upstreamStatus: status };
  // Answered (status 520) for a guest-space app called outside its /k/guest/{spaceId}/v1 path:
  // a configuration problem, not an outage, so never retried.
  if (code === "GAIA_IL23") {
    return new UpstreamError(
      "kintone",
      `kintone app ${appId} is in a guest space: write its token as ${appId}@GUEST_SPACE_ID:TOKEN in KINTONE_API_TOKENS.`,
      options,
    );
  }
  if (status === 429 || status >= 500) {
    return new UpstreamError("kintone", "kintone is busy or unavailable. Try again later.", {
      ...options,
      retryable: true,
    });
  }
  if (status === 401 || code === "GAIA_IA02" || code === "CB_WA01") {
    return new UpstreamError(
      "kintone",
      `kintone refused the proxy's API token for app ${appId}: check KINTONE_API_TOKENS.`,
      options,
    );
  }
  if (status === 403 || code === "CB_NO02" || code === "GAIA_NO01") {
    return new UpstreamError(
      "kintone",
      `The proxy's API token for app ${appId} lacks a permission this needs (view, edit or file).`,
      options,
    );
  }
  if (code === "GAIA_AP01") {
    return new UpstreamError("kintone", `kintone app ${appId} does not exist.`, options);
  }
  if (code === "CB_VA01") {
    const fields = Object.keys((error.errors as Record<string, unknown> | undefined) ?? {});
    return new KintoneValuesRefusedError(fields, { requestId, upstreamStatus: status });
  }
  if (code === "GAIA_FC01") {
    return new KintoneFieldMissingError({ requestId, upstreamStatus: status });
  }
  return new UpstreamError("kintone", `kintone refused the request (${code}).`, options);
}
