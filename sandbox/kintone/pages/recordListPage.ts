/** An app's record list (`/k/:appId/`): views, a filter, sorting by a column, paging, and the plugin's scripts. */
import type { Router } from "express";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { PageContext } from "../browser/PageContext";
import { pluginFileUrl, queryParam, type PageKit } from "./pageKit";
import { localFiles } from "./readPluginManifest";
import { renderListBody } from "./renderListBody";

export const LIST_PAGE_SIZE = 20;
/** The id kintone gives the built-in "(All records)" view. */
export const ALL_RECORDS_VIEW_ID = "20";

export function registerRecordListPage(router: Router, kit: PageKit): void {
  const { store, pluginId, manifest, openAppPage } = kit;
  const { sendPage, baseContext } = kit;
  router.get("/k/:appId", (req, res, next) => {
    const appId = String(req.params.appId);
    if (!/^\d+$/.test(appId)) return next();
    const opened = openAppPage(req, res, appId);
    if (opened === undefined) return;
    const { app, t, requestToken } = opened;

    const views = [
      {
        id: ALL_RECORDS_VIEW_ID,
        name: t.allRecords,
        condition: "",
        sort: "Record_number desc",
      },
      ...app.views,
    ];
    const view = views.find((v) => v.id === queryParam(req, "view")) ?? views[0]!;
    const filter = queryParam(req, "query") ?? "";
    const conditions = [view.condition, filter].filter((c) => c.trim() !== "");
    const queryCondition =
      conditions.length > 1 ? conditions.map((c) => `(${c})`).join(" and ") : (conditions[0] ?? "");
    const offset = Math.max(0, Math.floor(Number(queryParam(req, "offset") ?? "0")) || 0);
    // A click on a column title sorts by it (`?sort=code asc`); only the app's own fields.
    const sortMatch = /^([A-Za-z0-9_]+) (asc|desc)$/.exec(queryParam(req, "sort") ?? "");
    const sort =
      sortMatch !== null && app.fields.some((f) => f.code === sortMatch[1])
        ? sortMatch[0]
        : view.sort;
    const query =
      `${queryCondition} order by ${sort} limit ${LIST_PAGE_SIZE} offset ${offset}`.trim();

    let records: { records: KintoneRecord[]; totalCount: number };
    let error: string | undefined;
    try {
      records = store.queryRecords(appId, query);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      records = { records: [], totalCount: 0 };
    }
    const plugin = manifest();
    const listUrl = (params: Record<string, string>) => {
      const search = new URLSearchParams();
      if (view.id !== ALL_RECORDS_VIEW_ID) search.set("view", view.id);
      if (filter !== "") search.set("query", filter);
      if (sort !== view.sort) search.set("sort", sort);
      for (const [key, value] of Object.entries(params)) search.set(key, value);
      const text = search.toString();
      return `/k/${appId}/${text === "" ? "" : `?${text}`}`;
    };
    const context: PageContext = {
      ...baseContext(appId, app.name, requestToken),
      page: "list",
      pluginScripts: localFiles(plugin.desktop?.js).map(pluginFileUrl),
      viewId: view.id,
      viewName: view.name,
      queryCondition,
      query,
      records: records.records,
      offset,
      size: records.records.length,
      totalCount: records.totalCount,
    };
    sendPage(req, res, 200, {
      title: app.name,
      styles: localFiles(plugin.desktop?.css).map(pluginFileUrl),
      context,
      body: renderListBody({
        appId,
        appName: app.name,
        fields: app.fields,
        views,
        viewId: view.id,
        records: records.records,
        offset,
        size: LIST_PAGE_SIZE,
        totalCount: records.totalCount,
        user: store.loginUser,
        viewUrl: (viewId) =>
          viewId === ALL_RECORDS_VIEW_ID
            ? `/k/${appId}/`
            : `/k/${appId}/?view=${encodeURIComponent(viewId)}`,
        pageUrl: (nextOffset) => listUrl(nextOffset === 0 ? {} : { offset: String(nextOffset) }),
        sort,
        sortUrl: (fieldCode) =>
          listUrl({ sort: `${fieldCode} ${sort === `${fieldCode} asc` ? "desc" : "asc"}` }),
        settingsUrl: `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`,
        error,
        notice: queryParam(req, "updated") === "1" ? t.appUpdated : undefined,
      }),
    });
  });
}
