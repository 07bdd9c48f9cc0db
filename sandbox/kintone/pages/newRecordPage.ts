/**
 * The sandbox's "add record" screen, which the list's "+" opens (kintone's `/k/:appId/edit`): a
 * form with the app's fields (text, numbers, drop-downs, dates, and a few rows of each subtable;
 * files are left to the API). Saving adds the record through the store, with kintone's checks,
 * and opens it; a refused record comes back with kintone's messages.
 */
import type { Request, Response, Router } from "express";
import express from "express";
import { KintoneApiError } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import type { FieldDef } from "../store/appDefinition";
import { readSession } from "../KintoneSession";
import { html, type SafeHtml } from "./html";
import type { PageTexts } from "./pageTexts";
import { subtableTable } from "./renderFieldValue";
import { renderAppHeader } from "./renderLayout";

/** Empty subtable rows the form offers; rows left empty are not saved. */
export const NEW_RECORD_SUBTABLE_ROWS = 3;
const EDITABLE_TYPES = new Set([
  "SINGLE_LINE_TEXT",
  "MULTI_LINE_TEXT",
  "NUMBER",
  "LINK",
  "DROP_DOWN",
  "RADIO_BUTTON",
  "DATE",
  "DATETIME",
]);

export interface PageHelpers {
  store: KintoneStore;
  /** The page's session (a new one when the cookie names none); answers its request token. */
  ensureSession(req: Request, res: Response): string;
  applyLanguage(req: Request): void;
  texts(): PageTexts;
  sendPage(
    req: Request,
    res: Response,
    status: number,
    page: { title: string; body: SafeHtml },
  ): void;
  sendMessage(req: Request, res: Response, status: number, message: string): void;
}

function inputFor(def: FieldDef, name: string, value: string): SafeHtml {
  const label = def.label;
  switch (def.type) {
    case "MULTI_LINE_TEXT":
      return html`<textarea name="${name}" aria-label="${label}" rows="3">${value}</textarea>`;
    case "DROP_DOWN":
    case "RADIO_BUTTON":
      return html`<select name="${name}" aria-label="${label}">
        <option value="">-----</option>
        ${(def.options ?? []).map(
          (option) =>
            html`<option value="${option}" ${option === value ? html`selected` : ""}>
              ${option}
            </option>`,
        )}
      </select>`;
    case "NUMBER":
      return html`<input
        type="text"
        inputmode="decimal"
        name="${name}"
        value="${value}"
        aria-label="${label}"
      />`;
    case "DATE":
      return html`<input type="date" name="${name}" value="${value}" aria-label="${label}" />`;
    case "DATETIME":
      return html`<input
        type="datetime-local"
        name="${name}"
        value="${value}"
        aria-label="${label}"
      />`;
    default:
      return html`<input type="text" name="${name}" value="${value}" aria-label="${label}" />`;
  }
}

function fieldRow(def: FieldDef, form: URLSearchParams, problem: string | undefined): SafeHtml {
  if (def.type === "SUBTABLE") {
    const columns = (def.fields ?? []).filter((f) => EDITABLE_TYPES.has(f.type));
    const rows = Array.from({ length: NEW_RECORD_SUBTABLE_ROWS }, (_, row) => row);
    return html`<div class="form-field" data-field="${def.code}">
      <label>${def.label}</label>
      ${subtableTable(columns, rows, (row, c) => {
        const name = `${def.code}.${row}.${c.code}`;
        return html`<td>${inputFor(c, name, form.get(name) ?? "")}</td>`;
      })}
    </div>`;
  }
  return html`<div class="form-field" data-field="${def.code}">
    <label>${def.label}${def.required ? html`<span class="required">*</span>` : ""}</label>
    ${inputFor(def, def.code, form.get(def.code) ?? "")}
    ${problem === undefined ? "" : html`<div class="field-error">${problem}</div>`}
  </div>`;
}

function formFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => EDITABLE_TYPES.has(f.type) || f.type === "SUBTABLE");
}

export function renderNewRecordBody(input: {
  appId: string;
  appName: string;
  fields: FieldDef[];
  requestToken: string;
  t: PageTexts;
  form?: URLSearchParams;
  problems?: Record<string, string>;
  error?: string;
}): SafeHtml {
  const form = input.form ?? new URLSearchParams();
  const { t } = input;
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.newRecord}</span>`,
    ])}
    <form class="content new-record" method="post" action="/k/${input.appId}/edit">
      <input type="hidden" name="__REQUEST_TOKEN__" value="${input.requestToken}" />
      <div class="form-actions">
        <a class="button" href="/k/${input.appId}/">${t.cancel}</a>
        <button type="submit" class="button primary" id="save-record">${t.save}</button>
      </div>
      ${input.error === undefined ? "" : html`<div class="notice error" role="alert">${input.error}</div>`}
      ${formFields(input.fields).map((def) => fieldRow(def, form, input.problems?.[def.code]))}
    </form>`;
}

