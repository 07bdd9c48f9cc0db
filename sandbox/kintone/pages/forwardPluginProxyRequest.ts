/**
 * The server half of `kintone.plugin.app.proxy`: applies the stored proxy config the way kintone
 * does, then sends the request and answers `{ body, status, headers }`.
 *
 * kintone's rule (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy): for the
 * same app, plugin and method, the stored config whose URL is a prefix of the requested URL (the
 * longest one) is merged into the request, and stored headers and data win over what the page
 * sent. Body data is only sent for POST and PUT
 * (https://cybozu.dev/ja/kintone/docs/js-api/plugins/kintone-plug-in-proxy).
 */
import { PROXY_METHODS, type PluginSettingsStore, type ProxyConfig } from "./PluginSettingsStore";

export interface PluginProxyRequest {
  appId: string;
  pluginId: string;
  url: string;
  method: string;
  headers: Record<string, unknown>;
  data: unknown;
}

export interface PluginProxyResponse {
  body: string;
  status: number;
  headers: Record<string, string>;
}

export class PluginProxyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const FORWARD_TIMEOUT_MS = 60_000;

/** The sandbox only ever talks to this machine. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export async function forwardPluginProxyRequest(
  request: PluginProxyRequest,
  settings: PluginSettingsStore,
): Promise<PluginProxyResponse> {
  const method = request.method.toUpperCase();
  if (!(PROXY_METHODS as readonly string[]).includes(method)) {
    throw new PluginProxyError(`method must be one of ${PROXY_METHODS.join(", ")}`, 400);
  }
  let target: URL;
  try {
    target = new URL(request.url);
  } catch {
    throw new PluginProxyError("url is not a valid URL", 400);
  }
  if (!/^https?:$/.test(target.protocol) || !LOCAL_HOSTS.has(target.hostname)) {
    throw new PluginProxyError("the sandbox forwards only to localhost", 400);
  }

  const stored = settings.matchProxyConfig(request.appId, request.pluginId, method, request.url);
  const headers = mergeHeaders(request.headers, stored);
  let body: string | undefined;
  if (method === "POST" || method === "PUT") {
    body = mergeBody(request.data, stored);
    if (!hasHeader(headers, "content-type") && isJsonObjectText(body)) {
      headers["Content-Type"] = "application/json";
    }
  }

  let response: Response;
  try {
    response = await fetch(target, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PluginProxyError(`could not reach ${target.origin}: ${reason}`, 502);
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  return { body: await response.text(), status: response.status, headers: responseHeaders };
}

/** Header names are case-insensitive: a stored `Authorization` replaces a sent `authorization`. */
function mergeHeaders(
  sent: Record<string, unknown>,
  stored: ProxyConfig | undefined,
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent)) {
    if (value === undefined || value === null) continue;
    merged[name] = String(value);
  }
  for (const [name, value] of Object.entries(stored?.headers ?? {})) {
    for (const existing of Object.keys(merged)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete merged[existing];
    }
    merged[name] = value;
  }
  return merged;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

/**
 * Object data (or a string holding a JSON object) is merged key by key with stored data winning.
 * Any other string is sent as it is, unless stored data would have to be merged into it.
 */
function mergeBody(sent: unknown, stored: ProxyConfig | undefined): string {
  const storedData = stored?.data ?? {};
  let sentObject: Record<string, unknown> | undefined;
  if (typeof sent === "string") {
    const parsed = parseJsonObject(sent);
    if (parsed === undefined) {
      if (Object.keys(storedData).length > 0) {
        throw new PluginProxyError(
          "stored proxy data can only be merged into an object or a JSON object string",
          400,
        );
      }
      return sent;
    }
    sentObject = parsed;
  } else if (typeof sent === "object" && sent !== null && !Array.isArray(sent)) {
    sentObject = sent as Record<string, unknown>;
  } else {
    sentObject = {};
  }
  return JSON.stringify({ ...sentObject, ...storedData });
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isJsonObjectText(text: string): boolean {
  return parseJsonObject(text) !== undefined;
}
