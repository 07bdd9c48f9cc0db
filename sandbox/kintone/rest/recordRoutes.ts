/** record.json: read, add and update one record (https://cybozu.dev/ja/kintone/docs/rest-api/records/). */
import { KintoneApiError } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import { authorize, param, requireId } from "./apiCall";
import { requireManageForSystemFields, resolveUpdate } from "./recordWrites";
import type { RestRoutes } from "./restRoutes";

export function defineRecordRoutes({ define }: RestRoutes, store: KintoneStore): void {
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
