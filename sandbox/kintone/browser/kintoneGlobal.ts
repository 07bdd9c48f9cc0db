/**
 * The `window.kintone` the plugin sees on the sandbox's pages: the part of kintone's JavaScript API
 * the plugin uses, following https://cybozu.dev/ja/kintone/docs/js-api/ . Bundled for the browser
 * with esbuild when the emulator starts. The page hands its data over as JSON (see PageContext).
 */
import {
  PAGE_CONTEXT_ELEMENT_ID,
  SANDBOX_ROUTES,
  type PageContext,
  type PageProxyConfig,
} from "./PageContext";
import { detailShowEventType, mobileKintone } from "./mobileKintone";

type EventHandler = (event: KintoneEvent) => unknown;
type KintoneEvent = Record<string, unknown> & { type: string };
type ProxyResult = [string, number, Record<string, string>];
type FailureCallback = (error: unknown) => void;

const MAX_CONFIG_VALUE_LENGTH = 65_535;
const MAX_CONFIG_TOTAL_BYTES = 256 * 1024;

function readPageContext(): PageContext {
  const element = document.getElementById(PAGE_CONTEXT_ELEMENT_ID);
  if (element === null || element.textContent === null) {
    throw new Error(`kintone sandbox: #${PAGE_CONTEXT_ELEMENT_ID} is missing from the page`);
  }
  return JSON.parse(element.textContent) as PageContext;
}

const context = readPageContext();
const handlers = new Map<string, EventHandler[]>();

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Handlers run one after another in the order they were added; one that returns a thenable is
 * awaited before the next runs, and an event object it returns is passed on.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/event-handling/
 */
async function dispatch(type: string, event: KintoneEvent): Promise<KintoneEvent> {
  let current = event;
  for (const handler of [...(handlers.get(type) ?? [])]) {
    try {
      let result = handler(current);
      if (isThenable(result)) result = await result;
      if (typeof result === "object" && result !== null) current = result as KintoneEvent;
    } catch (error) {
      console.error(`kintone sandbox: a handler of ${type} failed`, error);
    }
  }
  return current;
}

const events = {
  on(type: string | string[], handler: EventHandler): void {
    for (const t of Array.isArray(type) ? type : [type]) {
      handlers.set(t, [...(handlers.get(t) ?? []), handler]);
    }
  },
  off(type?: string | string[], handler?: EventHandler): boolean {
    if (type === undefined) {
      handlers.clear();
      return true;
    }
    let removed = false;
    for (const t of Array.isArray(type) ? type : [type]) {
      const list = handlers.get(t) ?? [];
      const kept = handler === undefined ? [] : list.filter((h) => h !== handler);
      removed ||= kept.length !== list.length;
      handlers.set(t, kept);
    }
    return removed;
  },
};

/** Resolves or calls back, the way kintone's asynchronous APIs do. */
function settle<T>(
  promise: Promise<T>,
  onSuccess?: (value: T) => void,
  onFailure?: FailureCallback,
): Promise<T> | undefined {
  if (onSuccess === undefined) return promise;
  promise.then(onSuccess, (error: unknown) => onFailure?.(error));
  return undefined;
}

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

/** https://cybozu.dev/ja/kintone/docs/js-api/api/kintone-rest-api-request */
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

/** https://cybozu.dev/ja/kintone/docs/js-api/plugins/kintone-plug-in-proxy */
function pluginProxy(pluginId: string, ...args: ProxyArguments): Promise<ProxyResult> | undefined {
  return proxyFor(pluginId, ...args);
}

/** `kintone.proxy`: the same, without any stored plugin settings. */
function proxy(...args: ProxyArguments): Promise<ProxyResult> | undefined {
  return proxyFor(undefined, ...args);
}

async function postSettings(route: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(route, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-Requested-With": "XMLHttpRequest", "Content-Type": "application/json" },
    body: JSON.stringify({
      ...body,
      app: context.appId,
      pluginId: context.pluginId,
      __REQUEST_TOKEN__: context.requestToken,
    }),
  });
  if (!response.ok) throw new Error(`kintone sandbox: ${route} answered ${response.status}`);
}

