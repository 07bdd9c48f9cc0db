/**
 * A local kintone: the REST endpoints the product uses, served over HTTP so that the real
 * `@kintone/rest-api-client` works against it unchanged (`baseUrl: "http://localhost:PORT"`).
 * Errors have kintone's shape `{ code, id, message, errors? }` and its statuses.
 * https://cybozu.dev/ja/kintone/docs/rest-api/
 *
 * Under /k/v1: record.json (GET/POST/PUT), records.json (GET/POST/PUT/DELETE), records/cursor.json
 * (POST/GET/DELETE), bulkRequest.json, file.json (GET/POST), app.json, apps.json,
 * app/form/fields.json, app/views.json; process management's app/status.json (GET) and
 * record/status.json (PUT) in ProcessManagement. Auth: `X-Cybozu-API-Token` (tokens per app with rights) or
 * the session of KintoneSession (cookie + X-Requested-With, `__REQUEST_TOKEN__` on writes).
 * Test controls: `latencyMs`, `failNext`, `requests`, `configure({ concurrencyLimit })`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import Busboy from "busboy";
import qs from "qs";
import type { KintoneEntity } from "../../core/kintone/KintoneRecord";
import { KintoneApiError, invalidInput } from "./KintoneApiError";
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from "./KintoneQuery";
import { KintoneStore } from "./KintoneStore";
import type { AppDefinition, ApiTokenDef, FieldDef } from "./store/appDefinition";
import type { RecordUpdate } from "./store/storedRecord";
import { readSession } from "./KintoneSession";
import { checkPassword, createPluginRestRouter } from "./KintonePlugins";
import { guestSpaceOfApp, placeAppInGuestSpace, requireAppPath } from "./KintoneGuestSpaces";
import { processSettingsAnswer, runProcessAction, statusFieldProperty } from "./ProcessManagement";

export interface KintoneEmulatorOptions {
  port?: number;
  apps?: AppDefinition[];
  latencyMs?: number;
  /** Lets the sandbox add routes (the pages, the plugin host) before the REST routes' 404 handler. */
  mount?: (app: express.Express, store: KintoneStore) => void;
  /** An existing store to serve (default: a new one holding `apps`). */
  store?: KintoneStore;
}

export interface FailRule {
  method?: string;
  pathPrefix?: string;
  status: number | "timeout";
  count?: number;
}

export interface KintoneEmulator {
  url: string;
  port: number;
  store: KintoneStore;
  close(): Promise<void>;
  requests: { method: string; path: string; status: number; at: number }[];
  clearRequests(): void;
  /** `concurrencyLimit`: REST requests served at once before 429 (default kintone's 100). */
  configure(o: { latencyMs?: number; concurrencyLimit?: number }): void;
  failNext(rule: FailRule): void;
  /** A new app in guest space `spaceId`, reached only under /k/guest/{spaceId}/v1. */
  createGuestSpaceApp(def: AppDefinition, spaceId: string): { id: string };
}

/** kintone's write caps: 100 records per request (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/). */
export const MAX_RECORDS_PER_WRITE = 100;
export const MAX_BULK_REQUESTS = 20;
export const DEFAULT_CONCURRENCY_LIMIT = 100;
export const MAX_API_TOKENS = 9;
/** Files up to 1 GB (https://jp.cybozu.help/k/ja/user/app_settings/form/form_parts/file.html). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

type Right = "view" | "add" | "edit" | "delete" | "manage";

/** Who a request acts as: a session (full rights) or API tokens (rights per app). */
type Caller =
  | { kind: "session"; user: KintoneEntity; requestToken?: string } // no requestToken: password auth
  | { kind: "token"; grants: Map<string, ApiTokenDef["rights"] & { manage?: boolean }> };

/** One API call: who makes it and its parameters. */
interface ApiCall {
  caller?: Caller;
  /** Refuses an app the call's path may not reach (KintoneGuestSpaces.requireAppPath). */
  checkAppPath?: (appId: string) => void;
  /** The API's parameters: the query string for GET/DELETE, the body otherwise (and for a method-overridden GET). */
  kintoneParams?: Record<string, unknown>;
}

interface KintoneRequest extends Request, ApiCall {
  /** The `{spaceId}` of a `/k/guest/{spaceId}/v1/…` call. */
  guestSpaceId?: string;
}

