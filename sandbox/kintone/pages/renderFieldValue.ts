/** A record's field values as the sandbox screens show them: numbers, times, links, files, subtables. */
import type { KintoneField, KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { LoginUser } from "../KintoneStore";
import type { FieldDef } from "../store/appDefinition";
import { SANDBOX_ROUTES } from "../browser/PageContext";
import { html, type SafeHtml } from "./html";
import { texts } from "./renderLayout";

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
const STATUS_VALUE = /^[a-z_]{1,40}$/;

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

/** The fields a user fills in: no record number, creator, times, status or categories. */
export function userFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => !SYSTEM_TYPES.has(f.type));
}
