/**
 * The `window.kintone` the plugin sees on the sandbox's pages: the part of kintone's JavaScript API
 * the plugin uses, following https://cybozu.dev/ja/kintone/docs/js-api/ . Bundled for the browser
 * with esbuild when the emulator starts. The page hands its data over as JSON (see PageContext).
 */
import { context } from "./currentPage";
import { api } from "./kintoneApi";
import { app, getLoginUser, space } from "./kintoneApp";
import { events } from "./kintoneEvents";
import { pluginProxy, proxy } from "./kintoneProxy";
import { mobileKintone } from "./mobileKintone";
import { getConfig, getProxyConfig, setConfig, setProxyConfig } from "./pluginConfig";
import { fireShowEvent, followListNavigation } from "./showEvents";

const kintone = {
  events,
  api,
  space,
  proxy,
  app,
  mobile: mobileKintone(context),
  getLoginUser,
  getRequestToken: (): string => context.requestToken,
  getUiVersion: (): number => 2,
  Promise,
  plugin: {
    app: {
      getConfig,
      setConfig,
      getProxyConfig,
      setProxyConfig,
      proxy: pluginProxy,
    },
  },
  $PLUGIN_ID: undefined as string | undefined,
};

(window as unknown as { kintone: typeof kintone }).kintone = kintone;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = false;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => reject(new Error(`could not load ${src}`)));
    document.head.appendChild(script);
  });
}

async function start(): Promise<void> {
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve));
  }
  kintone.$PLUGIN_ID = context.pluginId;
  try {
    for (const src of context.pluginScripts) {
      // A script that fails to load is reported; the page and the other scripts go on, as in kintone.
      await loadScript(src).catch((error: unknown) => console.error("kintone sandbox:", error));
    }
  } finally {
    kintone.$PLUGIN_ID = undefined;
  }
  if (context.page === "list") followListNavigation();
  await fireShowEvent();
}

start().catch((error: unknown) => console.error("kintone sandbox:", error));

export type KintoneGlobal = typeof kintone;
