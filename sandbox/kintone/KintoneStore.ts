/**
 * The kintone emulator's state: apps with their form, views and API tokens, records with revisions,
 * uploaded files, sessions and cursors. The REST layer (KintoneEmulator) and the pages both use it.
 *
 * Field values are kept and returned as kintone's REST API does
 * (https://cybozu.dev/ja/kintone/docs/overview/field-types/): strings for NUMBER and CALC, arrays
 * for CHECK_BOX/MULTI_SELECT, `{ code, name }` entities, FILE values `[{ contentType, fileKey, name, size }]`,
 * SUBTABLE rows `{ id, value }`. Writes are validated as kintone does where it is cheap; see `normalizeInput`.
 *
 * Deliberate differences from kintone, documented here once:
 * - CALC fields are stored as written (kintone computes them and ignores writes); seeds set them.
 * - LINK values are stored as text without checking the protocol's format.
 * - DATETIME values are normalised to UTC with seconds set to 00, as kintone returns them.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type {
  KintoneEntity,
  KintoneField,
  KintoneFile,
  KintoneRecord,
  KintoneSubtableRow,
} from "../../core/kintone/KintoneRecord";
import {
  KintoneApiError,
  addError,
  invalidInput,
  type KintoneErrorDetails,
} from "./KintoneApiError";
import type { PageLoginUser } from "./browser/PageContext";
import { runKintoneQuery, type QueryContext, type QueryFieldInfo } from "./KintoneQuery";

export interface FieldDef {
  code: string;
  label: string;
  type: string;
  options?: string[];
  fields?: FieldDef[];
  unit?: string;
  digit?: boolean;
  displayScale?: string;
  protocol?: "WEB" | "MAIL" | "CALL";
  /** kintone's "required field" setting: writes that leave it empty fail with CB_VA01. */
  required?: boolean;
  /** kintone's "prohibit duplicate values": writes that repeat another record's value fail with CB_VA01. */
  unique?: boolean;
  /** Value given to new records that do not set the field. */
  defaultValue?: unknown;
}

export interface ApiTokenDef {
  token: string;
  /** `manage` (app management) is needed to read views; optional, default false. */
  rights: { view: boolean; add: boolean; edit: boolean; delete: boolean; manage?: boolean };
}

export interface ViewDef {
  id?: string;
  name: string;
  condition: string;
  sort?: string;
}

export interface AppDefinition {
  id?: string;
  name: string;
  fields: FieldDef[];
  records?: Array<Record<string, { value: unknown }>>;
  apiTokens?: ApiTokenDef[];
  views?: ViewDef[];
}

/** The signed-in user, as the pages show it in `kintone.getLoginUser()`. */
export type LoginUser = PageLoginUser;

export interface AppInfo {
  id: string;
  name: string;
  fields: FieldDef[];
  views: Array<Required<Omit<ViewDef, "sort">> & { sort: string; index: string }>;
  apiTokens: ApiTokenDef[];
  createdAt: string;
  modifiedAt: string;
}

export interface RecordUpdate {
  id: string;
  record: Record<string, { value: unknown }>;
  revision?: string | number;
}

export interface StoredFile {
  bytes: Uint8Array;
  name: string;
  contentType: string;
}

/** A cursor of the cursor API: the matched record ids, fetched `size` at a time. */
export interface KintoneCursor {
  id: string;
  appId: string;
  recordIds: string[];
  fields?: string[];
  size: number;
  position: number;
  expiresAt: number;
}

interface StoredRecord {
  id: number;
  revision: number;
  values: Record<string, unknown>;
  creator: KintoneEntity;
  modifier: KintoneEntity;
  createdAt: string;
  updatedAt: string;
  /** The REST shape, built on first read and dropped on every write; never handed out uncopied. */
  view?: KintoneRecord;
}

/** What `captureState` answers: plain data (Maps and bytes aside) to save as JSON. */
export interface KintoneStoreState {
  apps: Array<{ info: AppInfo; records: StoredRecord[]; nextRecordId: number }>;
  files: Array<StoredFile & { fileKey: string; temporary: boolean; createdAt: number }>;
  nextAppId: number;
  nextRowId: number;
  loginUser: LoginUser;
}

interface AppState {
  info: AppInfo;
  records: Map<number, StoredRecord>;
  nextRecordId: number;
}

/** System fields every app has, with the codes kintone gives them in an app created in English. */
const SYSTEM_FIELDS: FieldDef[] = [
  { code: "Record_number", label: "Record number", type: "RECORD_NUMBER" },
  { code: "Created_by", label: "Created by", type: "CREATOR" },
  { code: "Created_datetime", label: "Created datetime", type: "CREATED_TIME" },
  { code: "Updated_by", label: "Updated by", type: "MODIFIER" },
  { code: "Updated_datetime", label: "Updated datetime", type: "UPDATED_TIME" },
];
const SYSTEM_TYPES = new Set(SYSTEM_FIELDS.map((f) => f.type));