/** "2026-12-08T14:30" on the wall clock of `timeZone`, as the UTC instant kintone keeps. */
export function wallClockToUtc(local: string, timeZone: string): string {
  const guess = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(guess);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const shown = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
  );
  return new Date(2 * guess.getTime() - shown).toISOString();
}

/** A datetime-local value is read on the login user's clock, as kintone's form reads it. */
function fieldValue(def: FieldDef, text: string, timeZone: string): string {
  return def.type === "DATETIME" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)
    ? wallClockToUtc(text, timeZone)
    : text;
}

/** The REST record the form describes: filled fields only, non-empty subtable rows only. */
export function recordFromForm(
  fields: FieldDef[],
  form: URLSearchParams,
  timeZone: string,
): Record<string, { value: unknown }> {
  const record: Record<string, { value: unknown }> = {};
  for (const def of formFields(fields)) {
    if (def.type !== "SUBTABLE") {
      const text = form.get(def.code) ?? "";
      if (text !== "") record[def.code] = { value: fieldValue(def, text, timeZone) };
      continue;
    }
    const rows: Array<{ value: Record<string, { value: unknown }> }> = [];
    for (let row = 0; row < NEW_RECORD_SUBTABLE_ROWS; row++) {
      const cells: Record<string, { value: unknown }> = {};
      for (const column of def.fields ?? []) {
        const text = form.get(`${def.code}.${row}.${column.code}`) ?? "";
        if (text !== "") cells[column.code] = { value: fieldValue(column, text, timeZone) };
      }
      if (Object.keys(cells).length > 0) rows.push({ value: cells });
    }
    record[def.code] = { value: rows };
  }
  return record;
}

/** kintone's `records[0].<code>.value` paths, as the field's own problems. */
function problemsByField(error: KintoneApiError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [key, detail] of Object.entries(error.errors ?? {})) {
    const code = /^(?:record\.)?([A-Za-z0-9_]+)/.exec(key.replace(/^records\[\d+\]\./, ""))?.[1];
    if (code !== undefined) problems[code] = detail.messages.join(" ");
  }
  return problems;
}

export function registerNewRecordPage(router: Router, helpers: PageHelpers): void {
  const { store } = helpers;
  const form = express.urlencoded({ extended: false, limit: "1mb" });

  router.get("/k/:appId/edit", (req, res) => {
    helpers.applyLanguage(req);
    const requestToken = helpers.ensureSession(req, res);
    const appId = String(req.params.appId);
    const app = store.getApp(appId);
    const t = helpers.texts();
    if (app === undefined) return helpers.sendMessage(req, res, 404, t.appNotFound);
    helpers.sendPage(req, res, 200, {
      title: `${app.name} - ${t.newRecord}`,
      body: renderNewRecordBody({ appId, appName: app.name, fields: app.fields, requestToken, t }),
    });
  });

  router.post("/k/:appId/edit", form, (req, res) => {
    const appId = String(req.params.appId);
    const app = store.getApp(appId);
    const t = helpers.texts();
    if (app === undefined) return helpers.sendMessage(req, res, 404, t.appNotFound);
    const body = new URLSearchParams(req.body as Record<string, string>);
    const session = readSession(store, req.get("Cookie"));
    if (session === undefined || body.get("__REQUEST_TOKEN__") !== session.requestToken) {
      return helpers.sendMessage(req, res, 400, t.staleForm);
    }
    try {
      const [id] = store.addRecords(appId, [
        recordFromForm(app.fields, body, store.loginUser.timezone),
      ]).ids;
      res.redirect(303, `/k/${appId}/show#record=${id}`);
    } catch (error) {
      if (!(error instanceof KintoneApiError)) throw error;
      helpers.sendPage(req, res, 400, {
        title: `${app.name} - ${t.newRecord}`,
        body: renderNewRecordBody({
          appId,
          appName: app.name,
          fields: app.fields,
          requestToken: session.requestToken,
          t,
          form: body,
          problems: problemsByField(error),
          error: error.message,
        }),
      });
    }
  });
}
