/**
 * The guest space of the app a call is bound to. The plug-in's settings store it with
 * `setProxyConfig` beside `X-Kintone-App-Id` when the app is in a guest space, so kintone adds it
 * server-side to the app's `kintone.plugin.app.proxy` calls; the proxy refuses a call whose app it
 * knows in another guest space. https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/
 */
export const GUEST_SPACE_BINDING_HEADER = "X-Kintone-Guest-Space-Id";
