/**
 * The kintone emulator's state: apps with their form, views and API tokens, records with revisions,
 * uploaded files, sessions and cursors. The REST layer (KintoneEmulator) and the pages both use it.
 *
 * Field values are kept and returned as kintone's REST API does
 * (https://cybozu.dev/ja/kintone/docs/overview/field-types/): strings for NUMBER and CALC, arrays
 * for CHECK_BOX/MULTI_SELECT, `{ code, name }` entities, FILE values `[{ contentType, fileKey, name, size }]`,
 * SUBTABLE rows `{ id, value }`. Writes are validated as kintone does where it is cheap; see `normalizeRecordInput`.
 *
 * Deliberate differences from kintone, documented here once:
 * - CALC fields are stored as written (kintone computes them and ignores writes); seeds set them.
 * - LINK values are stored as text without checking the protocol's format.
 * - DATETIME values are normalised to UTC with seconds set to 00, as kintone returns them.
 */
import type { KintoneEntity, KintoneRecord } from "../../core/kintone/KintoneRecord";
import { KintoneApiError, invalidInput } from "./KintoneApiError";
import type { PageLoginUser } from "./browser/PageContext";
import { runKintoneQuery } from "./KintoneQuery";
import type { QueryContext, QueryFieldInfo } from "./query/queryContext";
import {
  appInfoOf,
  queryFieldOf,
  type ApiTokenDef,
  type AppDefinition,
  type AppInfo,
} from "./store/appDefinition";
import { startFieldWrite } from "./store/startFieldWrite";
import { formatInstant } from "./store/fieldValueFormats";
import { KintoneCursors } from "./store/KintoneCursors";
import { normalizeRecordInput } from "./store/normalizeRecordInput";
import { PageSessions } from "./store/PageSessions";
import { pickFields, restRecordOf } from "./store/recordOutput";
import {
  checkRevision,
  checkUniqueValues,
  recordNotFound,
  revisionConflict,
} from "./store/recordWriteChecks";
import {
  captureStoreState,
  checkpointRecords,
  restoreStoreState,
  type KintoneStoreState,
} from "./store/storeSnapshot";
import type { AppState, RecordUpdate } from "./store/storedRecord";
import { StoredFiles, type StoredFile } from "./store/StoredFiles";

/** The signed-in user, as the pages show it in `kintone.getLoginUser()`. */
export type LoginUser = PageLoginUser;

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
  private readonly files = new StoredFiles(() => this.now());
  private readonly sessions = new PageSessions();
  private readonly cursors = new KintoneCursors(() => this.now());
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
    const info = appInfoOf(def, id, this.now().toISOString());
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
    return queryFieldOf(this.requireApp(appId), code);
  }

  // ---- records ----

  addRecords(
    appId: string,
    records: Array<Record<string, { value: unknown }>>,
    actor?: KintoneEntity,
  ): { ids: string[]; revisions: string[] } {
    const app = this.appState(appId);
    const { write, finish } = startFieldWrite(
      "add",
      this.loginUser,
      this.files,
      () => this.nextRowId++,
    );
    const normalised = records.map((record, index) =>
      normalizeRecordInput(app.info, record ?? {}, undefined, `records[${index}]`, write),
    );
    checkUniqueValues(
      app,
      normalised.map(({ values }, index) => ({ values, path: `records[${index}]` })),
      write.errors,
    );
    finish();
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
    return stored && /^\d+$/.test(String(id)) ? restRecordOf(app.info, stored) : undefined;
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
    const { write, finish } = startFieldWrite(
      "update",
      this.loginUser,
      this.files,
      () => this.nextRowId++,
    );
    const prepared = updates.map((update, index) => {
      const stored = /^\d+$/.test(String(update.id))
        ? app.records.get(Number(update.id))
        : undefined;
      if (!stored) throw recordNotFound(String(update.id));
      const revisionPath = errorPrefix === "record" ? "revision" : `records[${index}].revision`;
      checkRevision(update.revision, stored.revision, revisionPath);
      const path = errorPrefix === "record" ? "record" : `records[${index}]`;
      const { values } = normalizeRecordInput(app.info, update.record ?? {}, stored, path, write);
      return { stored, values, path };
    });
    checkUniqueValues(
      app,
      prepared.map(({ stored, values, path }) => ({ id: stored.id, values, path })),
      write.errors,
    );
    finish();
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
      if (expected !== -1 && expected !== stored.revision) throw revisionConflict();
      return stored.id;
    });
    for (const id of targets) app.records.delete(id);
  }

  /** Captures every app's records and the files; the returned function puts them back (all-or-nothing bulk requests). */
  checkpoint(): () => void {
    const restoreRecords = checkpointRecords(this.apps, this.files);
    const nextRowId = this.nextRowId;
    return () => {
      restoreRecords();
      this.nextRowId = nextRowId;
    };
  }

  // ---- saved state (the sandbox remembers across restarts) ----

  /** The apps, their records and the files, as `restoreState` takes them back. */
  captureState(): KintoneStoreState {
    return captureStoreState(this.apps, this.files, {
      nextAppId: this.nextAppId,
      nextRowId: this.nextRowId,
      loginUser: this.loginUser,
    });
  }

  /** Replaces every app, record and file with a captured state. */
  restoreState(state: KintoneStoreState): void {
    const { nextAppId, nextRowId, loginUser } = restoreStoreState(this.apps, this.files, state);
    this.nextAppId = nextAppId;
    this.nextRowId = nextRowId;
    this.loginUser = loginUser;
  }

  // ---- files ----

  /** Like POST /k/v1/file.json: keeps the bytes under a temporary fileKey that a FILE field value then attaches. */
  putFile(bytes: Uint8Array, name: string, contentType: string): { fileKey: string } {
    return this.files.put(bytes, name, contentType);
  }

  getFile(fileKey: string): StoredFile | undefined {
    return this.files.get(fileKey);
  }

  // ---- sessions (what the pages use) ----

  /** Starts a session of `loginUser`: the cookie value and the `__REQUEST_TOKEN__` writes must carry. */
  issueSession(): { sessionId: string; requestToken: string } {
    return this.sessions.issue();
  }

  /** The request token of a session, or undefined for an unknown session. */
  sessionRequestToken(sessionId: string): string | undefined {
    return this.sessions.requestToken(sessionId);
  }

  // ---- cursors ----

  createCursor(
    appId: string,
    query: string,
    fields: string[] | undefined,
    size: number,
  ): { id: string; totalCount: string } {
    return this.cursors.open(fields, size, () => {
      const recordIds = this.queryAllRecordIds(appId, query);
      return { appId: this.requireApp(appId).id, recordIds };
    });
  }

  /** The next page of a cursor; the cursor is deleted once its last page is read. */
  readCursor(id: string): { records: KintoneRecord[]; next: boolean; appId: string } {
    const cursor = this.cursors.require(id);
    const app = this.appState(cursor.appId);
    const { pageIds, next } = this.cursors.advance(cursor);
    const records = pageIds.flatMap((rid) => {
      const stored = app.records.get(Number(rid));
      return stored ? [pickFields(restRecordOf(app.info, stored), cursor.fields)] : [];
    });
    return { records, next, appId: cursor.appId };
  }

  cursorAppId(id: string): string {
    return this.cursors.require(id).appId;
  }

  deleteCursor(id: string): void {
    this.cursors.delete(id);
  }

  // ---- internals ----

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
    const all = [...app.records.values()].map((stored) => restRecordOf(app.info, stored, false));
    const result = runKintoneQuery(all, query, context, { paging });
    return { ...result, records: result.records.map((record) => structuredClone(record)) };
  }
}
