/** `kintone.plugin.app.proxy` and `kintone.proxy`: requests through kintone's server to an outside URL. */
import { context } from "./currentPage";
import { SANDBOX_ROUTES } from "./PageContext";
import { settle, type FailureCallback } from "./settleCallbacks";

type ProxyResult = [string, number, Record<string, string>];

async function sendProxyRequest(
  pluginId: string | undefined,
  url: string,
  method: string,
  headers: Record<string, unknown>,
  data: unknown,
): Promise<ProxyResult> {
  const response = await fetch(SANDBOX_ROUTES.pluginProxy, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json" },
    body: JSON.stringify({
      app: context.appId,
      pluginId,
      url,
      method,
      headers,
      data,
      __REQUEST_TOKEN__: context.requestToken,
    }),
  });
  const text = await response.text();
  // kintone rejects with the response body (a string) when the proxy itself fails.
  if (!response.ok) throw text;
  const result = JSON.parse(text) as {
    body: string;
    status: number;
    headers: Record<string, string>;
  };
  return [result.body, result.status, result.headers];
}

type ProxyArguments = [
  url: string,
  method: string,
  headers: Record<string, unknown>,
  data: unknown,
  onSuccess?: (body: string, status: number, headers: Record<string, string>) => void,
  onFailure?: FailureCallback,
];

function proxyFor(
  pluginId: string | undefined,
  ...[url, method, headers, data, onSuccess, onFailure]: ProxyArguments
): Promise<ProxyResult> | undefined {
  const promise = sendProxyRequest(pluginId, url, method, headers, data);
  return settle(promise, onSuccess && ((r: ProxyResult) => onSuccess(...r)), onFailure);
}

export /** https://cybozu.dev/ja/kintone/docs/js-api/plugins/kintone-plug-in-proxy */
function pluginProxy(pluginId: string, ...args: ProxyArguments): Promise<ProxyResult> | undefined {
  return proxyFor(pluginId, ...args);
}

export /** `kintone.proxy`: the same, without any stored plugin settings. */
function proxy(...args: ProxyArguments): Promise<ProxyResult> | undefined {
  return proxyFor(undefined, ...args);
}
