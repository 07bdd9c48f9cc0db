/** What every sandbox page needs: its session, language, layout, write checks and the in-page context. */
import type { Request, Response } from "express";
import { KintoneApiError } from "../KintoneApiError";
import { guestSpaceOfApp } from "../KintoneGuestSpaces";
import { issueSession, readSession } from "../KintoneSession";
import type { KintoneStore } from "../KintoneStore";
import type { AppInfo } from "../store/appDefinition";
import { SANDBOX_ROUTES } from "../browser/PageContext";
import type { PageTexts } from "./pageTexts";
import type { PluginSettingsStore } from "./PluginSettingsStore";
import { readPluginManifest, type PluginManifest } from "./readPluginManifest";
import { renderLayout, renderMessageBody, texts } from "./renderLayout";

export type PageContent = Omit<Parameters<typeof renderLayout>[0], "user" | "languageUrl">;

export interface PageKit {
  store: KintoneStore;
  settings: PluginSettingsStore;
  pluginId: string;
  pluginDir: string;
  manifest(): PluginManifest;
  /** The page's session (a new one when the cookie names none); answers its request token. */
  ensureSession(req: Request, res: Response): string;
  applyLanguage(req: Request): void;
  texts(): PageTexts;
  sendPage(req: Request, res: Response, status: number, page: PageContent): void;
  sendMessage(req: Request, res: Response, status: number, message: string): void;
  authorizeWrite(req: Request, res: Response): boolean;
  /** Starts an app's page (language, session); answers the app, or sends "app not found" and undefined. */
  openAppPage(
    req: Request,
    res: Response,
    appId: string,
  ): { app: AppInfo; t: PageTexts; requestToken: string } | undefined;
  baseContext(
    appId: string,
    appName: string,
    requestToken: string,
  ): ReturnType<typeof baseContextOf>;
}

export function queryParam(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

export function sendKintoneError(
  res: Response,
  status: number,
  code: string,
  message: string,
): void {
  res.status(status).json(new KintoneApiError(status, code, message).toJSON());
}

export function pluginFileUrl(entry: string): string {
  return SANDBOX_ROUTES.pluginFiles + entry.split("/").map(encodeURIComponent).join("/");
}

/** The page's own URL with `?lang=` set, for the header's language switch. */
export function languageUrl(req: Request): (language: "ja" | "en") => string {
  return (language) => {
    const url = new URL(req.originalUrl, "http://localhost");
    url.searchParams.set("lang", language);
    return url.pathname + url.search;
  };
}

function baseContextOf(
  store: KintoneStore,
  settings: PluginSettingsStore,
  pluginId: string,
  appId: string,
  appName: string,
  requestToken: string,
) {
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

export function createPageKit(options: {
  store: KintoneStore;
  settings: PluginSettingsStore;
  pluginId: string;
  pluginDir: string;
  manifestPath: string;
}): PageKit {
  const { store, settings, pluginId, pluginDir, manifestPath } = options;

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

  function sendPage(req: Request, res: Response, status: number, page: PageContent): void {
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

  function openAppPage(req: Request, res: Response, appId: string) {
    applyLanguage(req);
    const requestToken = ensureSession(req, res);
    const app = store.getApp(appId);
    const t = texts(store.loginUser);
    if (app === undefined) {
      sendMessage(req, res, 404, t.appNotFound);
      return undefined;
    }
    return { app, t, requestToken };
  }

  return {
    store,
    openAppPage,
    settings,
    pluginId,
    pluginDir,
    manifest,
    ensureSession,
    applyLanguage,
    texts: () => texts(store.loginUser),
    sendPage,
    sendMessage,
    authorizeWrite,
    baseContext: (appId, appName, requestToken) =>
      baseContextOf(store, settings, pluginId, appId, appName, requestToken),
  };
}
