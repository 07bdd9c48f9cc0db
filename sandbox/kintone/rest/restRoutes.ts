/** How the REST router's APIs are defined: once as a route, once as an operation bulkRequest.json can run. */
import type express from "express";
import type { NextFunction, Response } from "express";
import type { ApiCall, KintoneRequest } from "./apiCall";

export type Operation = (call: ApiCall) => unknown;

export interface RestRoutes {
  router: express.Router;
  /** Operations by "METHOD /path", for the router and for bulkRequest.json. */
  operations: Map<string, Operation>;
  define(method: "GET" | "POST" | "PUT" | "DELETE", path: string, operation: Operation): void;
  /** A route answering what `fn` returns (or resolves to) as JSON; nothing when it answers itself. */
  handle(
    fn: (req: KintoneRequest, res: Response) => unknown,
  ): (req: KintoneRequest, res: Response, next: NextFunction) => void;
}

export function createRestRoutes(router: express.Router): RestRoutes {
  const operations = new Map<string, Operation>();
  const handle: RestRoutes["handle"] = (fn) => (req, res, next) => {
    try {
      const result = fn(req, res);
      if (result instanceof Promise)
        result.then((body) => body !== undefined && res.json(body), next);
      else if (result !== undefined) res.json(result);
    } catch (error) {
      next(error);
    }
  };
  const define: RestRoutes["define"] = (method, path, operation) => {
    operations.set(`${method} ${path}`, operation);
    const route = handle((req) => operation(req));
    if (method === "GET") router.get(path, route);
    else if (method === "POST") router.post(path, route);
    else if (method === "PUT") router.put(path, route);
    else router.delete(path, route);
  };
  return { router, operations, define, handle };
}
