/** The plugin's settings screen (`/k/admin/app/:appId/plugin/config`) and the app's plugin list. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Router } from "express";
import type { PageContext } from "../browser/PageContext";
import { pluginFileUrl, queryParam, type PageKit } from "./pageKit";
import { localFiles, localized } from "./readPluginManifest";
import { renderPluginListBody, renderSettingsBody } from "./renderPluginBodies";
import { renderUpdateAppButton } from "./updateAppAction";

export function registerPluginPages(router: Router, kit: PageKit): void {
  const { store, settings, pluginId, pluginDir, manifest, openAppPage } = kit;
  const { sendPage, sendMessage, baseContext } = kit;
  router.get("/k/admin/app/:appId/plugin/config", (req, res) => {
    const appId = String(req.params.appId);
    const opened = openAppPage(req, res, appId);
    if (opened === undefined) return;
    const { app, t, requestToken } = opened;
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
    const appId = String(req.params.appId);
    const opened = openAppPage(req, res, appId);
    if (opened === undefined) return;
    const { app, t, requestToken } = opened;
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
}
