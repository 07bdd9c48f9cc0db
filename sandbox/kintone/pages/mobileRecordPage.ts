/**
 * kintone mobile's record detail screen (`/k/m/:appId/show?record=:id`, as kintone's own mobile
 * URLs are): a phone-sized page with the record's fields, the header space under the record's
 * title (`kintone.mobile.app.getHeaderSpaceElement()`), and the plugin's mobile scripts and
 * styles from the manifest's "mobile" section, which fire `mobile.app.record.detail.show`.
 * https://cybozu.dev/ja/kintone/docs/js-api/app/get-mobile-header-element/
 * https://cybozu.dev/ja/kintone/docs/overview/plugin/plugin-manifest/ (the "mobile" section)
 */
import type { Router } from "express";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { LoginUser } from "../KintoneStore";
import type { FieldDef } from "../store/appDefinition";
import {
  MOBILE_HEADER_SPACE_ID,
  PAGE_CONTEXT_ELEMENT_ID,
  SANDBOX_ROUTES,
  type PageContext,
} from "../browser/PageContext";
import { html, jsonForScript, type SafeHtml } from "./html";
import { languageUrl, pluginFileUrl, queryParam, type PageKit } from "./pageKit";
import { localFiles } from "./readPluginManifest";
import { recordNumberOf, renderFieldValue, userFields } from "./renderFieldValue";
import { appColor, languageLink, texts } from "./renderLayout";

export function mobileRecordUrl(appId: string, recordId: string): string {
  return `/k/m/${appId}/show?record=${encodeURIComponent(recordId)}`;
}

/** Phone-first: one column, nothing wider than the screen (wide subtables scroll by themselves). */
const MOBILE_STYLES = `
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: -apple-system, "Helvetica Neue", Arial, "Hiragino Sans", "Noto Sans CJK JP", Roboto, sans-serif;
  font-size: 16px; color: #333; background: #f2f4f5; }
a { color: #3498db; }
.m-header { display: flex; align-items: center; gap: 8px; min-height: 48px; padding: 0 12px;
  background: #4b5d6e; color: #fff; }
.m-header-back { color: #fff; font-size: 24px; text-decoration: none; display: inline-flex;
  align-items: center; justify-content: center; min-width: 44px; min-height: 44px; }
.m-header-title { flex: 1; font-weight: bold; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.m-header-lang a { color: #dfe7ee; font-size: 13px; display: inline-block; padding: 12px 4px; }
.m-header-lang a.current { color: #fff; font-weight: bold; }
.m-record-title { display: flex; align-items: center; gap: 8px; padding: 12px 16px; background: #fff;
  border-bottom: 1px solid #e3e7e8; font-size: 18px; font-weight: bold; }
.m-app-icon { width: 28px; height: 28px; border-radius: 6px; color: #fff; display: inline-flex;
  align-items: center; justify-content: center; font-size: 14px; }
#${MOBILE_HEADER_SPACE_ID} { background: #fff; border-bottom: 1px solid #e3e7e8; }
#${MOBILE_HEADER_SPACE_ID}:empty { display: none; }
.m-fields { margin: 12px 0; background: #fff; }
.m-field { padding: 10px 16px; border-bottom: 1px solid #eef1f2; overflow-wrap: anywhere; }
.m-field-label { color: #888; font-size: 13px; margin-bottom: 4px; }
.m-field img { max-width: 100%; height: auto; }
.m-field .subtable-wrap, .m-field table { display: block; max-width: 100%; overflow-x: auto; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 11px; background: #eef1f2; font-size: 13px; }
`;

function renderMobilePage(input: {
  title: string;
  user: LoginUser;
  languageUrl: (language: "ja" | "en") => string;
  appId: string;
  appName: string;
  fields: FieldDef[];
  record: KintoneRecord;
  context: PageContext;
  styles: string[];
}): string {
  const t = texts(input.user);
  const fields: SafeHtml[] = userFields(input.fields).map(
    (def) =>
      html`<div class="m-field control" data-field="${def.code}">
        <div class="m-field-label control-label">${def.label}</div>
        <div class="control-value">
          ${renderFieldValue(input.record[def.code], def, input.user, false)}
        </div>
      </div>`,
  );
  return html`<!doctype html>
    <html lang="${input.user.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} - kintone</title>
        <style>
          ${MOBILE_STYLES}
        </style>
        ${input.styles.map((href) => html`<link rel="stylesheet" href="${href}" /> `)}
        <script type="application/json" id="${PAGE_CONTEXT_ELEMENT_ID}">
          ${jsonForScript(input.context)}
        </script>
        <script src="${SANDBOX_ROUTES.kintoneScript}"></script>
      </head>
      <body class="kintone-mobile">
        <header class="m-header">
          <a class="m-header-back" href="/k/${input.appId}/" aria-label="${t.backToList}">‹</a>
          <span class="m-header-title">${input.appName}</span>
          <span class="m-header-lang"
            >${languageLink(input, "ja", "日本語")}${languageLink(input, "en", "EN")}</span
          >
        </header>
        <div class="m-record-title">
          <span class="m-app-icon" style="background:${appColor(input.appId)}">▤</span>
          <span>${t.recordNumber}: ${recordNumberOf(input.record)}</span>
        </div>
        <div id="${MOBILE_HEADER_SPACE_ID}"></div>
        <main class="m-fields">${fields}</main>
      </body>
    </html>`.value;
}

export function registerMobileRecordPage(router: Router, kit: PageKit): void {
  const { store, manifest, openAppPage, sendMessage, baseContext } = kit;
  router.get("/k/m/:appId/show", (req, res, next) => {
    const appId = String(req.params.appId);
    if (!/^\d+$/.test(appId)) return next();
    const opened = openAppPage(req, res, appId);
    if (opened === undefined) return;
    const { app, t, requestToken } = opened;
    const recordId = queryParam(req, "record") ?? "";
    const record = /^\d+$/.test(recordId) ? store.getRecord(appId, recordId) : undefined;
    if (record === undefined) return sendMessage(req, res, 404, t.recordNotFound);
    const plugin = manifest();
    const scripts = localFiles(plugin.mobile?.js).map(pluginFileUrl);
    const context: PageContext = {
      ...baseContext(appId, app.name, requestToken),
      page: "detail",
      mobile: true,
      pluginScripts: scripts,
      recordId,
      record,
    };
    res
      .status(200)
      .type("html")
      .set("Cache-Control", "no-store")
      .send(
        renderMobilePage({
          title: `${app.name} #${recordId}`,
          user: store.loginUser,
          languageUrl: languageUrl(req),
          appId,
          appName: app.name,
          fields: app.fields,
          record,
          context,
          styles: localFiles(plugin.mobile?.css).map(pluginFileUrl),
        }),
      );
  });
}
