/** A record's detail HTML: its number and every field a user fills in. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { LoginUser } from "../KintoneStore";
import type { FieldDef } from "../store/appDefinition";
import { html, type SafeHtml } from "./html";
import { recordNumberOf, renderFieldValue, userFields } from "./renderFieldValue";
import { renderAppHeader, texts } from "./renderLayout";

export interface DetailPageInput {
  appId: string;
  appName: string;
  fields: FieldDef[];
  record: KintoneRecord;
  user: LoginUser;
}

export function renderDetailBody(input: DetailPageInput): SafeHtml {
  const t = texts(input.user);
  const number = recordNumberOf(input.record);
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.recordNumber}: ${number}</span>`,
    ])}
    <div class="record-header">
      <a class="record-nav" href="/k/${input.appId}/">‹ ${t.backToList}</a>
      <div id="kintone-record-header-menu-space" class="header-menu-space"></div>
    </div>
    <div class="record-body">
      <div class="control">
        <div class="control-label">${t.recordNumber}</div>
        <div class="control-value record-number">${number}</div>
      </div>
      ${userFields(input.fields).map(
        (def) =>
          html`<div
            class="control ${["SUBTABLE", "MULTI_LINE_TEXT", "FILE", "RICH_TEXT"].includes(def.type) ? "wide" : ""}"
            data-field="${def.code}"
          >
            <div class="control-label">${def.label}</div>
            <div class="control-value">
              ${renderFieldValue(input.record[def.code], def, input.user, false)}
            </div>
          </div>`,
      )}
    </div>`;
}
