/**
 * The kintone REST calls every checkout makes (read its records, download their images, write the
 * link back) over Node's own http(s) client instead of `@kintone/rest-api-client`: the first
 * checkout does not wait for that SDK (and axios under it) to load, and each call costs less CPU.
 * The requests are those the SDK sends: the token in `X-Cybozu-API-Token`, a guest-space app under
 * `/k/guest/{spaceId}/v1/`, and a GET whose URL would be longer than 4,096 characters sent as a POST
 * with `X-HTTP-Method-Override: GET` and its parameters as JSON
 * (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/).
 * Connections are kept alive by Node's global agents (the default since Node 19).
 */
import http from "node:http";
import https from "node:https";

/** kintone answered with an error: its status and, from its JSON body, `code`, `id`, `errors`. */
export class KintoneAnswerError extends Error {
  override readonly name = "KintoneAnswerError";

  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly id: string | undefined,
    message: string,
    readonly errors: unknown,
  ) {
    super(message);
  }
}

/** Whom a call is for: the app's token(s), comma-joined, and its guest space if it is in one. */
export interface KintoneCallAccess {
  apiToken: string;
  guestSpaceId?: string;
}

export interface KintoneHttp {
  /** GET `/k/v1/{endpoint}.json` with these parameters; the answer's JSON. */
  getJson<T>(
    access: KintoneCallAccess,
    endpoint: string,
    params: Record<string, string>,
  ): Promise<T>;
  /** PUT `/k/v1/{endpoint}.json` with this JSON body; the answer's JSON. */
  putJson<T>(access: KintoneCallAccess, endpoint: string, body: unknown): Promise<T>;
  /** GET `/k/v1/{endpoint}.json` with these parameters; the answer's bytes (a file download). */
  getBytes(
    access: KintoneCallAccess,
    endpoint: string,
    params: Record<string, string>,
  ): Promise<Uint8Array>;
}

/** The SDK's limit (its `THRESHOLD_AVOID_REQUEST_URL_TOO_LARGE`) before a GET becomes a POST. */
const MAX_GET_URL_LENGTH = 4096;

export function createKintoneHttp(options: { baseUrl: string; timeoutMs: number }): KintoneHttp {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const transport = baseUrl.startsWith("https:") ? https : http;

  function pathOf(access: KintoneCallAccess, endpoint: string): string {
    return access.guestSpaceId !== undefined
      ? `/k/guest/${access.guestSpaceId}/v1/${endpoint}.json`
      : `/k/v1/${endpoint}.json`;
  }

  function send(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<Buffer> {
    return new Promise<Buffer>((resolve, reject) => {
      const request = transport.request(url, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", fail);
        response.on("end", () => {
          clearTimeout(timer);
          const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(bytes);
          else reject(answerError(status, bytes));
        });
      });
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      // The whole request's limit, as the SDK's `socketTimeout` (axios' `timeout`) is.
      const timer = setTimeout(() => {
        request.destroy(new Error(`kintone did not answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      request.on("error", fail);
      request.end(body);
    });
  }

  function get(
    access: KintoneCallAccess,
    endpoint: string,
    params: Record<string, string>,
  ): Promise<Buffer> {
    const path = pathOf(access, endpoint);
    const query = Object.entries(params)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join("&");
    const url = `${baseUrl}${path}${query ? `?${query}` : ""}`;
    if (url.length <= MAX_GET_URL_LENGTH) {
      return send("GET", url, { "X-Cybozu-API-Token": access.apiToken }, undefined);
    }
    return send(
      "POST",
      `${baseUrl}${path}`,
      {
        "X-Cybozu-API-Token": access.apiToken,
        "X-HTTP-Method-Override": "GET",
        "Content-Type": "application/json",
      },
      JSON.stringify(params),
    );
  }

  return {
    async getJson<T>(access: KintoneCallAccess, endpoint: string, params: Record<string, string>) {
      return JSON.parse((await get(access, endpoint, params)).toString("utf8")) as T;
    },
    async putJson<T>(access: KintoneCallAccess, endpoint: string, body: unknown) {
      const answer = await send(
        "PUT",
        `${baseUrl}${pathOf(access, endpoint)}`,
        { "X-Cybozu-API-Token": access.apiToken, "Content-Type": "application/json" },
        JSON.stringify(body),
      );
      return JSON.parse(answer.toString("utf8")) as T;
    },
    async getBytes(access: KintoneCallAccess, endpoint: string, params: Record<string, string>) {
      return new Uint8Array(await get(access, endpoint, params));
    },
  };
}

/** kintone's error body is JSON `{ code, id, message, errors }`; a proxy in between may send HTML. */
function answerError(status: number, bytes: Buffer): KintoneAnswerError {
  let body: { code?: unknown; id?: unknown; message?: unknown; errors?: unknown } = {};
  try {
    body = JSON.parse(bytes.toString("utf8")) as typeof body;
  } catch {
    // Not kintone's JSON: the status alone tells what happened.
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return new KintoneAnswerError(
    status,
    text(body.code),
    text(body.id),
    text(body.message) ?? `kintone answered ${status}`,
    body.errors,
  );
}
