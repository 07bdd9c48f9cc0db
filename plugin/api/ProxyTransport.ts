/**
 * How the plugin reaches the proxy: always through kintone's plugin proxy
 * (`kintone.plugin.app.proxy`), so kintone adds the stored secret header and the stored `appId`
 * and mapping (see config/saveSettings.ts) on its server — the page never holds them.
 * https://cybozu.dev/ja/kintone/docs/js-api/plugins/kintone-plugin-app-proxy/
 */
export type HttpMethod = "GET" | "POST";

export interface ProxyTransportResponse {
  body: string;
  status: number;
}

export interface ProxyTransport {
  send(
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    data: Record<string, unknown>,
  ): Promise<ProxyTransportResponse>;
}

export function kintoneProxyTransport(pluginId: string): ProxyTransport {
  return {
    async send(url, method, headers, data) {
      const [body, status] = await kintone.plugin.app.proxy(pluginId, url, method, headers, data);
      return { body, status };
    },
  };
}