function requireSettingsPage(name: string): void {
  if (context.page !== "pluginSettings") {
    throw new Error(`kintone.plugin.app.${name} is only available on the plugin's settings page`);
  }
}

/** Without a callback kintone goes to the app's plugin list after saving. */
function afterSave(callback: (() => void) | null | undefined): void {
  if (typeof callback === "function") callback();
  else if (context.page === "pluginSettings") location.href = context.pluginListUrl;
}

/** https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config : strings only, 256 KB in all. */
function setConfig(config: Record<string, unknown>, callback?: (() => void) | null): void {
  requireSettingsPage("setConfig");
  if (typeof config !== "object" || config === null) throw new Error("config must be an object");
  let totalBytes = 0;
  const encoder = new TextEncoder();
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== "string") throw new Error(`config value of "${key}" must be a string`);
    if (value.length > MAX_CONFIG_VALUE_LENGTH) {
      throw new Error(
        `config value of "${key}" is longer than ${MAX_CONFIG_VALUE_LENGTH} characters`,
      );
    }
    totalBytes += encoder.encode(key).length + encoder.encode(value).length;
  }
  if (totalBytes > MAX_CONFIG_TOTAL_BYTES) {
    throw new Error(`config is larger than ${MAX_CONFIG_TOTAL_BYTES} bytes in all`);
  }
  const saved = { ...(config as Record<string, string>) };
  postSettings(SANDBOX_ROUTES.pluginConfig, { config: saved }).then(
    () => {
      context.pluginConfig = saved;
      afterSave(callback);
    },
    (error: unknown) => console.error(error),
  );
}

/** https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy */
function setProxyConfig(
  url: string,
  method: string,
  headers: Record<string, unknown>,
  data: Record<string, unknown>,
  callback?: (() => void) | null,
): void {
  requireSettingsPage("setProxyConfig");
  for (const [key, value] of Object.entries(data ?? {})) {
    if (typeof value === "object" && value !== null) {
      throw new Error(`data.${key} must not be an object`);
    }
  }
  postSettings(SANDBOX_ROUTES.pluginProxyConfig, { url, method, headers, data }).then(
    () => {
      if (context.page === "pluginSettings") {
        const entry: PageProxyConfig = {
          url,
          method,
          headers: Object.fromEntries(
            Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)]),
          ),
          data: { ...(data as PageProxyConfig["data"]) },
        };
        context.proxyConfigs = [
          ...context.proxyConfigs.filter((c) => !(c.url === url && c.method === method)),
          entry,
        ];
      }
      afterSave(callback);
    },
    (error: unknown) => console.error(error),
  );
}

/** https://cybozu.dev/ja/kintone/docs/js-api/plugins/get-config-for-proxy */
function getProxyConfig(
  url: string,
  method: string,
): Omit<PageProxyConfig, "url" | "method"> | null {
  if (context.page !== "pluginSettings") return null;
  const found = context.proxyConfigs.find((c) => c.url === url && c.method === method);
  return found === undefined ? null : { headers: { ...found.headers }, data: { ...found.data } };
}

function getConfig(pluginId: string): Record<string, string> {
  return pluginId === context.pluginId ? { ...context.pluginConfig } : {};
}

function elementById(id: string): HTMLElement | null {
  return document.getElementById(id);
}

const app = {
  getId: (): number => Number(context.appId),
  getQueryCondition: (): string | null => (context.page === "list" ? context.queryCondition : null),
  getQuery: (): string | null => (context.page === "list" ? context.query : null),
  getHeaderMenuSpaceElement: (): HTMLElement | null =>
    context.page === "list" ? elementById("kintone-header-menu-space") : null,
  getHeaderSpaceElement: (): HTMLElement | null =>
    context.page === "list" ? elementById("kintone-header-space") : null,
  /** The cells of a field in the list, one per record shown, in the records' order. */
  getFieldElements: (fieldCode: string): HTMLElement[] | null =>
    context.page === "list"
      ? [...document.querySelectorAll<HTMLElement>(`td[data-field="${CSS.escape(fieldCode)}"]`)]
      : null,
  record: {
    getId: (): number | null => (context.page === "detail" ? Number(context.recordId) : null),
    get: (): { record: unknown } | null =>
      context.page === "detail" ? { record: structuredClone(context.record) } : null,
    getHeaderMenuSpaceElement: (): HTMLElement | null =>
      context.page === "detail" ? elementById("kintone-record-header-menu-space") : null,
    getFieldElement: (fieldCode: string): HTMLElement | null =>
      context.page === "detail"
        ? document.querySelector<HTMLElement>(
            `[data-field="${CSS.escape(fieldCode)}"] .control-value`,
          )
        : null,
    getSpaceElement: (id: string): HTMLElement | null =>
      context.page === "detail" ? elementById(`kintone-space-${id}`) : null,
  },
};

