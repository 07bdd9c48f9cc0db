/**
 * The HTML of the sandbox's kintone screens. Everything from records or settings goes through
 * `html` (escaped); only the plugin's own settings HTML is inserted as it is, as kintone does.
 */
import type { KintoneField, KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { FieldDef, LoginUser } from "../KintoneStore";
import { PAGE_CONTEXT_ELEMENT_ID, SANDBOX_ROUTES, type PageContext } from "../browser/PageContext";
import { html, jsonForScript, raw, type SafeHtml } from "./html";
import { PAGE_TEXTS, type PageTexts } from "./pageTexts";

const SYSTEM_TYPES = new Set([
  "RECORD_NUMBER",
  "CREATOR",
  "CREATED_TIME",
  "MODIFIER",
  "UPDATED_TIME",
  "__ID__",
  "__REVISION__",
  "STATUS",
  "STATUS_ASSIGNEE",
  "CATEGORY",
]);
const APP_COLORS = ["#3498db", "#e67e22", "#27ae60", "#8e44ad", "#e74c3c", "#16a085"];
const STATUS_VALUE = /^[a-z_]{1,40}$/;

export interface LayoutInput {
  title: string;
  user: LoginUser;
  /** The current page's URL with `lang` set, for the language switch. */
  languageUrl: (language: "ja" | "en") => string;
  body: SafeHtml;
  styles?: string[];
  context?: PageContext;
}

export function texts(user: LoginUser): PageTexts {
  return PAGE_TEXTS[user.language];
}

export function appColor(appId: string): string {
  return APP_COLORS[Number(appId) % APP_COLORS.length] ?? "#3498db";
}

export function renderLayout(input: LayoutInput): string {
  const t = texts(input.user);
  const languageLink = (language: "ja" | "en", label: string) =>
    html`<a
      href="${input.languageUrl(language)}"
      class="${input.user.language === language ? "current" : ""}"
      >${label}</a
    >`;
  return html`<!doctype html>
    <html lang="${input.user.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} - kintone</title>
        <link rel="stylesheet" href="/k/_sandbox/kintone.css" />
        ${(input.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}" /> `)}
        ${
          input.context === undefined
            ? ""
            : html`<script type="application/json" id="${PAGE_CONTEXT_ELEMENT_ID}">
                  ${jsonForScript(input.context)}
                </script>
                <script src="${SANDBOX_ROUTES.kintoneScript}"></script>`
        }
      </head>
      <body>
        <header class="gaia-header">
          <a class="gaia-header-logo" href="/"><span class="k">k</span>kintone</a>
          <span class="gaia-header-badge">${t.sandbox}</span>
          <span class="gaia-header-spacer"></span>
          <input class="gaia-header-search" type="search" placeholder="${t.search}" disabled />
          <span class="gaia-header-user">
            <span class="gaia-header-avatar">${input.user.name.slice(0, 1)}</span>${input.user.name}
            <span class="gaia-header-lang"
              >${languageLink("ja", "日本語")}${languageLink("en", "English")}</span
            >
          </span>
        </header>
        ${input.body}
      </body>
    </html> `.value;
}

export function renderAppHeader(
  appId: string,
  appName: string,
  t: PageTexts,
  crumbs: SafeHtml[] = [],
): SafeHtml {
  return html`<div class="app-header">
    <div class="breadcrumb">
      <a href="/">${t.portal}</a>${crumbs.map((c) => html`<span class="sep">›</span>${c}`)}
    </div>
    <div class="app-title">
      <span class="app-icon" style="background:${appColor(appId)}">▤</span
      ><span class="app-name">${appName}</span>
    </div>
  </div>`;
}

function fileUrl(fileKey: string): string {
  return `${SANDBOX_ROUTES.file}?fileKey=${encodeURIComponent(fileKey)}`;
}

function formatNumber(value: string, def: FieldDef | undefined): string {
  if (value === "") return "";
  let text = value;
  if (def?.digit) {
    const [whole = "", fraction] = value.split(".");
    text =
      whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction === undefined ? "" : `.${fraction}`);
  }
  return def?.unit ? `${text} ${def.unit}` : text;
}

function formatDateTime(value: string, user: LoginUser): string {
  if (value === "") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(user.language === "ja" ? "ja-JP" : "en-US", {
    timeZone: user.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

function renderLink(value: string, def: FieldDef | undefined): SafeHtml {
  if (value === "") return html``;
  if (def?.protocol === "MAIL") return html`<a href="mailto:${value}">${value}</a>`;
  if (def?.protocol === "CALL") return html`<a href="tel:${value}">${value}</a>`;
  // Only http(s) becomes a link: a `javascript:` value stays text.
  return /^https?:\/\//i.test(value)
    ? html`<a href="${value}" target="_blank" rel="noopener noreferrer">${value}</a>`
    : html`${value}`;
}

export function renderFieldValue(
  field: KintoneField | undefined,
  def: FieldDef | undefined,
  user: LoginUser,
  inList: boolean,
): SafeHtml {
  if (field === undefined) return html``;
  switch (field.type) {
    case "NUMBER":
    case "CALC":
      return html`${formatNumber(field.value, def)}`;
    case "DATETIME":
    case "CREATED_TIME":
    case "UPDATED_TIME":
      return html`${formatDateTime(field.value, user)}`;
    case "LINK":
      return renderLink(field.value, def);
    case "DROP_DOWN":
    case "RADIO_BUTTON":
      return STATUS_VALUE.test(field.value)
        ? html`<span class="pill pill-${field.value}">${field.value}</span>`
        : html`${field.value}`;
    case "CHECK_BOX":
    case "MULTI_SELECT":
    case "CATEGORY":
      return html`${field.value.join(", ")}`;
    case "CREATOR":
    case "MODIFIER":
      return html`${field.value.name}`;
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
    case "STATUS_ASSIGNEE":
      return html`${field.value.map((e) => e.name).join(", ")}`;
    case "FILE":
      return html`${field.value.map((file) =>
        file.contentType.startsWith("image/")
          ? html`<img
              class="${inList ? "thumb" : ""}"
              src="${fileUrl(file.fileKey)}"
              alt="${file.name}"
              title="${file.name}"
            />`
          : html`<a href="${fileUrl(file.fileKey)}">${file.name}</a> `,
      )}`;
    case "SUBTABLE":
      return inList
        ? html`${texts(user).rows(field.value.length)}`
        : renderSubtable(field.value, def, user);
    case "MULTI_LINE_TEXT":
      return inList ? html`${field.value}` : html`<span class="multiline">${field.value}</span>`;
    default:
      return html`${field.value}`;
  }
}

function renderSubtable(
  rows: Extract<KintoneField, { type: "SUBTABLE" }>["value"],
  def: FieldDef | undefined,
  user: LoginUser,
): SafeHtml {
  return subtableTable(
    def?.fields ?? [],
    rows,
    (row, c) =>
      html`<td class="${c.type === "NUMBER" ? "number" : ""}">
        ${renderFieldValue(row.value[c.code], c, user, false)}
      </td>`,
  );
}

/** A subtable's table: a title per column, a line per row, each cell as `cell` draws it. */
export function subtableTable<Row>(
  columns: FieldDef[],
  rows: Row[],
  cell: (row: Row, column: FieldDef, index: number) => SafeHtml,
): SafeHtml {
  return html`<table class="subtable">
    <thead>
      <tr>
        ${columns.map((c) => html`<th>${c.label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row, index) =>
          html`<tr>
            ${columns.map((c) => cell(row, c, index))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function recordNumberOf(record: KintoneRecord): string {
  const numberField = Object.values(record).find((f) => f.type === "RECORD_NUMBER");
  const id = record.$id;
  return String(numberField?.value ?? (id?.type === "__ID__" ? id.value : ""));
}

export function userFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => !SYSTEM_TYPES.has(f.type));
}

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

export interface SettingsPageInput {
  appId: string;
  appName: string;
  pluginName: string;
  pluginDescription: string;
  configHtml: string;
  user: LoginUser;
}

export function renderSettingsBody(input: SettingsPageInput): SafeHtml {
  const t = texts(input.user);
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.appSettings}</span>`,
      html`<a href="/k/admin/app/${input.appId}/plugin/">${t.plugins}</a>`,
      html`<span>${input.pluginName}</span>`,
    ])}
    <div class="settings-frame">
      <div class="settings-title">
        <h1>${input.pluginName}</h1>
        <p>${input.pluginDescription}</p>
      </div>
      <div id="plugin-config-root" class="plugin-config-root">${raw(input.configHtml)}</div>
    </div>`;
}