/** Guest-space apps' REST API (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/). */
const GUEST_API_PATH = "/k/guest/:guestSpaceId/v1";

function sendError(res: Response, error: KintoneApiError): void {
  res.status(error.status).json(error.toJSON());
}

function required(name: string): KintoneApiError {
  return invalidInput({ [name]: { messages: ["Required field."] } });
}

function param(req: ApiCall, name: string): unknown {
  return req.kintoneParams?.[name];
}

function requireId(req: ApiCall, name: string): string {
  const value = param(req, name);
  if (value === undefined || value === null || value === "") throw required(name);
  if ((typeof value !== "string" && typeof value !== "number") || !/^\d+$/.test(String(value))) {
    throw invalidInput({ [name]: { messages: ["Enter an integer value."] } });
  }
  return String(value);
}

/** A list parameter, whether qs made it an array or (past its array limit) an index-keyed object. */
function listParam(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return Object.values(value as Record<string, unknown>);
  return [value];
}

/** The `records` of a bulk write: required, and at most 100 at one time. */
function recordsToWrite(req: ApiCall, verb: "added" | "updated"): unknown[] {
  const records = listParam(param(req, "records"));
  if (!records) throw required("records");
  if (records.length > MAX_RECORDS_PER_WRITE) {
    throw invalidInput({
      records: { messages: [`A maximum of 100 records can be ${verb} at one time.`] },
    });
  }
  return records;
}

function stringList(value: unknown): string[] | undefined {
  return listParam(value)?.map(String);
}

/**
 * Checks that the caller may use `right` on `appId`: kintone's `GAIA_NO01` (403) for tokens that
 * may not, before the record is looked for ("このAPIトークンでは、指定したAPIを実行できません。",
 * the token lacks the right: https://cybozu.dev/ja/kintone/sdk/connector/support/troubleshooting).
 */
function authorize(req: ApiCall, appId: string, right: Right): KintoneEntity | undefined {
  req.checkAppPath?.(appId);
  const caller = req.caller;
  if (!caller) throw new KintoneApiError(401, "CB_AU01", "Please login.");
  if (caller.kind === "session") return caller.user;
  const grant = caller.grants.get(appId);
  if (!grant || !grant[right]) {
    throw new KintoneApiError(
      403,
      "GAIA_NO01",
      "Using this API token, you cannot run the specified API.",
    );
  }
  return undefined;
}

function fieldProperties(fields: FieldDef[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    const property: Record<string, unknown> = {
      type: field.type,
      code: field.code,
      label: field.label,
      noLabel: false,
    };
    if (
      ![
        "RECORD_NUMBER",
        "CREATOR",
        "CREATED_TIME",
        "MODIFIER",
        "UPDATED_TIME",
        "SUBTABLE",
      ].includes(field.type)
    ) {
      property.required = field.required ?? false;
    }
    if (field.options) {
      property.options = Object.fromEntries(
        field.options.map((option, index) => [option, { label: option, index: String(index) }]),
      );
    }
    if (field.type === "SUBTABLE") property.fields = fieldProperties(field.fields ?? []);
    if (field.unit !== undefined) property.unit = field.unit;
    if (field.digit !== undefined) property.digit = field.digit;
    if (field.displayScale !== undefined) property.displayScale = field.displayScale;
    if (field.protocol !== undefined) property.protocol = field.protocol;
    if (field.unique !== undefined) property.unique = field.unique;
    if (field.defaultValue !== undefined) property.defaultValue = field.defaultValue;
    properties[field.code] = property;
  }
  return properties;
}

/**
 * The router serving the REST API over `store`; startKintoneEmulator mounts it under /k/v1 and,
 * with the path's `guestSpaceId`, under /k/guest/{spaceId}/v1.
 */
