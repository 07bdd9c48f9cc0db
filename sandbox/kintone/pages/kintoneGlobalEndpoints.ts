/** The endpoints behind the in-page `kintone` global: plugin settings, proxy settings, `plugin.app.proxy`. */
import express, { type Router } from "express";
import { SANDBOX_ROUTES } from "../browser/PageContext";
import { PluginProxyError, forwardPluginProxyRequest } from "./forwardPluginProxyRequest";
import { sendKintoneError, type PageKit } from "./pageKit";
import { PluginSettingsError } from "./PluginSettingsStore";

export function registerKintoneGlobalEndpoints(router: Router, kit: PageKit): void {
  const { store, settings, pluginId, authorizeWrite } = kit;
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
}
