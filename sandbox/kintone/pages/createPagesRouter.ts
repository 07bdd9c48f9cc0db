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
import express, { type Router } from "express";
import type { KintoneStore } from "../KintoneStore";
import { bundleKintoneGlobal } from "./bundleKintoneGlobal";
import { registerCheckoutReturnPage } from "./checkoutReturnPage";
import { registerKintoneGlobalEndpoints } from "./kintoneGlobalEndpoints";
import { registerMobileRecordPage } from "./mobileRecordPage";
import { registerNewRecordPage } from "./newRecordPage";
import { createPageKit } from "./pageKit";
import { registerPluginPages } from "./pluginPages";
import { PluginSettingsStore } from "./PluginSettingsStore";
import { registerPortalPage } from "./portalPage";
import { registerRecordDetailPage } from "./recordDetailPage";
import { registerRecordListPage } from "./recordListPage";
import { registerSandboxAssets } from "./sandboxAssets";
import { registerUpdateAppAction } from "./updateAppAction";

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

export function createPagesRouter(options: PagesRouterOptions): Router {
  const { store, pluginDir, pluginId } = options;
  const manifestPath = options.manifestPath ?? path.join(pluginDir, "manifest.json");
  const settings = options.settings ?? new PluginSettingsStore();
  const router = express.Router();
  // Start bundling now so the first page does not wait for it; errors surface on request.
  bundleKintoneGlobal().catch(() => undefined);
  const kit = createPageKit({ store, settings, pluginId, pluginDir, manifestPath });

  registerSandboxAssets(router, kit);
  registerKintoneGlobalEndpoints(router, kit);
  registerPortalPage(router, kit, options.links ?? []);
  registerPluginPages(router, kit);
  registerCheckoutReturnPage(router, { store, settings, pluginId });
  registerNewRecordPage(router, kit);
  registerUpdateAppAction(router, kit);
  registerRecordDetailPage(router, kit);
  registerMobileRecordPage(router, kit);
  registerRecordListPage(router, kit);
  return router;
}