export function createKintoneRestRouter(
  store: KintoneStore,
  pathSpace: (req: Request) => string | undefined = () => undefined,
): express.Router {
  const router = express.Router();
  // Far above any real request; kintone's own caps (100 records, 500 per read) bite first.
  router.use(express.json({ limit: "64mb" }));

  // A POST with X-HTTP-Method-Override runs the API of that method with the body's parameters; the
  // rest-api-client sends a GET whose URL would pass 4 KB that way
  // (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/).
  router.use((req: KintoneRequest, _res, next) => {
    const override = req.get("X-HTTP-Method-Override")?.toUpperCase();
    if (req.method === "POST" && override && ["GET", "POST", "PUT", "DELETE"].includes(override)) {
      req.method = override;
      req.kintoneParams = (req.body ?? {}) as Record<string, unknown>;
    } else if (req.method === "GET") {
      req.kintoneParams = req.query as Record<string, unknown>;
    } else if (req.method === "DELETE") {
      req.kintoneParams = {
        ...(req.query as Record<string, unknown>),
        ...((req.body ?? {}) as object),
      };
    } else {
      req.kintoneParams = (req.body ?? {}) as Record<string, unknown>;
    }
    next();
  });

  router.use((req: KintoneRequest, _res, next) => {
    req.caller = authenticate(store, req);
    const space = pathSpace(req);
    req.checkAppPath = (appId) => requireAppPath(store, appId, space);
    next();
  });

  // The plug-in APIs (plugins.json, plugin.json) that `npm run upload` (cli-kintone) calls.
  router.use(createPluginRestRouter(store));

  /** Operations by "METHOD /path", for the router and for bulkRequest.json. */
  const operations = new Map<string, (call: ApiCall) => unknown>();
  const define = (
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    operation: (call: ApiCall) => unknown,
  ) => {
    operations.set(`${method} ${path}`, operation);
    const route = handle((req) => operation(req));
    if (method === "GET") router.get(path, route);
    else if (method === "POST") router.post(path, route);
    else if (method === "PUT") router.put(path, route);
    else router.delete(path, route);
  };

  const handle =
    (fn: (req: KintoneRequest, res: Response) => unknown) =>
    (req: KintoneRequest, res: Response, next: NextFunction) => {
      try {
        const result = fn(req, res);
        if (result instanceof Promise)
          result.then((body) => body !== undefined && res.json(body), next);
        else if (result !== undefined) res.json(result);
      } catch (error) {
        next(error);
      }
    };

  define("GET", "/record.json", (req) => {
    const app = requireId(req, "app");
    authorize(req, app, "view");
    const id = requireId(req, "id");
    store.requireApp(app);
    const record = store.getRecord(app, id);
    if (!record)
      throw new KintoneApiError(404, "GAIA_RE01", `The specified record (ID: ${id}) is not found.`);
    return { record };
  });

  define("POST", "/record.json", (req) => {
    const app = requireId(req, "app");
    const actor = authorize(req, app, "add") ?? store.apiTokenUser;
    const record = (param(req, "record") ?? {}) as Record<string, { value: unknown }>;
    requireManageForSystemFields(store, req, app, [record]);
    try {
      const { ids, revisions } = store.addRecords(app, [record], actor);
      return { id: ids[0], revision: revisions[0] };
    } catch (error) {
      throw singleRecordErrors(error);
    }
  });

  define("PUT", "/record.json", (req) => {
    const app = requireId(req, "app");
    const actor = authorize(req, app, "edit") ?? store.apiTokenUser;
    const update = resolveUpdate(store, app, req.kintoneParams ?? {}, "");
    const [result] = store.updateRecords(app, [update], actor, "record");
    return { revision: result?.revision };
  });

  define("GET", "/records.json", (req) => {
    const app = requireId(req, "app");
    authorize(req, app, "view");
    const query = param(req, "query");
    if (query !== undefined && typeof query !== "string")
      throw invalidInput({ query: { messages: ["Must be a string."] } });
    const fields = stringList(param(req, "fields"));
    const wantTotal = String(param(req, "totalCount")) === "true";
    const { records, totalCount } = store.queryRecords(app, query ?? "", fields);
    return { records, totalCount: wantTotal ? String(totalCount) : null };
  });

  define("POST", "/records.json", (req) => {
    const app = requireId(req, "app");
    const actor = authorize(req, app, "add") ?? store.apiTokenUser;
    const records = recordsToWrite(req, "added");
    const typed = records as Array<Record<string, { value: unknown }>>;
    requireManageForSystemFields(store, req, app, typed);
    return store.addRecords(app, typed, actor);
  });

  define("PUT", "/records.json", (req) => {
    const app = requireId(req, "app");
    const actor = authorize(req, app, "edit") ?? store.apiTokenUser;
    const records = recordsToWrite(req, "updated");
    const updates = records.map((item, index) =>
      resolveUpdate(store, app, (item ?? {}) as Record<string, unknown>, `records[${index}].`),
    );
    return { records: store.updateRecords(app, updates, actor) };
  });

  define("DELETE", "/records.json", (req) => {
    const app = requireId(req, "app");
    authorize(req, app, "delete");
    const ids = stringList(param(req, "ids"));
    if (!ids) throw required("ids");
    if (ids.length > MAX_RECORDS_PER_WRITE) {
      throw invalidInput({
        ids: { messages: ["A maximum of 100 records can be deleted at one time."] },
      });
    }
    const revisions = stringList(param(req, "revisions"));
    store.deleteRecords(app, ids, revisions);
    return {};
  });

  define("POST", "/records/cursor.json", (req) => {
    const app = requireId(req, "app");
    authorize(req, app, "view");
    store.requireApp(app);
    const sizeParam = param(req, "size");
    const size =
      sizeParam === undefined || sizeParam === null || sizeParam === ""
        ? DEFAULT_QUERY_LIMIT
        : Number(sizeParam);
    if (!Number.isInteger(size) || size < 1 || size > MAX_QUERY_LIMIT) {
      throw invalidInput({
        size: { messages: [`Enter a value between 1 and ${MAX_QUERY_LIMIT}.`] },
      });
    }
    const query = param(req, "query");
    return store.createCursor(
      app,
      typeof query === "string" ? query : "",
      stringList(param(req, "fields")),
      size,
    );
  });

  define("GET", "/records/cursor.json", (req) => {
    const id = param(req, "id");
    if (typeof id !== "string" || !id) throw required("id");
    authorize(req, store.cursorAppId(id), "view");
    const { records, next } = store.readCursor(id);
    return { records, next };
  });

  define("DELETE", "/records/cursor.json", (req) => {
    const id = param(req, "id");
    if (typeof id !== "string" || !id) throw required("id");
    authorize(req, store.cursorAppId(id), "view");
    store.deleteCursor(id);
    return {};
  });

  router.get(
    "/file.json",
    handle((req, res) => {
      requireFilePath(req);
      const fileKey = param(req, "fileKey");
      if (typeof fileKey !== "string" || !fileKey) throw required("fileKey");
      const file = store.getFile(fileKey);
      if (!file)
        throw new KintoneApiError(
          404,
          "GAIA_BL01",
          `The specified file (id: ${fileKey}) not found.`,
        );
      res.status(200);
      res.setHeader("Content-Type", file.contentType);
      res.setHeader("Content-Length", String(file.bytes.byteLength));
      res.setHeader(
        "Content-Disposition",
        `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      res.end(Buffer.from(file.bytes));
      return undefined;
    }),
  );

  router.post("/file.json", (req: KintoneRequest, res, next) => {
    try {
      requireFilePath(req);
    } catch (error) {
      next(error);
      return;
    }
    uploadFile(store, req).then((body) => res.json(body), next);
  });

  // Up to 20 write requests run all-or-nothing (https://cybozu.dev/ja/kintone/docs/rest-api/apps/bulk-request/);
  // a failure answers its status with `results` holding the error at the failing index and `{}` elsewhere.
  router.post("/bulkRequest.json", (req: KintoneRequest, res, next) => {
    try {
      const requests = listParam(param(req, "requests"));
      if (!requests) throw required("requests");
      if (requests.length > MAX_BULK_REQUESTS) {
        throw invalidInput({
          requests: { messages: [`Up to ${MAX_BULK_REQUESTS} requests can be sent at once.`] },
        });
      }
      const restore = store.checkpoint();
      const results: unknown[] = [];
      for (const [index, item] of requests.entries()) {
        const { method, api, payload } = (item ?? {}) as {
          method?: unknown;
          api?: unknown;
          payload?: unknown;
        };
        const path =
          typeof api === "string" ? api.replace(/^\/k\/(?:guest\/\d+\/)?v1(?=\/)/, "") : "";
        const operation =
          typeof method === "string" && ["POST", "PUT", "DELETE"].includes(method.toUpperCase())
            ? operations.get(`${method.toUpperCase()} ${path}`)
            : undefined;
        try {
          if (!operation) {
            throw invalidInput({
              [`requests[${index}].api`]: {
                messages: ["This API cannot be used in a bulk request."],
              },
            });
          }
          results.push(
            operation({
              caller: req.caller,
              checkAppPath: req.checkAppPath,
              kintoneParams: (payload ?? {}) as Record<string, unknown>,
            }),
          );
        } catch (error) {
          restore();
          if (!(error instanceof KintoneApiError)) throw error;
          const failed = requests.map((_, i) => (i === index ? error.toJSON() : {}));
          res.status(error.status).json({ results: failed });
          return;
        }
      }
      res.json({ results });
    } catch (error) {
      next(error);
    }
  });

  define("GET", "/app.json", (req) => {
    const id = requireId(req, "id");
    authorize(req, id, "view");
    const app = store.requireApp(id);
    const creator = { code: store.loginUser.code, name: store.loginUser.name };
    return {
      appId: app.id,
      code: "",
      name: app.name,
      description: "",
      spaceId: guestSpaceOfApp(store, app.id) ?? null,
      threadId: null,
      createdAt: app.createdAt,
      creator,
      modifiedAt: app.modifiedAt,
      modifier: creator,
    };
  });

  define("GET", "/apps.json", (req) => {
    const caller = requireCaller(req);
    const ids = stringList(param(req, "ids"));
    const apps = store
      .listApps()
      .filter((app) => !ids || ids.includes(app.id))
      .filter((app) => caller.kind === "session" || caller.grants.has(app.id))
      .map((summary) => {
        const app = store.requireApp(summary.id);
        return {
          appId: app.id,
          code: "",
          name: app.name,
          description: "",
          spaceId: null,
          threadId: null,
          createdAt: app.createdAt,
        };
      });
    return { apps };
  });

  define("GET", "/app/form/fields.json", (req) => {
    const id = requireId(req, "app");
    authorize(req, id, "view");
    const app = store.requireApp(id);
    const properties = fieldProperties(app.fields);
    const status = app.fields.find((f) => f.type === "STATUS");
    if (status) properties[status.code] = statusFieldProperty(store, id, status);
    // kintone lists process management and category fields, disabled, in every app.
    if (!status)
      properties.Status ??= { type: "STATUS", code: "Status", label: "Status", enabled: false };
    properties.Assignee ??= {
      type: "STATUS_ASSIGNEE",
      code: "Assignee",
      label: "Assignee",
      enabled: false,
    };
    properties.Categories ??= {
      type: "CATEGORY",
      code: "Categories",
      label: "Categories",
      enabled: false,
    };
    return { properties, revision: "1" };
  });

  // Reading the settings needs view or add rights on the app's records.
  define("GET", "/app/status.json", (req) => {
    const app = requireId(req, "app");
    if (!(req.caller?.kind === "token" && req.caller.grants.get(app)?.add))
      authorize(req, app, "view");
    return processSettingsAnswer(store, app);
  });

  // An API token needs view rights (https://cybozu.dev/ja/kintone/docs/rest-api/records/update-status/).
  define("PUT", "/record/status.json", (req) => {
    const app = requireId(req, "app");
    const actor = authorize(req, app, "view") ?? store.apiTokenUser;
    const id = requireId(req, "id");
    const action = param(req, "action");
    if (typeof action !== "string" || action === "") throw required("action");
    return runProcessAction(store, app, id, action, actor, param(req, "revision"));
  });

  define("GET", "/app/views.json", (req) => {
    const id = requireId(req, "app");
    // Reading views needs app management rights (https://cybozu.dev/ja/kintone/docs/rest-api/apps/view/get-views/).
    authorize(req, id, "manage");
    const app = store.requireApp(id);
    const views: Record<string, unknown> = {};
    for (const view of app.views) {
      views[view.name] = {
        type: "LIST",
        name: view.name,
        id: view.id,
        fields: app.fields.filter((f) => f.type !== "SUBTABLE").map((f) => f.code),
        filterCond: view.condition,
        sort: view.sort,
        index: view.index,
      };
    }
    return { views, revision: "1" };
  });

  return router;
}

/**
 * Setting creator, modifier or their times on a new record needs app management rights
 * (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/); a token without them is refused.
 */
function requireManageForSystemFields(
  store: KintoneStore,
  req: ApiCall,
  app: string,
  records: Array<Record<string, { value: unknown }>>,
): void {
  if (req.caller?.kind !== "token" || req.caller.grants.get(app)?.manage) return;
  const systemCodes = store
    .requireApp(app)
    .fields.filter((f) => ["CREATOR", "MODIFIER", "CREATED_TIME", "UPDATED_TIME"].includes(f.type))
    .map((f) => f.code);
  const setsSystemField = records.some((record) =>
    systemCodes.some((code) => record?.[code]?.value !== undefined && record[code]?.value !== null),
  );
  if (setsSystemField) {
    // Code unverified; the message is kintone's ("…アプリに管理権限が必要です").
    throw new KintoneApiError(
      403,
      "CB_NO02",
      "App management permission is needed to add records with creator, modifier or their times.",
    );
  }
}

/** A file names no app: an API token's apps must be reachable on the call's path. */
function requireFilePath(req: ApiCall): void {
  const caller = requireCaller(req);
  if (caller.kind === "token") for (const appId of caller.grants.keys()) req.checkAppPath?.(appId);
}

function requireCaller(req: ApiCall): Caller {
  if (!req.caller) throw new KintoneApiError(401, "CB_AU01", "Please login.");
  return req.caller;
}

/** Per-record errors of POST record.json are keyed `record.…`, not `records[0].…`. */
function singleRecordErrors(error: unknown): unknown {
  if (!(error instanceof KintoneApiError) || !error.errors) return error;
  const errors = Object.fromEntries(
    Object.entries(error.errors).map(([key, value]) => [
      key.replace(/^records\[0\]/, "record"),
      value,
    ]),
  );
  return new KintoneApiError(error.status, error.code, error.message, errors);
}

/** The target of one update: `id`, or `updateKey: { field, value }` on a field whose values are unique. */
function resolveUpdate(
  store: KintoneStore,
  app: string,
  item: Record<string, unknown>,
  path: string,
): RecordUpdate {
  const record = (item.record ?? {}) as Record<string, { value: unknown }>;
  const revision = item.revision as string | number | undefined;
  const withRevision = revision === undefined || revision === null ? {} : { revision };
  if (item.id !== undefined && item.id !== null && item.id !== "") {
    if (!/^\d+$/.test(String(item.id)))
      throw invalidInput({ [`${path}id`]: { messages: ["Enter an integer value."] } });
    return { id: String(item.id), record, ...withRevision };
  }
  const updateKey = item.updateKey as { field?: unknown; value?: unknown } | undefined;
  if (!updateKey || typeof updateKey.field !== "string") throw required(`${path}id`);
  // Only a SINGLE_LINE_TEXT or NUMBER field with "prohibit duplicate values" can be an updateKey
  // (https://cybozu.dev/ja/kintone/docs/rest-api/records/update-record/).
  const field = store.requireApp(app).fields.find((f) => f.code === updateKey.field);
  if (!field || !field.unique || !["SINGLE_LINE_TEXT", "NUMBER"].includes(field.type)) {
    throw new KintoneApiError(400, "GAIA_FC01", `The field (code: ${updateKey.field}) not found.`);
  }
  const escaped = String(updateKey.value ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"');
  const { records } = store.queryRecords(app, `${updateKey.field} = "${escaped}" limit 1`);
  const id = records[0]?.$id?.value;
  if (typeof id !== "string") {
    throw new KintoneApiError(
      404,
      "GAIA_RE01",
      `The specified record (${updateKey.field}: ${String(updateKey.value)}) is not found.`,
    );
  }
  return { id, record, ...withRevision };
}

/** Who the request acts as; undefined when it carries no credentials (handlers then answer CB_AU01). */
function authenticate(store: KintoneStore, req: KintoneRequest): Caller | undefined {
  const tokenHeader = req.get("X-Cybozu-API-Token");
  if (tokenHeader !== undefined) {
    const grants = new Map<string, ApiTokenDef["rights"] & { manage?: boolean }>();
    const tokens = tokenHeader.split(",").map((t) => t.trim());
    // At most 9 tokens per request (https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/).
    if (tokens.length > MAX_API_TOKENS) {
      throw invalidInput({
        "X-Cybozu-API-Token": { messages: [`Up to ${MAX_API_TOKENS} API tokens can be given.`] },
      });
    }
    for (const token of tokens) {
      const found = store.findApiToken(token);
      if (!token || !found) {
        throw new KintoneApiError(
          400,
          "GAIA_IA02",
          "The specified API token does not match the API token generated via an app.",
        );
      }
      if (grants.has(found.appId)) {
        throw new KintoneApiError(
          400,
          "GAIA_DA03",
          "You cannot specify a duplicate API token for the same app.",
        );
      }
      grants.set(found.appId, found.rights);
    }
    return { kind: "token", grants };
  }
  // Password auth (X-Cybozu-Authorization: base64 "login:password"), as cli-kintone uses it.
  const passwordHeader = req.get("X-Cybozu-Authorization");
  if (passwordHeader !== undefined) {
    return { kind: "session", user: checkPassword(store, passwordHeader) };
  }
  const session = readSession(store, req.get("Cookie"));
  if (session) {
    // Session auth needs this header, and writes need the page's request token.
    // kintone accepts "XMLHttpRequest" or any other non-empty value.
    if (!req.get("X-Requested-With")) return undefined;
    const isWrite = req.method !== "GET" && !(req.method === "POST" && req.path === "/file.json");
    if (isWrite && req.kintoneParams?.__REQUEST_TOKEN__ !== session.requestToken) {
      throw new KintoneApiError(
        400,
        "CB_IL02",
        "Illegal request: the request token is missing or wrong.",
      );
    }
    if (req.kintoneParams) delete req.kintoneParams.__REQUEST_TOKEN__;
    return {
      kind: "session",
      user: { code: store.loginUser.code, name: store.loginUser.name },
      requestToken: session.requestToken,
    };
  }
  return undefined;
}

/** POST /k/v1/file.json: multipart with one part named `file`; answers a temporary fileKey. */
function uploadFile(store: KintoneStore, req: KintoneRequest): Promise<{ fileKey: string }> {
  return new Promise((resolve, reject) => {
    if (!req.is("multipart/form-data")) {
      reject(invalidInput({ file: { messages: ["Required field."] } }));
      return;
    }
    let busboy: ReturnType<typeof Busboy>;
    try {
      busboy = Busboy({ headers: req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    } catch {
      reject(invalidInput({ file: { messages: ["Invalid multipart body."] } }));
      return;
    }
    let upload: { bytes: Buffer; name: string; contentType: string } | undefined;
    let requestToken: string | undefined;
    let tooLarge = false;
    busboy.on("field", (name, value) => {
      if (name === "__REQUEST_TOKEN__") requestToken = value;
    });
    busboy.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => {
        tooLarge = true;
      });
      stream.on("end", () => {
        upload = {
          bytes: Buffer.concat(chunks),
          name: info.filename ?? "file",
          contentType: info.mimeType || "application/octet-stream",
        };
      });
    });
    busboy.on("error", () =>
      reject(invalidInput({ file: { messages: ["Invalid multipart body."] } })),
    );
    busboy.on("close", () => {
      if (req.caller?.kind === "session" && requestToken !== req.caller.requestToken) {
        reject(
          new KintoneApiError(
            400,
            "CB_IL02",
            "Illegal request: the request token is missing or wrong.",
          ),
        );
        return;
      }
      if (tooLarge) {
        reject(invalidInput({ file: { messages: ["The file is too large."] } }));
        return;
      }
      if (!upload) {
        reject(invalidInput({ file: { messages: ["Required field."] } }));
        return;
      }
      resolve(store.putFile(new Uint8Array(upload.bytes), upload.name, upload.contentType));
    });
    req.pipe(busboy);
  });
}

export async function startKintoneEmulator(
  options: KintoneEmulatorOptions = {},
): Promise<KintoneEmulator> {
  const store = options.store ?? new KintoneStore();
  for (const def of options.apps ?? []) store.createApp(def);
  let latencyMs = options.latencyMs ?? 0;
  let concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;
  const rules: Array<FailRule & { remaining: number }> = [];
  const requests: KintoneEmulator["requests"] = [];
  const hanging = new Set<Response>();

  const app = express();
  app.disable("x-powered-by");
  // kintone's fields[0]..fields[99] in a query string: qs's default array limit (20) would turn them into an object.
  app.set("query parser", (text: string) => qs.parse(text, { arrayLimit: 1000, depth: 10 }));

  app.use((req, res, next) => {
    const entry = { method: req.method, path: req.path, status: 0, at: Date.now() };
    res.on("finish", () => {
      entry.status = res.statusCode;
      requests.push(entry);
    });
    res.on("close", () => {
      if (!res.writableFinished) requests.push(entry);
    });
    next();
  });

  app.use((req, res, next) => {
    const index = rules.findIndex(
      (rule) =>
        (!rule.method || rule.method.toUpperCase() === req.method) &&
        (!rule.pathPrefix || req.path.startsWith(rule.pathPrefix)),
    );
    const rule = index >= 0 ? rules[index] : undefined;
    if (!rule) {
      next();
      return;
    }
    if (--rule.remaining <= 0) rules.splice(index, 1);
    if (rule.status === "timeout") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    const error = new KintoneApiError(
      rule.status,
      "EMULATOR_INJECTED_FAILURE",
      `Failure injected by the kintone emulator (${rule.status}).`,
    );
    sendError(res, error);
  });

  // kintone runs at most 100 REST requests of a domain at once and answers 429 beyond; responses carry
  // the limit and the running count (https://cybozu.dev/ja/kintone/tips/development/customize/columns/concurrent-connection-limit-reason).
  let running = 0;
  app.use(["/k/v1", GUEST_API_PATH], (_req, res, next) => {
    if (running >= concurrencyLimit) {
      res.setHeader("X-ConcurrencyLimit-Limit", String(concurrencyLimit));
      res.setHeader("X-ConcurrencyLimit-Running", String(running));
      // Code unverified: kintone documents the status (429), not the body's code.
      sendError(
        res,
        new KintoneApiError(429, "EMULATOR_CONCURRENCY_LIMIT", "Too many concurrent requests."),
      );
      return;
    }
    running++;
    res.once("close", () => running--);
    res.setHeader("X-ConcurrencyLimit-Limit", String(concurrencyLimit));
    res.setHeader("X-ConcurrencyLimit-Running", String(running));
    next();
  });

  app.use((_req, _res, next) => {
    if (latencyMs > 0) setTimeout(next, latencyMs);
    else next();
  });

  app.use("/k/v1", createKintoneRestRouter(store));
  app.use(
    GUEST_API_PATH,
    (req: KintoneRequest, _res, next) => {
      req.guestSpaceId = String(req.params.guestSpaceId);
      next();
    },
    createKintoneRestRouter(store, (req) => (req as KintoneRequest).guestSpaceId),
  );
  options.mount?.(app, store);

  app.use((_req: Request, res: Response) => {
    // Code unverified: kintone answers unknown APIs with 404 and its error shape.
    sendError(res, new KintoneApiError(404, "CB_NF01", "The specified API does not exist."));
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof KintoneApiError) return sendError(res, error);
    const status = (error as { status?: number; type?: string }).status;
    if ((error as { type?: string }).type === "entity.parse.failed") {
      return sendError(res, new KintoneApiError(400, "CB_IJ01", "Invalid JSON string."));
    }
    if (status === 413)
      return sendError(res, new KintoneApiError(413, "CB_RE01", "The request is too large."));
    console.error("kintone emulator: unexpected error", error);
    sendError(
      res,
      new KintoneApiError(500, "CB_IE01", "An unexpected error occurred in the kintone emulator."),
    );
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://localhost:${port}`,
    port,
    store,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    configure: (o) => {
      if (o.latencyMs !== undefined) latencyMs = o.latencyMs;
      if (o.concurrencyLimit !== undefined) concurrencyLimit = o.concurrencyLimit;
    },
    failNext: (rule) => {
      rules.push({ ...rule, remaining: rule.count ?? 1 });
    },
    createGuestSpaceApp: (def, spaceId) => {
      const created = store.createApp(def);
      placeAppInGuestSpace(store, created.id, spaceId);
      return created;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