export interface PluginListPageInput {
  appId: string;
  appName: string;
  pluginName: string;
  pluginDescription: string;
  iconUrl?: string;
  settingsUrl: string;
  saved: boolean;
  user: LoginUser;
  /** kintone's "Update App" button (updateAppAction.ts). */
  updateAppButton?: SafeHtml;
}

export function renderPluginListBody(input: PluginListPageInput): SafeHtml {
  const t = texts(input.user);
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.appSettings}</span>`,
      html`<span>${t.plugins}</span>`,
    ])}
    ${input.updateAppButton ?? ""}
    ${input.saved ? html`<div class="notice" id="settings-saved">${t.settingsSaved}</div>` : ""}
    <div class="settings-frame">
      <div class="plugin-row">
        ${input.iconUrl === undefined ? "" : html`<img src="${input.iconUrl}" alt="" />`}
        <div>
          <div class="name">${input.pluginName}</div>
          <div class="desc">${input.pluginDescription}</div>
        </div>
        <span class="toolbar-spacer"></span>
        <a href="${input.settingsUrl}">⚙ ${t.openSettings}</a>
      </div>
    </div>`;
}

export interface IndexPageInput {
  apps: Array<{ id: string; name: string; recordCount: number }>;
  links: Array<{ label: string; url: string }>;
  pluginSettingsUrl: (appId: string) => string;
  user: LoginUser;
}

export function renderIndexBody(input: IndexPageInput): SafeHtml {
  const t = texts(input.user);
  return html`<div class="portal">
    <h2>${t.apps}</h2>
    <div class="app-cards">
      ${input.apps.map(
        (app) =>
          html`<div class="app-card">
            <span class="app-icon" style="background:${appColor(app.id)}">▤</span>
            <div>
              <a class="app-link" href="/k/${app.id}/"><strong>${app.name}</strong></a>
              <span class="record-count">(${app.recordCount})</span>
              <div class="links">
                <a href="/k/${app.id}/">${t.recordList}</a
                ><a href="${input.pluginSettingsUrl(app.id)}">${t.pluginSettings}</a>
              </div>
            </div>
          </div>`,
      )}
    </div>
    ${
      input.links.length === 0
        ? ""
        : html`<div class="portal-links">
            <strong>${t.otherServices}</strong>
            <ul>
              ${input.links.map((l) => html`<li>${l.label}: <a href="${l.url}">${l.url}</a></li>`)}
            </ul>
          </div>`
    }
  </div>`;
}

export function renderMessageBody(message: string, t: PageTexts): SafeHtml {
  return html`<div class="content">
    <div class="empty">
      <p>${message}</p>
      <p><a href="/">${t.portal}</a></p>
    </div>
  </div>`;
}
