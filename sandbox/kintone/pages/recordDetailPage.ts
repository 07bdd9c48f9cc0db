/** A record's detail screen (`/k/:appId/show#record=:id`), running the plugin's desktop scripts. */
import type { Router } from "express";
import type { PageContext } from "../browser/PageContext";
import { pluginFileUrl, queryParam, type PageKit } from "./pageKit";
import { localFiles } from "./readPluginManifest";
import { renderDetailBody } from "./renderDetailBody";

export function registerRecordDetailPage(router: Router, kit: PageKit): void {
  const { store, manifest, openAppPage, sendPage, sendMessage, baseContext } = kit;
  router.get("/k/:appId/show", (req, res, next) => {
    const appId = String(req.params.appId);
    if (!/^\d+$/.test(appId)) return next();
    const opened = openAppPage(req, res, appId);
    if (opened === undefined) return;
    const { app, t, requestToken } = opened;
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
}
