/** records/cursor.json: create, read and delete cursors (https://cybozu.dev/ja/kintone/docs/rest-api/records/create-cursor/). */
import { invalidInput } from "../KintoneApiError";
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT } from "../query/parsedQuery";
import type { KintoneStore } from "../KintoneStore";
import { authorize, param, required, requireId, stringList } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

export function defineCursorRoutes({ define }: RestRoutes, store: KintoneStore): void {
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
}