/** Temporary file keys from POST /k/v1/file.json live three days (https://cybozu.dev/ja/kintone/docs/rest-api/files/upload-file/). */
const TEMPORARY_FILE_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
/** Cursors expire 10 minutes after their last use; a domain holds at most 10 (https://cybozu.dev/ja/kintone/docs/rest-api/records/create-cursor/). */
export const CURSOR_LIFETIME_MS = 10 * 60 * 1000;
export const MAX_CURSORS = 10;

/** kintone's DATETIME format on output: UTC, minute precision. */
function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00Z`;
}

const DATETIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function parseDateTime(text: string): Date | undefined {
  const match = DATETIME_PATTERN.exec(text);
  if (!match) return undefined;
  const zone = match[5] ?? "Z";
  const normalisedZone =
    zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4] ?? "00"}${normalisedZone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function randomKey(): string {
  return randomBytes(18).toString("hex");
}

/** A list-valued field's input: absent is empty; anything but an array is an error. */
function listInput(
  value: unknown,
  path: string,
  errors: KintoneErrorDetails,
): unknown[] | undefined {
  const list = value === undefined || value === null ? [] : value;
  if (Array.isArray(list)) return list as unknown[];
  addError(errors, path, "Must be an array.");
  return undefined;
}

/** The login user's time zone: the pages show times on this clock (the sandbox's). */
export const LOGIN_USER_TIME_ZONE = "Asia/Tokyo";

export class KintoneStore {
  loginUser: LoginUser = {
    id: "1",
    code: "Administrator",
    name: "Administrator",
    email: "admin@example.com",
    language: "ja",
    timezone: LOGIN_USER_TIME_ZONE,
  };

  /** The user records written through API tokens are attributed to. */
  apiTokenUser: KintoneEntity = { code: "Administrator", name: "Administrator" };

  /** The emulator's clock; tests replace it to expire cursors and temporary files. */
  now: () => Date = () => new Date();

  private readonly apps = new Map<string, AppState>();
  private readonly files = new Map<
    string,
    StoredFile & { temporary: boolean; createdAt: number }
  >();
  private readonly sessions = new Map<string, { requestToken: string }>();
  private readonly cursors = new Map<string, KintoneCursor>();
  /** Temporary file keys attached by the write being validated; consumed only if the write succeeds. */
  private attachedTemporaryKeys: string[] = [];
  /** Whether the write being validated adds or updates (unknown codes are ignored, or refused). */
  private writing: "add" | "update" = "add";
  private nextAppId = 1;
  private nextRowId = 1;

  constructor(apps: AppDefinition[] = []) {
    for (const app of apps) this.createApp(app);
  }

  // ---- apps ----

  createApp(def: AppDefinition): { id: string } {
    const id = def.id ?? String(this.nextAppId);
    if (this.apps.has(id)) throw new Error(`kintone emulator: app ${id} exists already`);
    if (/^\d+$/.test(id)) this.nextAppId = Math.max(this.nextAppId, Number(id) + 1);
    const missingSystem = SYSTEM_FIELDS.filter(
      (sys) => !def.fields.some((f) => f.type === sys.type),
    );
    const at = this.now().toISOString();
    const info: AppInfo = {
      id,
      name: def.name,
      fields: [...def.fields, ...missingSystem],
      views: (def.views ?? []).map((view, index) => ({
        id: view.id ?? String(1000 + index),
        name: view.name,
        condition: view.condition,
        sort: view.sort ?? "Record_number desc",
        index: String(index),
      })),
      apiTokens: def.apiTokens ?? [],
      createdAt: at,
      modifiedAt: at,
    };
    this.apps.set(id, { info, records: new Map(), nextRecordId: 1 });
    if (def.records?.length) this.addRecords(id, def.records);
    return { id };
  }

  getApp(appId: string): AppInfo | undefined {
    return this.apps.get(String(appId))?.info;
  }

  listApps(): { id: string; name: string }[] {
    return [...this.apps.values()].map(({ info }) => ({ id: info.id, name: info.name }));
  }

  /** The app, or kintone's `GAIA_AP01` (404). */
  requireApp(appId: string): AppInfo {
    return this.appState(appId).info;
  }

  /** The app and rights an API token grants, if some app issued it. */
  findApiToken(token: string): { appId: string; rights: ApiTokenDef["rights"] } | undefined {
    for (const { info } of this.apps.values()) {
      const found = info.apiTokens.find((t) => t.token === token);
      if (found) return { appId: info.id, rights: found.rights };
    }
    return undefined;
  }

  /** What the query language needs to know about a field code of the app. */
  queryField(appId: string, code: string): QueryFieldInfo | undefined {
    if (code === "$id") return { type: "__ID__" };
    if (code === "$revision") return { type: "__REVISION__" };
    const info = this.requireApp(appId);
    for (const field of info.fields) {
      if (field.code === code)
        return { type: field.type, ...(field.options ? { options: field.options } : {}) };
      if (field.type === "SUBTABLE") {
        const column = field.fields?.find((c) => c.code === code);
        if (column) {
          return {
            type: column.type,
            subtable: field.code,
            ...(column.options ? { options: column.options } : {}),
          };
        }
      }
    }
    return undefined;
  }

  // ---- records ----

  addRecords(
    appId: string,
    records: Array<Record<string, { value: unknown }>>,
    actor?: KintoneEntity,
  ): { ids: string[]; revisions: string[] } {
    const app = this.appState(appId);
    const errors: KintoneErrorDetails = {};
    this.attachedTemporaryKeys = [];
    this.writing = "add";
    const normalised = records.map((record, index) =>
      this.normalizeInput(app.info, record ?? {}, undefined, `records[${index}]`, errors),
    );
    checkUniqueValues(
      app,
      normalised.map(({ values }, index) => ({ values, path: `records[${index}]` })),
      errors,
    );
    this.finishAttachments(errors);
    const user = actor ?? this.userEntity();
    const at = formatInstant(this.now());
    const ids: string[] = [];
    const revisions: string[] = [];
    for (const { values, system } of normalised) {
      const id = app.nextRecordId++;
      app.records.set(id, {
        id,
        revision: 1,
        values,
        creator: system.creator ?? user,
        modifier: system.modifier ?? system.creator ?? user,
        createdAt: system.createdAt ?? at,
        updatedAt: system.updatedAt ?? system.createdAt ?? at,
      });
      ids.push(String(id));
      revisions.push("1");
    }
    return { ids, revisions };
  }

  /** The record in REST shape, or undefined when the app or the record does not exist. */
  getRecord(appId: string, id: string): KintoneRecord | undefined {
    const app = this.apps.get(String(appId));
    if (!app) return undefined;
    const stored = app.records.get(Number(id));
    return stored && /^\d+$/.test(String(id)) ? this.toRestRecord(app.info, stored) : undefined;
  }

  /** GET /k/v1/records.json semantics: full query including order by/limit/offset; throws KintoneApiError on a bad query. */
  queryRecords(
    appId: string,
    query: string,
    fields?: string[],
  ): { records: KintoneRecord[]; totalCount: number } {
    const { records, totalCount } = this.runQuery(appId, query, true);
    return { records: records.map((r) => pickFields(r, fields)), totalCount };
  }

  /** Every record matching `query`'s condition and order; `limit`/`offset` not allowed (as the cursor API). */
  queryAllRecordIds(appId: string, query: string): string[] {
    const { records, parsed } = this.runQuery(appId, query, false);
    if (parsed.limit !== undefined || parsed.offset !== undefined) {
      throw invalidInput({
        query: { messages: ["limit and offset cannot be used in a cursor's query."] },
      });
    }
    return records.map((r) => String(r.$id?.value));
  }

  updateRecord(
    appId: string,
    id: string,
    record: Record<string, { value: unknown }>,
    revision?: string,
    actor?: KintoneEntity,
  ): { revision: string } {
    const [result] = this.updateRecords(
      appId,
      [{ id, record, ...(revision !== undefined ? { revision } : {}) }],
      actor,
      "record",
    );
    return { revision: (result as { revision: string }).revision };
  }

  /**
   * Updates records all-or-nothing, as PUT /k/v1/records.json: a missing record (GAIA_RE01), a stale
   * revision (GAIA_CO02) or an invalid value (CB_VA01) anywhere writes nothing.
   */
  updateRecords(
    appId: string,
    updates: RecordUpdate[],
    actor?: KintoneEntity,
    errorPrefix: "record" | "records" = "records",
  ): { id: string; revision: string }[] {
    const app = this.appState(appId);
    const errors: KintoneErrorDetails = {};
    this.attachedTemporaryKeys = [];
    this.writing = "update";
    const prepared = updates.map((update, index) => {
      const stored = /^\d+$/.test(String(update.id))
        ? app.records.get(Number(update.id))
        : undefined;
      if (!stored) throw recordNotFound(String(update.id));
      const revisionPath = errorPrefix === "record" ? "revision" : `records[${index}].revision`;
      if (
        update.revision !== undefined &&
        update.revision !== null &&
        !/^-?\d+$/.test(String(update.revision))
      ) {
        throw invalidInput({ [revisionPath]: { messages: ["Enter an integer value."] } });
      }
      const expected =
        update.revision === undefined || update.revision === null ? -1 : Number(update.revision);
      if (expected !== -1 && expected !== stored.revision) {
        throw new KintoneApiError(
          409,
          "GAIA_CO02",
          "The revision is not the latest. Someone may update a record.",
        );
      }
      const path = errorPrefix === "record" ? "record" : `records[${index}]`;
      const { values } = this.normalizeInput(app.info, update.record ?? {}, stored, path, errors);
      return { stored, values, path };
    });
    checkUniqueValues(
      app,
      prepared.map(({ stored, values, path }) => ({ id: stored.id, values, path })),
      errors,
    );
    this.finishAttachments(errors);
    const user = actor ?? this.userEntity();
    const at = formatInstant(this.now());
    return prepared.map(({ stored, values }) => {
      stored.values = values;
      stored.view = undefined;
      stored.revision++;
      stored.modifier = user;
      stored.updatedAt = at;
      return { id: String(stored.id), revision: String(stored.revision) };
    });
  }

  /** Deletes records all-or-nothing, as DELETE /k/v1/records.json. */
  deleteRecords(appId: string, ids: string[], revisions?: Array<string | number>): void {
    const app = this.appState(appId);
    const targets = ids.map((id, index) => {
      const stored = /^\d+$/.test(String(id)) ? app.records.get(Number(id)) : undefined;
      if (!stored) throw recordNotFound(String(id));
      const expected = revisions?.[index] === undefined ? -1 : Number(revisions[index]);
      if (expected !== -1 && expected !== stored.revision) {
        throw new KintoneApiError(
          409,
          "GAIA_CO02",
          "The revision is not the latest. Someone may update a record.",
        );
      }
      return stored.id;
    });
    for (const id of targets) app.records.delete(id);
  }

  /** Captures every app's records and the files; the returned function puts them back (all-or-nothing bulk requests). */
  checkpoint(): () => void {
    const apps = [...this.apps.values()].map((app) => ({
      app,
      records: structuredClone(app.records),
      nextRecordId: app.nextRecordId,
    }));
    const files = new Map(this.files);
    const nextRowId = this.nextRowId;
    return () => {
      for (const saved of apps) {
        saved.app.records = saved.records;
        saved.app.nextRecordId = saved.nextRecordId;
      }
      this.files.clear();
      for (const [key, file] of files) this.files.set(key, file);
      this.nextRowId = nextRowId;
    };
  }

  // ---- saved state (the sandbox remembers across restarts) ----

  /** The apps, their records and the files, as `restoreState` takes them back. */
  captureState(): KintoneStoreState {
    return {
      apps: [...this.apps.values()].map((app) => ({
        info: structuredClone(app.info),
        records: [...app.records.values()].map(({ view: _view, ...stored }) =>
          structuredClone(stored),
        ),
        nextRecordId: app.nextRecordId,
      })),
      files: [...this.files.entries()].map(([fileKey, file]) => ({ fileKey, ...file })),
      nextAppId: this.nextAppId,
      nextRowId: this.nextRowId,
      loginUser: { ...this.loginUser },
    };
  }

  /** Replaces every app, record and file with a captured state. */
  restoreState(state: KintoneStoreState): void {
    this.apps.clear();
    for (const app of state.apps) {
      const records = new Map(app.records.map((stored) => [stored.id, { ...stored }]));
      this.apps.set(app.info.id, { info: app.info, records, nextRecordId: app.nextRecordId });
    }
    this.files.clear();
    for (const { fileKey, ...file } of state.files) this.files.set(fileKey, file);
    this.nextAppId = state.nextAppId;
    this.nextRowId = state.nextRowId;
    this.loginUser = { ...state.loginUser };
  }

  // ---- files ----

  /** Like POST /k/v1/file.json: keeps the bytes under a temporary fileKey that a FILE field value then attaches. */
  putFile(bytes: Uint8Array, name: string, contentType: string): { fileKey: string } {
    const fileKey = randomUUID();
    this.files.set(fileKey, {
      bytes,
      name,
      contentType,
      temporary: true,
      createdAt: this.now().getTime(),
    });
    return { fileKey };
  }

  getFile(fileKey: string): StoredFile | undefined {
    const file = this.files.get(fileKey);
    if (!file || (file.temporary && this.isExpiredTemporary(file.createdAt))) return undefined;
    return { bytes: file.bytes, name: file.name, contentType: file.contentType };
  }

  // ---- sessions (what the pages use) ----

  /** Starts a session of `loginUser`: the cookie value and the `__REQUEST_TOKEN__` writes must carry. */
  issueSession(): { sessionId: string; requestToken: string } {
    const sessionId = randomKey();
    const requestToken = randomUUID();
    this.sessions.set(sessionId, { requestToken });
    return { sessionId, requestToken };
  }

  /** The request token of a session, or undefined for an unknown session. */
  sessionRequestToken(sessionId: string): string | undefined {
    return this.sessions.get(sessionId)?.requestToken;
  }

  // ---- cursors ----

  createCursor(
    appId: string,
    query: string,
    fields: string[] | undefined,
    size: number,
  ): { id: string; totalCount: string } {
    this.dropExpiredCursors();
    if (this.cursors.size >= MAX_CURSORS) {
      // Code as observed from kintone (the documentation names the limit, not the code).
      throw new KintoneApiError(
        400,
        "GAIA_TM12",
        "The number of cursors has reached the limit. Delete unnecessary cursors or try again later.",
      );
    }
    const recordIds = this.queryAllRecordIds(appId, query);
    const id = randomUUID();
    this.cursors.set(id, {
      id,
      appId: this.requireApp(appId).id,
      recordIds,
      ...(fields?.length ? { fields } : {}),
      size,
      position: 0,
      expiresAt: this.now().getTime() + CURSOR_LIFETIME_MS,
    });
    return { id, totalCount: String(recordIds.length) };
  }

  /** The next page of a cursor; the cursor is deleted once its last page is read. */
  readCursor(id: string): { records: KintoneRecord[]; next: boolean; appId: string } {
    const cursor = this.requireCursor(id);
    const app = this.appState(cursor.appId);
    const pageIds = cursor.recordIds.slice(cursor.position, cursor.position + cursor.size);
    cursor.position += pageIds.length;
    cursor.expiresAt = this.now().getTime() + CURSOR_LIFETIME_MS;
    const records = pageIds.flatMap((rid) => {
      const stored = app.records.get(Number(rid));
      return stored ? [pickFields(this.toRestRecord(app.info, stored), cursor.fields)] : [];
    });
    const next = cursor.position < cursor.recordIds.length;
    if (!next) this.cursors.delete(id);
    return { records, next, appId: cursor.appId };
  }

  cursorAppId(id: string): string {
    return this.requireCursor(id).appId;
  }

  deleteCursor(id: string): void {
    this.requireCursor(id);
    this.cursors.delete(id);
  }

  // ---- internals ----

  /** Ends a write's validation: throws CB_VA01 on errors, else consumes the temporary file keys it attached. */
  private finishAttachments(errors: KintoneErrorDetails): void {
    const attached = this.attachedTemporaryKeys;
    this.attachedTemporaryKeys = [];
    if (Object.keys(errors).length > 0) throw invalidInput(errors);
    for (const key of attached) this.files.delete(key);
  }

  private requireCursor(id: string): KintoneCursor {
    this.dropExpiredCursors();
    const cursor = this.cursors.get(id);
    if (!cursor) {
      throw new KintoneApiError(
        404,
        "GAIA_CU01",
        `The specified cursor (id: ${id}) was not found. It may have expired.`,
      );
    }
    return cursor;
  }

  private dropExpiredCursors(): void {
    const now = this.now().getTime();
    for (const [id, cursor] of this.cursors) if (cursor.expiresAt <= now) this.cursors.delete(id);
  }

  private isExpiredTemporary(createdAt: number): boolean {
    return this.now().getTime() - createdAt > TEMPORARY_FILE_LIFETIME_MS;
  }

  private appState(appId: string): AppState {
    const app = this.apps.get(String(appId));
    if (!app) {
      throw new KintoneApiError(
        404,
        "GAIA_AP01",
        `The app (ID: ${appId}) not found. The app may have been deleted.`,
      );
    }
    return app;
  }

  private userEntity(): KintoneEntity {
    return { code: this.loginUser.code, name: this.loginUser.name };
  }

  private runQuery(appId: string, query: string, paging: boolean) {
    const app = this.appState(appId);
    const context: QueryContext = {
      field: (code) => this.queryField(appId, code),
      loginUserCode: this.loginUser.code,
      now: this.now(),
    };
    // Filter and sort uncloned views; only the records returned are copied.
    const all = [...app.records.values()].map((stored) =>
      this.toRestRecord(app.info, stored, false),
    );
    const result = runKintoneQuery(all, query, context, { paging });
    return { ...result, records: result.records.map((record) => structuredClone(record)) };
  }

  private toRestRecord(info: AppInfo, stored: StoredRecord, copy = true): KintoneRecord {
    stored.view ??= this.buildRestRecord(info, stored);
    return copy ? structuredClone(stored.view) : stored.view;
  }

  private buildRestRecord(info: AppInfo, stored: StoredRecord): KintoneRecord {
    const record: Record<string, KintoneField> = {};
    for (const field of info.fields) {
      const value = this.outputValue(field, stored);
      if (value !== undefined) record[field.code] = value;
    }
    record.$id = { type: "__ID__", value: String(stored.id) };
    record.$revision = { type: "__REVISION__", value: String(stored.revision) };
    return structuredClone(record);
  }

  private outputValue(field: FieldDef, stored: StoredRecord): KintoneField | undefined {
    switch (field.type) {
      case "RECORD_NUMBER":
        return { type: "RECORD_NUMBER", value: String(stored.id) };
      case "CREATOR":
        return { type: "CREATOR", value: stored.creator };
      case "MODIFIER":
        return { type: "MODIFIER", value: stored.modifier };
      case "CREATED_TIME":
        return { type: "CREATED_TIME", value: stored.createdAt };
      case "UPDATED_TIME":
        return { type: "UPDATED_TIME", value: stored.updatedAt };
      case "LABEL":
      case "SPACER":
      case "HR":
      case "GROUP":
      case "REFERENCE_TABLE":
        return undefined;
      default:
        return {
          type: field.type,
          value: stored.values[field.code] ?? emptyValue(field),
        } as KintoneField;
    }
  }

  /**
   * Checks and converts a record body as POST/PUT record(s).json take it. Unknown field codes are
   * ignored when adding, as documented ("存在しないフィールドコードを指定した場合、そのフィールドは無視されて
   * レコードが登録されます", https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/), and fail
   * an update at once with `GAIA_FC01`; invalid values are collected into `errors` under kintone's keys
   * (`record.price.value`, `records[0].price.value`). With `existing`, fields not given keep their value.
   */
  private normalizeInput(
    info: AppInfo,
    input: Record<string, { value: unknown }>,
    existing: StoredRecord | undefined,
    path: string,
    errors: KintoneErrorDetails,
  ): {
    values: Record<string, unknown>;
    system: {
      creator?: KintoneEntity;
      modifier?: KintoneEntity;
      createdAt?: string;
      updatedAt?: string;
    };
  } {
    const values: Record<string, unknown> = existing ? structuredClone(existing.values) : {};
    const system: {
      creator?: KintoneEntity;
      modifier?: KintoneEntity;
      createdAt?: string;
      updatedAt?: string;
    } = {};
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      addError(errors, path, "Must be an object.");
      return { values, system };
    }
    if (existing) rejectUnknownCodes(Object.keys(input), info.fields);
    for (const field of info.fields) {
      const given = Object.prototype.hasOwnProperty.call(input, field.code)
        ? input[field.code]
        : undefined;
      const fieldPath = `${path}.${field.code}.value`;
      if (SYSTEM_TYPES.has(field.type)) {
        // kintone lets a new record carry its creator, modifier and times (data migration); updates ignore them.
        if (
          !existing &&
          given &&
          given.value !== undefined &&
          given.value !== null &&
          given.value !== ""
        ) {
          this.readSystemValue(field, given.value, fieldPath, errors, system);
        }
        continue;
      }
      if (given === undefined || given === null || typeof given !== "object") {
        if (!existing) {
          values[field.code] = initialValue(
            field,
            (v, p) => this.convertValue(field, v, p, errors, undefined),
            fieldPath,
          );
          if (field.required && isEmpty(values[field.code]))
            addError(errors, fieldPath, "Required.");
        }
        continue;
      }
      const converted = this.convertValue(
        field,
        given.value,
        fieldPath,
        errors,
        existing?.values[field.code],
      );
      if (converted === undefined) continue;
      if (field.required && isEmpty(converted)) addError(errors, fieldPath, "Required.");
      values[field.code] = converted;
    }
    return { values, system };
  }

  private readSystemValue(
    field: FieldDef,
    value: unknown,
    path: string,
    errors: KintoneErrorDetails,
    system: {
      creator?: KintoneEntity;
      modifier?: KintoneEntity;
      createdAt?: string;
      updatedAt?: string;
    },
  ): void {
    if (field.type === "CREATOR" || field.type === "MODIFIER") {
      const code = (value as { code?: unknown })?.code;
      if (typeof code !== "string" || !code)
        return addError(errors, path, "A user code is required.");
      const entity = { code, name: code === this.loginUser.code ? this.loginUser.name : code };
      if (field.type === "CREATOR") system.creator = entity;
      else system.modifier = entity;
    } else if (field.type === "CREATED_TIME" || field.type === "UPDATED_TIME") {
      const date = typeof value === "string" ? parseDateTime(value) : undefined;
      if (!date)
        return addError(
          errors,
          path,
          "Enter the date and time in the format YYYY-MM-DDTHH:MM:SSZ.",
        );
      if (field.type === "CREATED_TIME") system.createdAt = formatInstant(date);
      else system.updatedAt = formatInstant(date);
    }
  }

  /** A written value in kintone's stored form; undefined (with an error recorded) when invalid. */
  private convertValue(
    field: FieldDef,
    value: unknown,
    path: string,
    errors: KintoneErrorDetails,
    previous: unknown,
  ): unknown {
    const fail = (message: string): undefined => {
      addError(errors, path, message);
      return undefined;
    };
    const text =
      value === undefined || value === null
        ? ""
        : typeof value === "number"
          ? String(value)
          : value;
    switch (field.type) {
      case "SINGLE_LINE_TEXT":
      case "MULTI_LINE_TEXT":
      case "RICH_TEXT":
      case "LINK":
      case "CALC":
        return typeof text === "string" ? text : fail("Must be a string.");
      case "NUMBER":
        if (typeof text !== "string") return fail("Only numbers are allowed.");
        return text === "" || NUMBER_PATTERN.test(text) ? text : fail("Only numbers are allowed.");
      case "DROP_DOWN":
      case "RADIO_BUTTON": {
        if (typeof text !== "string") return fail("Must be a string.");
        if (text === "" && field.type === "DROP_DOWN") return "";
        // kintone: CB_VA01 `"X" is not an option.` (https://support.gusuku.io/ja-JP/support/solutions/articles/36000243836)
        return field.options?.includes(text)
          ? text
          : fail(`The value, "${text}", is not in options.`);
      }
      case "CHECK_BOX":
      case "MULTI_SELECT": {
        const list = value === undefined || value === null ? [] : value;
        if (!Array.isArray(list) || list.some((v) => typeof v !== "string"))
          return fail("Must be an array of strings.");
        const unknown = list.find((v) => !field.options?.includes(v as string));
        return unknown === undefined
          ? [...list]
          : fail(`The value, "${String(unknown)}", is not in options.`);
      }
      case "DATE":
        if (typeof text !== "string") return fail("Invalid date.");
        return text === "" || isValidDate(text)
          ? text
          : fail("Enter the date in the format YYYY-MM-DD.");
      case "TIME": {
        if (typeof text !== "string") return fail("Invalid time.");
        if (text === "") return "";
        const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(text);
        return match ? `${match[1]}:${match[2]}` : fail("Enter the time in the format HH:MM.");
      }
      case "DATETIME": {
        if (typeof text !== "string") return fail("Invalid date and time.");
        if (text === "") return "";
        const date = parseDateTime(text);
        return date
          ? formatInstant(date)
          : fail("Enter the date and time in the format YYYY-MM-DDTHH:MM:SSZ.");
      }
      case "USER_SELECT":
      case "ORGANIZATION_SELECT":
      case "GROUP_SELECT": {
        const list = value === undefined || value === null ? [] : value;
        if (!Array.isArray(list)) return fail("Must be an array.");
        const entities: KintoneEntity[] = [];
        for (const item of list) {
          const code = (item as { code?: unknown })?.code;
          if (typeof code !== "string" || !code) return fail("Each entry needs a code.");
          entities.push({ code, name: code === this.loginUser.code ? this.loginUser.name : code });
        }
        return entities;
      }
      case "FILE":
        return this.convertFiles(value, path, errors, previous);
      case "SUBTABLE":
        return this.convertRows(field, value, path, errors, previous);
      default:
        // Types the emulator does not model (STATUS, CATEGORY, …) are kept as given.
        return value;
    }
  }

  /** FILE values: `[{ fileKey }]`; a temporary key is attached (becomes a new permanent key), an attached one is kept. */
  private convertFiles(
    value: unknown,
    path: string,
    errors: KintoneErrorDetails,
    previous: unknown,
  ): KintoneFile[] | undefined {
    const list = listInput(value, path, errors);
    if (list === undefined) return undefined;
    const previousFiles = Array.isArray(previous) ? (previous as KintoneFile[]) : [];
    const result: KintoneFile[] = [];
    for (const item of list) {
      const fileKey = (item as { fileKey?: unknown })?.fileKey;
      if (typeof fileKey !== "string" || !fileKey) {
        addError(errors, path, "fileKey is required.");
        return undefined;
      }
      const kept = previousFiles.find((f) => f.fileKey === fileKey);
      if (kept) {
        result.push(kept);
        continue;
      }
      const file = this.files.get(fileKey);
      if (!file || !file.temporary || this.isExpiredTemporary(file.createdAt)) {
        throw new KintoneApiError(
          400,
          "GAIA_BL01",
          `The specified file (id: ${fileKey}) not found.`,
        );
      }
      const permanentKey = `${this.now().toISOString().slice(0, 10).replace(/-/g, "")}${randomKey()}`;
      this.files.set(permanentKey, { ...file, temporary: false });
      this.attachedTemporaryKeys.push(fileKey);
      result.push({
        contentType: file.contentType,
        fileKey: permanentKey,
        name: file.name,
        size: String(file.bytes.byteLength),
      });
    }
    return result;
  }

  /** SUBTABLE rows: rows with a known id are updated (unlisted columns keep their value), others added, missing rows removed. */
  private convertRows(
    field: FieldDef,
    value: unknown,
    path: string,
    errors: KintoneErrorDetails,
    previous: unknown,
  ): KintoneSubtableRow[] | undefined {
    const list = listInput(value, path, errors);
    if (list === undefined) return undefined;
    const previousRows = Array.isArray(previous) ? (previous as KintoneSubtableRow[]) : [];
    const columns = field.fields ?? [];
    return list.map((row: unknown, index) => {
      const rowInput = (row ?? {}) as { id?: unknown; value?: Record<string, { value: unknown }> };
      const rowValue = rowInput.value ?? {};
      const rowPath = `${path}[${index}].value`;
      if (this.writing === "update") rejectUnknownCodes(Object.keys(rowValue), columns);
      const existingRow =
        rowInput.id !== undefined
          ? previousRows.find((r) => r.id === String(rowInput.id))
          : undefined;
      const cells: Record<string, KintoneField> = {};
      for (const column of columns) {
        const cellPath = `${rowPath}.${column.code}.value`;
        const given = rowValue[column.code];
        if (given && typeof given === "object") {
          const converted = this.convertValue(
            column,
            given.value,
            cellPath,
            errors,
            existingRow?.value[column.code]?.value,
          );
          if (column.required && isEmpty(converted)) addError(errors, cellPath, "Required.");
          cells[column.code] = {
            type: column.type,
            value: converted ?? emptyValue(column),
          } as KintoneField;
        } else if (existingRow?.value[column.code]) {
          cells[column.code] = existingRow.value[column.code] as KintoneField;
        } else {
          const initial = initialValue(
            column,
            (v, p) => this.convertValue(column, v, p, errors, undefined),
            cellPath,
          );
          if (column.required && isEmpty(initial)) addError(errors, cellPath, "Required.");
          cells[column.code] = { type: column.type, value: initial } as KintoneField;
        }
      }
      return { id: existingRow?.id ?? String(this.nextRowId++), value: cells };
    });
  }
}

/**
 * kintone's "prohibit duplicate values" setting (`unique`): a written value equal to another record's,
 * or to another one of the same batch, fails with CB_VA01 at that field.
 */
function checkUniqueValues(
  app: AppState,
  written: Array<{ id?: number; values: Record<string, unknown>; path: string }>,
  errors: KintoneErrorDetails,
): void {
  const writtenIds = new Set(written.map((w) => w.id));
  for (const field of app.info.fields) {
    if (!field.unique) continue;
    const key = (value: unknown) =>
      field.type === "NUMBER" && value !== "" ? String(Number(value)) : String(value ?? "");
    const taken = new Set<string>();
    for (const stored of app.records.values()) {
      if (!writtenIds.has(stored.id)) taken.add(key(stored.values[field.code]));
    }
    for (const { values, path } of written) {
      const value = values[field.code];
      if (value === undefined || value === "") continue;
      if (taken.has(key(value))) {
        addError(
          errors,
          `${path}.${field.code}.value`,
          "This value already exists in another record.",
        );
      }
      taken.add(key(value));
    }
  }
}

/** kintone's `GAIA_FC01` for the first code that is not one of `fields` (`$id`, `$revision` pass). */
function rejectUnknownCodes(codes: string[], fields: FieldDef[]): void {
  for (const code of codes) {
    if (code === "$id" || code === "$revision") continue;
    if (!fields.some((f) => f.code === code)) {
      throw new KintoneApiError(400, "GAIA_FC01", `The field (code: ${code}) not found.`);
    }
  }
}

function recordNotFound(id: string): KintoneApiError {
  return new KintoneApiError(404, "GAIA_RE01", `The specified record (ID: ${id}) is not found.`);
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case "CHECK_BOX":
    case "MULTI_SELECT":
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
    case "FILE":
    case "SUBTABLE":
    case "CATEGORY":
    case "STATUS_ASSIGNEE":
      return [];
    default:
      return "";
  }
}

/** The value of a field a new record does not set: its default, a radio button's first option, else empty. */
function initialValue(
  field: FieldDef,
  convert: (value: unknown, path: string) => unknown,
  path: string,
): unknown {
  if (field.defaultValue !== undefined)
    return convert(field.defaultValue, path) ?? emptyValue(field);
  if (field.type === "RADIO_BUTTON" && field.options?.[0] !== undefined) return field.options[0];
  return emptyValue(field);
}

/** A record with only the named fields (all when `fields` is empty), as the `fields` parameter asks. */
export function pickFields(record: KintoneRecord, fields: string[] | undefined): KintoneRecord {
  if (!fields || fields.length === 0) return record;
  const picked: KintoneRecord = {};
  for (const code of fields) {
    const field = record[code];
    if (field) picked[code] = field;
  }
  return picked;
}