function getLoginUser(): Record<string, unknown> {
  const user = context.loginUser;
  return {
    id: user.id,
    code: user.code,
    name: user.name,
    email: user.email,
    url: "",
    employeeNumber: "",
    phone: "",
    mobilePhone: "",
    extensionNumber: "",
    timezone: user.timezone,
    isGuest: false,
    language: user.language,
  };
}

/**
 * The space the app is in (https://cybozu.dev/ja/kintone/docs/js-api/space/get-space): only guest
 * spaces are modelled; outside a space kintone answers an error.
 */
const space = {
  get: (): Promise<{ id: string; name: string; isGuest: boolean }> =>
    context.guestSpaceId
      ? Promise.resolve({
          id: context.guestSpaceId,
          name: `Guest space ${context.guestSpaceId}`,
          isGuest: true,
        })
      : Promise.reject(new Error("kintone sandbox: this app is not in a space")),
};

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

/**
 * The show events' objects; `size` is the number of records shown.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event
 */
function buildShowEvent(): KintoneEvent | undefined {
  const appId = Number(context.appId);
  if (context.page === "list") {
    return {
      type: "app.record.index.show",
      appId,
      viewId: Number(context.viewId),
      viewName: context.viewName,
      viewType: "list",
      records: structuredClone(context.records),
      offset: context.offset,
      size: context.size,
      date: null,
    };
  }
  if (context.page === "detail") {
    return {
      type: detailShowEventType(context),
      appId,
      recordId: Number(context.recordId),
      record: structuredClone(context.record),
    };
  }
  return undefined;
}

let renders = 0;

async function fireShowEvent(): Promise<void> {
  const event = buildShowEvent();
  if (event !== undefined) {
    // The benchmark (bench/showToButton.ts) times from here to what the plugin draws.
    performance.mark(`kintone:${event.type}`);
    await dispatch(event.type, event);
  }
  renders += 1;
  // Stories wait on these: the plugin ran and the show event of this render was handled.
  document.documentElement.dataset.kintoneReady = "true";
  document.documentElement.dataset.kintoneRenders = String(renders);
}

/**
 * kintone's record list is one page: paging, sorting and changing the view replace the records and fire
 * `app.record.index.show` again, while the header menu space, and what plugins put into it, stays.
 * https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event/
 */
async function showListAt(url: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const nextContextText = next.getElementById(PAGE_CONTEXT_ELEMENT_ID)?.textContent;
  const nextContext = nextContextText ? (JSON.parse(nextContextText) as PageContext) : undefined;
  const nextContent = next.querySelector(".content");
  const content = document.querySelector(".content");
  if (nextContext?.page !== "list" || nextContent === null || content === null) {
    location.href = url;
    return;
  }
  content.replaceWith(document.importNode(nextContent, true));
  Object.assign(context, nextContext);
  history.pushState(null, "", url);
  await fireShowEvent();
}

function followListNavigation(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(
      "a.pager-prev, a.pager-next, a.sort-link",
    );
    if (!(link instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    showListAt(link.href).catch((error: unknown) => console.error("kintone sandbox:", error));
  });
  document
    .querySelector<HTMLSelectElement>(".view-selector select")
    ?.addEventListener("change", (event) => {
      const url = (event.target as HTMLSelectElement).value;
      showListAt(url).catch((error: unknown) => console.error("kintone sandbox:", error));
    });
  window.addEventListener("popstate", () => location.reload());
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
