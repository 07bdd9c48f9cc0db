/**
 * The kintone emulator's screens, hosting the real built plugin: the portal (`/`), the record list
 * (`/k/:appId/`), a record's detail (`/k/:appId/show#record=:id`), the plugin's settings screen
 * (`/k/admin/app/:appId/plugin/config?pluginId=`) and the app's plugin list, plus the endpoints
 * behind the in-page `kintone` global (plugin settings, proxy settings, `plugin.app.proxy`).
 *
 * Pages start a session of `store.loginUser` (cookie `kintone_session`) that the REST API accepts
 * with `X-Requested-With: XMLHttpRequest` and, for writes, the page's `__REQUEST_TOKEN__`.
 */
import path from "node:path";
import { existsSync, readFileSync } from "node:fs";
import express, { type Request, type Response, type Router } from "express";
import { KintoneApiError } from "../KintoneApiError";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { KintoneStore } from "../KintoneStore";
import { issueSession, readSession } from "../KintoneSession";
import { SANDBOX_ROUTES, type PageContext } from "../browser/PageContext";
import { bundleKintoneGlobal } from "./bundleKintoneGlobal";
import { registerCheckoutReturnPage } from "./checkoutReturnPage";
import { registerNewRecordPage } from "./newRecordPage";
import { registerMobileRecordPage } from "./mobileRecordPage";
import { registerUpdateAppAction, renderUpdateAppButton } from "./updateAppAction";
import { PluginProxyError, forwardPluginProxyRequest } from "./forwardPluginProxyRequest";
import { PluginSettingsError, PluginSettingsStore } from "./PluginSettingsStore";
import { PAGE_STYLES } from "./pageStyles";
import {
  localFiles,
  localized,
  readPluginManifest,
  type PluginManifest,
} from "./readPluginManifest";
import {
  renderDetailBody,
  renderIndexBody,
  renderLayout,
  renderListBody,
  renderMessageBody,
  renderPluginListBody,
  renderSettingsBody,
  texts,
} from "./renderPages";
import { guestSpaceOfApp } from "../KintoneGuestSpaces";

export const LIST_PAGE_SIZE = 20;
/** The id kintone gives the built-in "(All records)" view. */
export const ALL_RECORDS_VIEW_ID = "20";

export interface PagesRouterOptions {
  store: KintoneStore;
  /** The built plugin, laid out as its manifest names its files (`dist/plugin/`). */
  pluginDir: string;
  /** Default `<pluginDir>/manifest.json`. */
  manifestPath?: string;
  pluginId: string;
  /** Plugin and proxy settings; pass one to read or preset them from outside the pages. */
  settings?: PluginSettingsStore;
  /** Shown on the portal page, e.g. the Stripe emulator and the proxy. */
  links?: Array<{ label: string; url: string }>;
}

function queryParam(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

function sendKintoneError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json(new KintoneApiError(status, code, message).toJSON());
}

function pluginFileUrl(entry: string): string {
  return SANDBOX_ROUTES.pluginFiles + entry.split("/").map(encodeURIComponent).join("/");
}

