/** app.json, apps.json and app/views.json: the apps and their views (https://cybozu.dev/ja/kintone/docs/rest-api/apps/). */
import { guestSpaceOfApp } from "../KintoneGuestSpaces";
import type { KintoneStore } from "../KintoneStore";
import { authorize, param, requireCaller, requireId, stringList } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

export function defineAppRoutes({ define }: RestRoutes, store: KintoneStore): void {
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
}
