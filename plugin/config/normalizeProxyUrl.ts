export type ProxyUrlResult =
  { ok: true; url: string } | { ok: false; reason: "invalid" | "scheme" };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The canonical form of the proxy's base URL: origin plus a path that ends with "/".
 *
 * kintone adds the stored secret to every `kintone.plugin.app.proxy` call whose URL *starts with*
 * the stored URL (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/).
 * Without the trailing slash, a page could send the secret to another host:
 * "https://proxy.example.com" is also a prefix of "https://proxy.example.com.evil.test/" and of
 * "https://proxy.example.com@evil.test/". So the URL always ends in "/", has no user info, query or
 * fragment, and is https (plain http only for this machine, as the local sandbox uses).
 */
export function normalizeProxyUrl(input: string): ProxyUrlResult {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: "invalid" };
  }
  const secure = url.protocol === "https:";
  const local = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname);
  if ((!secure && !local) || url.username !== "" || url.password !== "") {
    return { ok: false, reason: "scheme" };
  }
  if (url.search !== "" || url.hash !== "" || input.includes("?") || input.includes("#")) {
    return { ok: false, reason: "scheme" };
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { ok: true, url: `${url.origin}${path}` };
}