export function createPagesRouter(options: PagesRouterOptions): Router {
  const { store, pluginDir, pluginId } = options;
  const manifestPath = options.manifestPath ?? path.join(pluginDir, "manifest.json");
  const settings = options.settings ?? new PluginSettingsStore();
  const router = express.Router();
  // Start bundling now so the first page does not wait for it; errors surface on request.
  bundleKintoneGlobal().catch(() => undefined);

  function manifest(): PluginManifest {
    return readPluginManifest(manifestPath);
  }

  /** The page's session: the one in the cookie if the store knows it, else a new one. */
  function ensureSession(req: Request, res: Response): string {
    const existing = readSession(store, req.get("Cookie"));
    if (existing !== undefined) return existing.requestToken;
    const session = issueSession(store);
    res.append("Set-Cookie", session.setCookie);
    return session.requestToken;
  }

  /** `?lang=ja|en` switches the login user's language, as their personal setting would. */
  function applyLanguage(req: Request): void {
    const lang = queryParam(req, "lang");
    if (lang === "ja" || lang === "en") store.loginUser.language = lang;
  }

  function languageUrl(req: Request): (language: "ja" | "en") => string {
    return (language) => {
      const url = new URL(req.originalUrl, "http://localhost");
      url.searchParams.set("lang", language);
      return url.pathname + url.search;
    };
  }

  function sendPage(
    req: Request,
    res: Response,
    status: number,
    page: Omit<Parameters<typeof renderLayout>[0], "user" | "languageUrl">,
  ): void {
    res
      .status(status)
      .type("html")
      .set("Cache-Control", "no-store")
      .send(renderLayout({ ...page, user: store.loginUser, languageUrl: languageUrl(req) }));
  }

  function sendMessage(req: Request, res: Response, status: number, message: string): void {
    sendPage(req, res, status, {
      title: message,
      body: renderMessageBody(message, texts(store.loginUser)),
    });
  }

  /** Writes from the page: a known session, the XHR header and its request token. */
  function authorizeWrite(req: Request, res: Response): boolean {
    const token = readSession(store, req.get("Cookie"))?.requestToken;
    if (token === undefined || req.get("X-Requested-With") !== "XMLHttpRequest") {
      sendKintoneError(res, 401, "CB_AU01", "Log in to use this API.");
      return false;
    }
    if ((req.body as { __REQUEST_TOKEN__?: unknown } | undefined)?.__REQUEST_TOKEN__ !== token) {
      sendKintoneError(
        res,
        400,
        "CB_IL02",
        "Illegal request: the request token is missing or wrong.",
      );
      return false;
    }
    return true;
  }

  function baseContext(appId: string, appName: string, requestToken: string) {
    const guestSpaceId = guestSpaceOfApp(store, appId);
    return {
      appId,
      appName,
      ...(guestSpaceId ? { guestSpaceId } : {}),
      loginUser: { ...store.loginUser },
      requestToken,
      pluginId,
      pluginConfig: settings.getConfig(appId, pluginId),
    };
  }

  // ---- assets ----

  router.get(SANDBOX_ROUTES.kintoneScript, async (_req, res, next) => {
    try {
      res
        .type("js")
        .set("Cache-Control", "no-store")
        .send(await bundleKintoneGlobal());
    } catch (error) {
      next(error);
    }
  });
  router.get("/k/_sandbox/kintone.css", (_req, res) => {
    res.type("css").send(PAGE_STYLES);
  });
  router.use(SANDBOX_ROUTES.pluginFiles, express.static(pluginDir, { index: false }));
  router.get(SANDBOX_ROUTES.file, (req, res) => {
    if (readSession(store, req.get("Cookie")) === undefined) {
      sendKintoneError(res, 401, "CB_AU01", "Log in to use this API.");
      return;
    }
    const file = store.getFile(queryParam(req, "fileKey") ?? "");
    if (file === undefined) {
      sendKintoneError(res, 404, "GAIA_BL01", "The specified file not found.");
      return;
    }
    res
      .type(file.contentType)
      .set("Content-Disposition", `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .set("X-Content-Type-Options", "nosniff")
      .send(Buffer.from(file.bytes));
  });

  // ---- what the in-page kintone global calls ----

  const json = express.json({ limit: "2mb" });

  router.post(SANDBOX_ROUTES.pluginConfig, json, (req, res) => {
    if (!authorizeWrite(req, res)) return;
    const body = req.body as { app?: unknown; pluginId?: unknown; config?: unknown };
    const appId = String(body.app ?? "");
    if (store.getApp(appId) === undefined || body.pluginId !== pluginId) {
      sendKintoneError(res, 404, "GAIA_AP01", "The app or plug-in was not found.");
      return;
    }
    try {
      settings.setConfig(appId, pluginId, body.config);
      res.json({});
    } catch (error) {
      if (!(error instanceof PluginSettingsError)) throw error;
      sendKintoneError(res, 400, "CB_VA01", error.message);
    }
  });

  router.post(SANDBOX_ROUTES.pluginProxyConfig, json, (req, res) => {
    if (!authorizeWrite(req, res)) return;
    const body = req.body as Record<string, unknown>;
    const appId = String(body.app ?? "");
    if (store.getApp(appId) === undefined || body.pluginId !== pluginId) {
      sendKintoneError(res, 404, "GAIA_AP01", "The app or plug-in was not found.");
      return;
    }
    try {
      settings.setProxyConfig(appId, pluginId, {
        url: body.url,
        method: body.method,
        headers: body.headers,
        data: body.data,
      });
      res.json({});
    } catch (error) {
      if (!(error instanceof PluginSettingsError)) throw error;
      sendKintoneError(res, 400, "CB_VA01", error.message);
    }
  });

  router.post(SANDBOX_ROUTES.pluginProxy, json, async (req, res, next) => {
    if (!authorizeWrite(req, res)) return;
    const body = req.body as Record<string, unknown>;
    const appId = String(body.app ?? "");
    const requestedPlugin = body.pluginId;
    if (store.getApp(appId) === undefined) {
      sendKintoneError(res, 404, "GAIA_AP01", "The app was not found.");
      return;
    }
    if (requestedPlugin !== undefined && requestedPlugin !== pluginId) {
      sendKintoneError(res, 404, "GAIA_PL01", "The plug-in is not added to this app.");
      return;
    }
    try {
      const result = await forwardPluginProxyRequest(
        {
          appId,
          // kintone.proxy (no plugin) gets no stored settings.
          pluginId: requestedPlugin === undefined ? "" : pluginId,
          url: String(body.url ?? ""),
          method: String(body.method ?? ""),
          headers:
            typeof body.headers === "object" && body.headers !== null
              ? (body.headers as Record<string, unknown>)
              : {},
          data: body.data,
        },
        settings,
      );
      res.json(result);
    } catch (error) {
      if (error instanceof PluginProxyError) {
        sendKintoneError(res, error.status, "GAIA_PR01", error.message);
        return;
      }
      next(error);
    }
  });

  // ---- pages ----

  router.get("/", (req, res) => {
    applyLanguage(req);
    ensureSession(req, res);
    const apps = store.listApps().map((app) => ({
      ...app,
      recordCount: store.queryRecords(app.id, "limit 1").totalCount,
    }));
    sendPage(req, res, 200, {
      title: texts(store.loginUser).portal,
      body: renderIndexBody({
        apps,
        links: options.links ?? [],
        pluginSettingsUrl: (appId) =>
          `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
        user: store.loginUser,
      }),
    });
  });

  router.get("/k/admin/app/:appId/plugin/config", (req, res) => {
    applyLanguage(req);
    const requestToken = ensureSession(req, res);
    const appId = String(req.params.appId);
    const app = store.getApp(appId);
    const t = texts(store.loginUser);
    if (app === undefined) return sendMessage(req, res, 404, t.appNotFound);
    if (queryParam(req, "pluginId") !== pluginId) {
      return sendMessage(req, res, 404, `${t.plugins}: ${queryParam(req, "pluginId") ?? ""}?`);
    }
    const plugin = manifest();
    const configHtmlPath = plugin.config?.html;
    const resolvedHtml =
      configHtmlPath === undefined ? undefined : path.resolve(pluginDir, configHtmlPath);
    const configHtml =
      resolvedHtml !== undefined &&
      resolvedHtml.startsWith(path.resolve(pluginDir) + path.sep) &&
      existsSync(resolvedHtml)
        ? readFileSync(resolvedHtml, "utf8")
        : "";
    const context: PageContext = {
      ...baseContext(appId, app.name, requestToken),
      page: "pluginSettings",
      pluginScripts: localFiles(plugin.config?.js).map(pluginFileUrl),
      proxyConfigs: settings.listProxyConfigs(appId, pluginId),
      pluginListUrl: `/k/admin/app/${appId}/plugin/?saved=1`,
    };
    const pluginName = localized(plugin.name, store.loginUser.language);
    sendPage(req, res, 200, {
      title: `${t.pluginSettings} - ${pluginName}`,
      styles: localFiles(plugin.config?.css).map(pluginFileUrl),
      context,
      body: renderSettingsBody({
        appId,
        appName: app.name,
        pluginName,
        pluginDescription: localized(plugin.description, store.loginUser.language),
        configHtml,
        user: store.loginUser,
      }),
    });
  });

  router.get("/k/admin/app/:appId/plugin", (req, res) => {
    applyLanguage(req);
    const requestToken = ensureSession(req, res);
    const appId = String(req.params.appId);
    const app = store.getApp(appId);
    const t = texts(store.loginUser);
    if (app === undefined) return sendMessage(req, res, 404, t.appNotFound);
    const plugin = manifest();
    sendPage(req, res, 200, {
      title: t.plugins,
      body: renderPluginListBody({
        appId,
        appName: app.name,
        pluginName: localized(plugin.name, store.loginUser.language),
        pluginDescription: localized(plugin.description, store.loginUser.language),
        iconUrl: plugin.icon === undefined ? undefined : pluginFileUrl(plugin.icon),
        settingsUrl: `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
        saved: queryParam(req, "saved") === "1",
        user: store.loginUser,
        updateAppButton: renderUpdateAppButton(appId, requestToken, t),
      }),
    });
  });

  registerCheckoutReturnPage(router, { store, settings, pluginId });
  const pageHelpers = {
    store,
    ensureSession,
    applyLanguage,
    texts: () => texts(store.loginUser),
    sendPage,
    sendMessage,
  };
  registerNewRecordPage(router, pageHelpers);
  registerMobileRecordPage(router, { ...pageHelpers, baseContext, manifest, pluginFileUrl });
  registerUpdateAppAction(router, pageHelpers);

  router.get("/k/:appId/show", (req, res, next) => {
    const appId = String(req.params.appId);
    if (!/^\d+$/.test(appId)) return next();
    applyLanguage(req);
    const requestToken = ensureSession(req, res);
    const app = store.getApp(appId);
    const t = texts(store.loginUser);
    if (app === undefined) return sendMessage(req, res, 404, t.appNotFound);
    const recordId = queryParam(req, "record");
    if (recordId === undefined) {
      // kintone keeps the record id in the hash, which never reaches the server.
      res
        .type("html")
        .send(
          `<!doctype html><meta charset="utf-8"><script>var m=/record=(\\d+)/.exec(location.hash);` +
            `if(m){var u=new URL(location.href);u.searchParams.set("record",m[1]);location.replace(u.href);}` +
            `else{location.replace("/k/${appId}/");}</script>`,
        );
      return;
    }
    const record = /^\d+$/.test(recordId) ? store.getRecord(appId, recordId) : undefined;
    if (record === undefined) return sendMessage(req, res, 404, t.recordNotFound);
    const plugin = manifest();
    const context: PageContext = {
      ...baseContext(appId, app.name, requestToken),
      page: "detail",
      pluginScripts: localFiles(plugin.desktop?.js).map(pluginFileUrl),
      recordId,
      record,
    };
    sendPage(req, res, 200, {
      title: `${app.name} #${recordId}`,
      styles: localFiles(plugin.desktop?.css).map(pluginFileUrl),
      context,
      body: renderDetailBody({
        appId,
        appName: app.name,
        fields: app.fields,
        record,
        user: store.loginUser,
      }),
    });
  });

  router.get("/k/:appId", (req, res, next) => {
    const appId = String(req.params.appId);
    if (!/^\d+$/.test(appId)) return next();
    applyLanguage(req);
    const requestToken = ensureSession(req, res);
    const app = store.getApp(appId);
    const t = texts(store.loginUser);
    if (app === undefined) return sendMessage(req, res, 404, t.appNotFound);

    const views = [
      {
        id: ALL_RECORDS_VIEW_ID,
        name: t.allRecords,
        condition: "",
        sort: "Record_number desc",
      },
      ...app.views,
    ];
    const view = views.find((v) => v.id === queryParam(req, "view")) ?? views[0]!;
    const filter = queryParam(req, "query") ?? "";
    const conditions = [view.condition, filter].filter((c) => c.trim() !== "");
    const queryCondition =
      conditions.length > 1 ? conditions.map((c) => `(${c})`).join(" and ") : (conditions[0] ?? "");
    const offset = Math.max(0, Math.floor(Number(queryParam(req, "offset") ?? "0")) || 0);
    // A click on a column title sorts by it (`?sort=code asc`); only the app's own fields.
    const sortMatch = /^([A-Za-z0-9_]+) (asc|desc)$/.exec(queryParam(req, "sort") ?? "");
    const sort =
      sortMatch !== null && app.fields.some((f) => f.code === sortMatch[1])
        ? sortMatch[0]
        : view.sort;
    const query =
      `${queryCondition} order by ${sort} limit ${LIST_PAGE_SIZE} offset ${offset}`.trim();

    let records: { records: KintoneRecord[]; totalCount: number };
    let error: string | undefined;
    try {
      records = store.queryRecords(appId, query);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      records = { records: [], totalCount: 0 };
    }
    const plugin = manifest();
    const listUrl = (params: Record<string, string>) => {
      const search = new URLSearchParams();
      if (view.id !== ALL_RECORDS_VIEW_ID) search.set("view", view.id);
      if (filter !== "") search.set("query", filter);
      if (sort !== view.sort) search.set("sort", sort);
      for (const [key, value] of Object.entries(params)) search.set(key, value);
      const text = search.toString();
      return `/k/${appId}/${text === "" ? "" : `?${text}`}`;
    };
    const context: PageContext = {
      ...baseContext(appId, app.name, requestToken),
      page: "list",
      pluginScripts: localFiles(plugin.desktop?.js).map(pluginFileUrl),
      viewId: view.id,
      viewName: view.name,
      queryCondition,
      query,
      records: records.records,
      offset,
      size: records.records.length,
      totalCount: records.totalCount,
    };
    sendPage(req, res, 200, {
      title: app.name,
      styles: localFiles(plugin.desktop?.css).map(pluginFileUrl),
      context,
      body: renderListBody({
        appId,
        appName: app.name,
        fields: app.fields,
        views,
        viewId: view.id,
        records: records.records,
        offset,
        size: LIST_PAGE_SIZE,
        totalCount: records.totalCount,
        user: store.loginUser,
        viewUrl: (viewId) =>
          viewId === ALL_RECORDS_VIEW_ID
            ? `/k/${appId}/`
            : `/k/${appId}/?view=${encodeURIComponent(viewId)}`,
        pageUrl: (nextOffset) => listUrl(nextOffset === 0 ? {} : { offset: String(nextOffset) }),
        sort,
        sortUrl: (fieldCode) =>
          listUrl({ sort: `${fieldCode} ${sort === `${fieldCode} asc` ? "desc" : "asc"}` }),
        settingsUrl: `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
        error,
        notice: queryParam(req, "updated") === "1" ? t.appUpdated : undefined,
      }),
    });
  });

  return router;
}
