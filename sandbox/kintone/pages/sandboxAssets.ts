/** The sandbox pages' assets: the in-page kintone global, the styles, the plugin's files, attached files. */
import express, { type Router } from "express";
import { readSession } from "../KintoneSession";
import { SANDBOX_ROUTES } from "../browser/PageContext";
import { bundleKintoneGlobal } from "./bundleKintoneGlobal";
import { queryParam, sendKintoneError, type PageKit } from "./pageKit";
import { PAGE_STYLES } from "./pageStyles";

export function registerSandboxAssets(router: Router, { store, pluginDir }: PageKit): void {
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
}
