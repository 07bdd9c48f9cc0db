/** bulkRequest.json: several write APIs run all-or-nothing in one request. */
import { KintoneApiError, invalidInput } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import { listParam, param, required, type KintoneRequest } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

export const MAX_BULK_REQUESTS = 20;

export function defineBulkRequestRoute(
  { router, operations }: RestRoutes,
  store: KintoneStore,
): void {
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
}
