/** The record list's HTML: views, toolbar, pager, and a sortable table of the records. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { LoginUser } from "../KintoneStore";
import type { FieldDef } from "../store/appDefinition";
import { html, raw, type SafeHtml } from "./html";
import { recordNumberOf, renderFieldValue, userFields } from "./renderFieldValue";
import { renderAppHeader, texts } from "./renderLayout";

export interface ListPageInput {
  appId: string;
  appName: string;
  fields: FieldDef[];
  views: Array<{ id: string; name: string }>;
  viewId: string;
  records: KintoneRecord[];
  offset: number;
  size: number;
  totalCount: number;
  user: LoginUser;
  viewUrl: (viewId: string) => string;
  pageUrl: (offset: number) => string;
  /** The order shown, e.g. "price asc". */
  sort: string;
  sortUrl: (fieldCode: string) => string;
  settingsUrl: string;
  error?: string;
  /** A confirmation shown above the list (e.g. after Update App). */
  notice?: string;
}

export function renderListBody(input: ListPageInput): SafeHtml {
  const t = texts(input.user);
  const columns = userFields(input.fields).filter((f) => f.type !== "MULTI_LINE_TEXT");
  const from = input.totalCount === 0 ? 0 : input.offset + 1;
  const to = input.offset + input.records.length;
  const hasPrevious = input.offset > 0;
  const hasNext = to < input.totalCount;
  const pager = html`<div class="pager">
    <span class="pager-range">${t.records(from, to, input.totalCount)}</span>
    ${hasPrevious ? html`<a href="${input.pageUrl(Math.max(0, input.offset - input.size))}" title="${t.previous}" class="pager-prev">‹</a>` : html`<span class="disabled">‹</span>`}
    ${hasNext ? html`<a href="${input.pageUrl(input.offset + input.size)}" title="${t.next}" class="pager-next">›</a>` : html`<span class="disabled">›</span>`}
  </div>`;
  const rows = input.records.map((record) => {
    const id = record.$id?.value ?? "";
    return html`<tr class="recordlist-row" data-record-id="${String(id)}">
      <td>
        <a
          class="detail-link"
          href="/k/${input.appId}/show#record=${String(id)}"
          title="${t.recordList}"
          >☰</a
        >
      </td>
      <td class="number record-number">${recordNumberOf(record)}</td>
      ${columns.map(
        (def) =>
          html`<td class="${def.type === "NUMBER" ? "number" : ""}" data-field="${def.code}">
            ${renderFieldValue(record[def.code], def, input.user, true)}
          </td>`,
      )}
    </tr>`;
  });
  return html`${renderAppHeader(input.appId, input.appName, t, [html`<span>${input.appName}</span>`])}
    <div class="toolbar">
      <div class="view-selector">
        <select aria-label="view">
          ${input.views.map((v) => html`<option value="${input.viewUrl(v.id)}" ${v.id === input.viewId ? raw("selected") : ""}>${v.name}</option>`)}
        </select>
      </div>
      <span class="toolbar-icon" title="filter">⚲</span>
      <div id="kintone-header-menu-space" class="header-menu-space"></div>
      <span class="toolbar-spacer"></span>
      <a class="add-record" href="/k/${input.appId}/edit" title="${t.addRecord}">+</a>
      <a class="gear" href="${input.settingsUrl}" title="${t.pluginSettings}">⚙</a>
    </div>
    <div id="kintone-header-space" class="header-space"></div>
    <div class="content">
      ${input.notice === undefined ? "" : html`<div class="notice" id="list-notice" role="status">${input.notice}</div>`}
      ${input.error === undefined ? "" : html`<div class="notice" style="background:#fdecea;color:#b03a2e;border-color:#f5c6c0">${input.error}</div>`}
      ${pager}
      <div class="recordlist-wrap">
        ${
          input.records.length === 0
            ? html`<div class="empty">${t.noRecords}</div>`
            : html`<table class="recordlist">
                <thead>
                  <tr>
                    <th></th>
                    <th>${t.recordNumber}</th>
                    ${columns.map((c) => renderColumnTitle(c, input))}
                  </tr>
                </thead>
                <tbody>
                  ${rows}
                </tbody>
              </table>`
        }
      </div>
    </div>`;
}

/** Column titles sort on click, as kintone's table view does (not subtables or files). */
function renderColumnTitle(def: FieldDef, input: ListPageInput): SafeHtml {
  if (def.type === "SUBTABLE" || def.type === "FILE") return html`<th>${def.label}</th>`;
  const mark =
    input.sort === `${def.code} asc` ? " ▲" : input.sort === `${def.code} desc` ? " ▼" : "";
  return html`<th>
    <a class="sort-link" href="${input.sortUrl(def.code)}">${def.label}${mark}</a>
  </th>`;
}
