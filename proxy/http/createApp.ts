/**
 * The proxy's Express app, without listening (tests and `startProxy` listen). Routes are thin:
 * parse with zod → call a use case → shape the answer.
 */
import { randomUUID } from "node:crypto";
import express, { type Express, type Request } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { getJob } from "../jobs/getJob";
import type { JobRunner } from "../jobs/JobRunner";
import { listJobs } from "../jobs/listJobs";
import { submitJob } from "../jobs/submitJob";
import { createCheckouts } from "../checkout/createCheckouts";
import { diagnose } from "../diagnostics/diagnose";
import { expireCheckout } from "../sessions/expireCheckout";
import { getCheckout } from "../sessions/getCheckout";
import { listCheckouts } from "../sessions/listCheckouts";
import { syncCheckout } from "../sessions/syncCheckout";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { appScopeOf, assertBoundApp, bindApp } from "./appBinding";
import { authenticate } from "./authenticate";
import { errorHandler, notFound } from "./errorHandler";
import { createRateLimits, type RateLimitOptions } from "./rateLimits";
import { mountSubscriptionRoutes } from "./subscriptionRoutes";
import {
  createCheckoutsBody,
  listCheckoutsQuery,
  listJobsQuery,
  pickLanguage,
  sessionIdParam,
  createJobBody,
} from "./requestSchemas";

export interface AppDependencies extends UseCaseDeps {
  proxySecret: string;
  version: string;
  logger: Logger;
  /** What /v1/diagnostics reports besides what it asks Stripe and kintone. */
  setup: {
    appIds: string[];
    /** App id → its guest space, for the apps served in one (X-Kintone-Guest-Space-Id binding). */
    guestSpaceIds?: Record<string, string>;
    stripeKeyType: "restricted" | "secret";
    stripeMode: "test" | "live";
    webhookConfigured: boolean;
  };
  /**
   * Routes that must see the raw body, mounted BEFORE the JSON parser and the auth check:
   * `POST /v1/stripe/webhook` verifies `Stripe-Signature` over the exact bytes Stripe sent
   * (https://docs.stripe.com/webhooks#verify-events), so it registers itself here with
   * `express.raw({ type: "application/json" })`.
   */
  mountRawBodyRoutes?: (app: Express) => void;
  /** Body size limit of the JSON parser; default 1mb (100 records and a mapping fit easily). */
  jsonLimit?: string;
  /** Bulk jobs (POST/GET /v1/jobs); without it those routes answer 404 NOT_FOUND. */
  jobs?: JobRunner;
  /**
   * Per-client limits on /v1 (rateLimits.ts): failed authentications and authenticated traffic;
   * default DEFAULT_RATE_LIMITS. A load test raises them; the webhook is never limited.
   */
  rateLimits?: RateLimitOptions;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  // Answers are never cached (no client sends If-None-Match): no hash of every body for an ETag.
  app.set("etag", false);
  // The documented nginx (deploy.md) forwards from 127.0.0.1: its X-Forwarded-For names the client.
  // From any other peer the header is ignored, so nobody can pick their own rate-limit key.
  app.set("trust proxy", "loopback");
  app.use(helmet());
  app.use(requestLog(deps.logger));

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, version: deps.version });
  });

  // The Stripe webhook (mountStripeWebhook): raw body, its own signature check instead of the proxy secret.
  deps.mountRawBodyRoutes?.(app);

  // Limits and the secret come before the JSON parser: a refused caller's body is never parsed.
  const limits = createRateLimits(deps.rateLimits);
  app.use(
    "/v1",
    limits.failedAuthGuard,
    authenticate(deps.proxySecret, { onFailure: (req) => limits.recordFailedAuth(req) }),
    limits.authenticated,
    // After the secret: which app the call is bound to (X-Kintone-App-Id), if any.
    bindApp(deps.setup?.guestSpaceIds),
  );
  app.use(express.json({ limit: deps.jsonLimit ?? "1mb" }));

  app.post("/v1/checkouts", async (req, res) => {
    const body = createCheckoutsBody.parse(req.body ?? {});
    assertBoundApp(appScopeOf(res), body.appId, "appId");
    const result = await createCheckouts(deps, {
      ...body,
      language: pickLanguage(req.get("accept-language")),
    });
    if (result.kind === "preview") res.status(200).json({ preview: result.preview });
    else res.status(201).json({ sessions: result.sessions });
  });

  app.get("/v1/checkouts", async (req, res) => {
    const query = listCheckoutsQuery.parse(flatQuery(req));
    const scope = appScopeOf(res);
    assertBoundApp(scope, query.appId, "appId");
    res.json(await listCheckouts(deps, scope ? { ...query, appId: scope.appId } : query));
  });

  app.get("/v1/checkouts/:id", async (req, res) => {
    const { id } = sessionIdParam.parse(req.params);
    res.json({ session: await getCheckout(deps, id, appScopeOf(res)) });
  });

  app.post("/v1/checkouts/:id/sync", async (req, res) => {
    const { id } = sessionIdParam.parse(req.params);
    res.json({ session: await syncCheckout(deps, id, appScopeOf(res)) });
  });

  app.post("/v1/checkouts/:id/expire", async (req, res) => {
    const { id } = sessionIdParam.parse(req.params);
    res.json({ session: await expireCheckout(deps, id, appScopeOf(res)) });
  });

  const jobs = deps.jobs;
  if (jobs) {
    app.post("/v1/jobs", async (req, res) => {
      const body = createJobBody.parse(req.body ?? {});
      assertBoundApp(appScopeOf(res), body.appId, "appId");
      const language = pickLanguage(req.get("accept-language"));
      res.status(202).json({ job: await submitJob({ ...deps, jobs }, { ...body, language }) });
    });

    app.get("/v1/jobs", async (req, res) => {
      const query = listJobsQuery.parse(flatQuery(req));
      assertBoundApp(appScopeOf(res), query.appId, "appId");
      res.json(await listJobs(deps, query));
    });

    app.get("/v1/jobs/:id", async (req, res) => {
      res.json({ job: await getJob(deps, String(req.params.id), appScopeOf(res)) });
    });
  }

  mountSubscriptionRoutes(app, deps);

  // Not scoped to the bound app: no customer data, only the key's mode and each served app's token
  // health, which the settings screen's "Test connection" shows for every app on purpose.
  app.get("/v1/diagnostics", async (req, res) => {
    res.json(await diagnose(deps, deps.setup, pickLanguage(req.get("accept-language"))));
  });

  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}

/** Query values as single strings (a repeated parameter keeps its first value). */
function flatQuery(req: Request): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first !== "") flat[key] = first;
  }
  return flat;
}

/** One line per request: method, path (no query: it may hold e-mail addresses), status, time. */
function requestLog(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        "request",
      );
    });
    next();
  };
}
