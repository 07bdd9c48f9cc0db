/** The REST API of the kintone emulator: one route file per API area, as `@kintone/rest-api-client` has one client per area. */
import express, { type Request } from "express";
import { requireAppPath } from "../KintoneGuestSpaces";
import { createPluginRestRouter } from "../KintonePlugins";
import type { KintoneStore } from "../KintoneStore";
import type { KintoneRequest } from "./apiCall";
import { defineAppRoutes } from "./appRoutes";
import { authenticate } from "./authenticate";
import { defineBulkRequestRoute } from "./bulkRequestRoute";
import { defineCursorRoutes } from "./cursorRoutes";
import { defineFileRoutes } from "./fileRoutes";
import { defineFormRoutes } from "./formRoutes";
import { defineProcessRoutes } from "./processRoutes";
import { defineRecordRoutes } from "./recordRoutes";
import { defineRecordsRoutes } from "./recordsRoutes";
import { createRestRoutes } from "./restRoutes";

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

  const routes = createRestRoutes(router);
  defineRecordRoutes(routes, store);
  defineRecordsRoutes(routes, store);
  defineCursorRoutes(routes, store);
  defineFileRoutes(routes, store);
  defineBulkRequestRoute(routes, store);
  defineAppRoutes(routes, store);
  defineFormRoutes(routes, store);
  defineProcessRoutes(routes, store);
  return router;
}
