/** The sandbox's portal (`/`): the apps, their record counts, and links to the other services. */
import type { Router } from "express";
import type { PageKit } from "./pageKit";
import { renderIndexBody } from "./renderIndexBody";
import { texts } from "./renderLayout";

export function registerPortalPage(
  router: Router,
  { store, pluginId, applyLanguage, ensureSession, sendPage }: PageKit,
  links: Array<{ label: string; url: string }>,
): void {
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
        links: links,
        pluginSettingsUrl: (appId) =>
          `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
        user: store.loginUser,
      }),
    });
  });
}
