/** records.json: query, add, update and delete records in bulk (https://cybozu.dev/ja/kintone/docs/rest-api/records/). */
import { invalidInput } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import { authorize, param, required, requireId, stringList } from "./apiCall";
import {
  MAX_RECORDS_PER_WRITE,
  recordsToWrite,
  requireManageForSystemFields,
  resolveUpdate,
} from "./recordWrites";
import type { RestRoutes } from "./restRoutes";

export function defineRecordsRoutes({ define }: RestRoutes, store: KintoneStore): void {
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
}
