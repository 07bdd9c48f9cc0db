/** app/status.json and record/status.json: process management's settings and actions. */
import type { KintoneStore } from "../KintoneStore";
import { processSettingsAnswer, runProcessAction } from "../ProcessManagement";
import { authorize, param, required, requireId } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

export function defineProcessRoutes({ define }: RestRoutes, store: KintoneStore): void {
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
}
