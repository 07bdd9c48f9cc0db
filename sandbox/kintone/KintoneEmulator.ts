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
 * The routes live in rest/, one file per API area. Test controls: `latencyMs`, `failNext`,
 * `requests`, `configure({ concurrencyLimit })`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import qs from "qs";
import { KintoneApiError } from "./KintoneApiError";
import { placeAppInGuestSpace } from "./KintoneGuestSpaces";
import { KintoneStore } from "./KintoneStore";
import { sendError, type KintoneRequest } from "./rest/apiCall";
import { createKintoneRestRouter } from "./rest/createKintoneRestRouter";
import type { AppDefinition } from "./store/appDefinition";

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

export const DEFAULT_CONCURRENCY_LIMIT = 100;

/** Guest-space apps' REST API (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/). */
const GUEST_API_PATH = "/k/guest/:guestSpaceId/v1";

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
