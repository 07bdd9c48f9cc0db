/** `kintone.api`: the REST API from the page, with the page's session (https://cybozu.dev/ja/kintone/docs/js-api/api/kintone-rest-api-request). */
import { context } from "./currentPage";
import { settle, type FailureCallback } from "./settleCallbacks";

/**
 * With `detectGuestSpace`, on a page of a guest-space app, the guest-space URL
 * (https://cybozu.dev/ja/kintone/docs/js-api/api/get-url/).
 */
function apiUrl(path: string, detectGuestSpace?: boolean): string {
  const plain = path.replace(/^https?:\/\/[^/]+/, "");
  const withoutOrigin =
    detectGuestSpace && context.guestSpaceId
      ? plain.replace(/^\/k\/v1\//, `/k/guest/${context.guestSpaceId}/v1/`)
      : plain;
  const withJson = /\.json(\?|$)/.test(withoutOrigin)
    ? withoutOrigin
    : withoutOrigin.replace(/^([^?]*)/, "$1.json");
  return `${location.origin}${withJson}`;
}

/** Bracket notation (`fields[0]=a`, `a[b]=c`), which kintone accepts for GET parameters. */
function encodeQuery(params: Record<string, unknown>): string {
  const parts: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((v, i) => add(`${key}[${i}]`, v));
    else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    } else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return parts.join("&");
}

function urlForGet(path: string, params: Record<string, unknown>, detect?: boolean): string {
  const query = encodeQuery(params);
  return query === "" ? apiUrl(path, detect) : `${apiUrl(path, detect)}?${query}`;
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Session auth as kintone's pages use it: the cookie, the XHR header and the request token. */
async function sendApiRequest(
  path: string,
  method: string,
  params: Record<string, unknown>,
): Promise<unknown> {
  const upper = method.toUpperCase();
  const isRead = upper === "GET";
  const url = isRead ? urlForGet(path, params) : apiUrl(path);
  const response = await fetch(url, {
    method: upper,
    credentials: "same-origin",
    headers: isRead
      ? { "X-Requested-With": "XMLHttpRequest" }
      : { "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json" },
    body: isRead
      ? undefined
      : JSON.stringify({ ...params, __REQUEST_TOKEN__: context.requestToken }),
  });
  const body = await parseBody(response);
  if (!response.ok) throw body;
  return body;
}

export /** https://cybozu.dev/ja/kintone/docs/js-api/api/kintone-rest-api-request */
function api(
  path: string,
  method: string,
  params: Record<string, unknown> = {},
  onSuccess?: (response: unknown) => void,
  onFailure?: FailureCallback,
): Promise<unknown> | undefined {
  return settle(sendApiRequest(path, method, params), onSuccess, onFailure);
}
api.url = apiUrl;
api.urlForGet = urlForGet;
