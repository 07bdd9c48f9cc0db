/**
 * kintone's "Update App" (アプリを更新) on the app's settings screens: it puts the saved settings
 * (the plug-in's among them) into effect and returns to the app's record list
 * (https://jp.cybozu.help/k/ja/app/appsettings/update_app.html). The sandbox applies plug-in
 * settings as soon as they are saved, so here the button only confirms and returns to the list,
 * where the person goes next in kintone too.
 */
import type { Router } from "express";
import express from "express";
import { readSession } from "../KintoneSession";
import type { PageHelpers } from "./newRecordPage";
import { html, type SafeHtml } from "./html";
import type { PageTexts } from "./pageTexts";

export function updateAppPath(appId: string): string {
  return `/k/admin/app/${appId}/deploy`;
}

/** The button, as a form carrying the page's request token. */
export function renderUpdateAppButton(appId: string, requestToken: string, t: PageTexts): SafeHtml {
  return html`<form class="update-app" method="post" action="${updateAppPath(appId)}">
    <input type="hidden" name="__REQUEST_TOKEN__" value="${requestToken}" />
    <button type="submit" class="button primary" id="update-app">${t.updateApp}</button>
  </form>`;
}

export function registerUpdateAppAction(router: Router, helpers: PageHelpers): void {
  const form = express.urlencoded({ extended: false, limit: "16kb" });
  router.post("/k/admin/app/:appId/deploy", form, (req, res) => {
    const appId = String(req.params.appId);
    const t = helpers.texts();
    if (helpers.store.getApp(appId) === undefined) {
      return helpers.sendMessage(req, res, 404, t.appNotFound);
    }
    const token = (req.body as { __REQUEST_TOKEN__?: unknown }).__REQUEST_TOKEN__;
    if (
      token === undefined ||
      token !== readSession(helpers.store, req.get("Cookie"))?.requestToken
    ) {
      return helpers.sendMessage(req, res, 400, t.staleForm);
    }
    res.redirect(303, `/k/${appId}/?updated=1`);
  });
}
