/**
 * `startProxy(config)`: wire the real adapters and listen. `npm run proxy` (main.ts) calls it, as
 * do the sandbox, the tests and the benchmarks; importing this file starts nothing.
 */
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { createSharpImageNormalizer } from "./adapters/images/createSharpImageNormalizer";
import { createKintoneRecordStore } from "./adapters/kintone/KintoneRecordStore";
import { STRIPE_REQUESTS_PER_SECOND } from "./adapters/stripe/createRequestPacer";
import { createStripePaymentGateway } from "./adapters/stripe/StripePaymentGateway";
import { readVersion, type ProxyConfig } from "./config";
import { createApp, type AppDependencies } from "./http/createApp";
import type { Journal } from "./journal/Journal";
import { createCoordination, createLeaderLock, openJournal } from "./adapters/openJournal";
import { openStripeRateShare } from "./adapters/openStripeRateShare";
import type { PostgresStripeRateShareOptions } from "./adapters/postgres/PostgresStripeRateShare";
import { newProxyId } from "./deps/proxyId";
import { retryLeadership } from "./deps/retryLeadership";
import { jobConcurrency } from "./jobs/jobConcurrency";
import { JobRunner, SHARED_JOURNAL_POLL_INTERVAL_MS } from "./jobs/JobRunner";
import { scheduleJobs } from "./jobs/scheduleJobs";
import { createLogger } from "./logging/createLogger";
import { ServerErrorKeys } from "./deps/ServerErrorKeys";
import { RecordWriter } from "./writeback/RecordWriter";
import { createStripeWebhookVerifier } from "./adapters/stripe/StripeWebhookVerifier";
import type { PaymentEventDeps } from "./events/applyPaymentEvent";
import { EventCatchUp, type CatchUpResult, type EventCatchUpOptions } from "./events/EventCatchUp";
import { mountStripeWebhook } from "./http/mountStripeWebhook";
import type { RateLimitOptions } from "./http/rateLimits";

export interface RunningProxy {
  /** `http://localhost:PORT` */
  url: string;
  port: number;
  /** The journal in use, for a later issue's features and for tests that inspect it. */
  journal: Journal;
  /**
   * One pass of the write-back retry loop now (it also runs on its own every few seconds);
   * `all` includes write-backs whose backoff has not run out yet.
   */
  retryPendingWriteBacks(options?: { all?: boolean }): Promise<void>;
  /** One Stripe event catch-up pass now (it also runs at start and every few minutes). */
  catchUpEvents(): Promise<CatchUpResult>;
  /** This proxy's name on the job items and write-backs it claims. */
  proxyId: string;
  /** Whether this proxy leads (runs the timed event catch-up and the scheduled jobs) now. */
  isLeader(): boolean;
  close(): Promise<void>;
}

export interface StartProxyOptions {
  /** Interface to listen on; default all (Node's default). Tests pass 127.0.0.1. */
  host?: string;
  logger?: Logger;
  /** Journal file; default `DATA_DIR/journal.sqlite`. `:memory:` for tests. `DATABASE_URL` wins. */
  journalFile?: string;
  /** Pending write-back retries: first delay (doubling per attempt) and loop interval; default 5 s each. */
  writeBackRetry?: { firstDelayMs?: number; intervalMs?: number };
  /** Extra wiring for a later issue (the webhook route), given the app's dependencies. */
  extend?: (deps: AppDependencies) => Partial<AppDependencies>;
  /** Stripe requests per second the gateway allows itself; default Stripe's limit (25 test, 100 live). */
  stripeRateLimitPerSecond?: number;
  /** Bulk jobs: how often finished records are written back while a job runs (default 5 s). */
  jobs?: {
    writeBackIntervalMs?: number;
    /** How long claimed items stay this proxy's without a renewal (default 1 min). */
    leaseMs?: number;
    /** Pending items claimed at once (default 100). */
    sliceSize?: number;
    /** How often unfinished jobs are looked at for claimable items (default 5 s). */
    pollIntervalMs?: number;
  };
  /** With `DATABASE_URL`: how often a proxy that does not lead tries to (default 10 s). */
  leaderRetryIntervalMs?: number;
  /** Stripe event catch-up: interval (default 5 minutes) and margin. */
  eventCatchUp?: EventCatchUpOptions;
  /**
   * Per-client limits on /v1 (proxy/http/rateLimits.ts, default DEFAULT_RATE_LIMITS): a load test
   * raises `authenticated.limit`, e.g. `{ authenticated: { limit: 1_000_000 } }`.
   */
  rateLimits?: RateLimitOptions;
  /** The proxy's clock (webhook arrivals, diagnostics, jobs); default the machine's. */
  now?: () => Date;
  /** With DATABASE_URL: how often this proxy beats and how long a silent proxy still counts. */
  stripePacing?: Pick<PostgresStripeRateShareOptions, "heartbeatMs" | "liveForMs">;
}

export async function startProxy(
  config: ProxyConfig,
  options: StartProxyOptions = {},
): Promise<RunningProxy> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const now = options.now ?? (() => new Date());
  const journal = await openJournal(config, { journalFile: options.journalFile, logger });
  const stripeRequestsPerSecond =
    options.stripeRateLimitPerSecond ?? STRIPE_REQUESTS_PER_SECOND[config.stripeMode];
  // Proxies on one database split Stripe's limit, which counts per account.
  const rateShare = await openStripeRateShare(config, { logger, pacing: options.stripePacing });
  const gateway = createStripePaymentGateway({
    apiKey: config.stripeApiKey,
    mode: config.stripeMode,
    keyType: config.stripeKeyType,
    apiBase: config.stripeApiBase,
    logger,
    rateLimitPerSecond: stripeRequestsPerSecond,
    rateShare: () => rateShare.current(),
  });
  const records = createKintoneRecordStore({
    baseUrl: config.kintoneBaseUrl,
    apiTokens: config.kintoneApiTokens,
    guestSpaceIds: config.kintoneGuestSpaces,
    logger,
  });
  // Alone on SQLite, a restarted proxy takes its predecessor's claims back at once; sharing
  // PostgreSQL, each process has a name of its own and a dead one's claims wait out their lease.
  const proxyId = config.databaseUrl ? newProxyId() : "embedded";
  const writer = new RecordWriter(records, journal, logger, {
    firstRetryDelayMs: options.writeBackRetry?.firstDelayMs,
    owner: proxyId,
  });
  // One per proxy: webhooks, sync and checkouts take the same per-session locks (with
  // DATABASE_URL, the same locks as every other proxy on that database).
  const locks = createCoordination(config, logger);
  const coordination = locks.coordination;
  const eventDeps: PaymentEventDeps = {
    journal,
    coordination,
    gateway,
    writer,
    records,
    logger,
    now,
    servedAppIds: Object.keys(config.kintoneApiTokens),
  };
  if (!config.stripeWebhookSecret) {
    logger.warn(
      "STRIPE_WEBHOOK_SECRET is not set: POST /v1/stripe/webhook refuses events; records follow Stripe only through the event catch-up every few minutes.",
    );
  }
  const webhookVerifier = config.stripeWebhookSecret
    ? createStripeWebhookVerifier({ secret: config.stripeWebhookSecret })
    : undefined;
  const leader = createLeaderLock(config, logger);
  const catchUp = new EventCatchUp(eventDeps, {
    ...options.eventCatchUp,
    isLeader: () => leader.isLeader(),
  });
  const baseDeps: AppDependencies = {
    mountRawBodyRoutes: (app) =>
      mountStripeWebhook(app, { verifier: webhookVerifier, deps: eventDeps }),
    gateway,
    records,
    journal,
    imageNormalizer: createSharpImageNormalizer(),
    writer,
    logger,
    now,
    coordination,
    serverErrorKeys: new ServerErrorKeys(),
    cacheScope: createHash("sha256")
      .update(`${config.stripeApiBase ?? "https://api.stripe.com"}|${config.stripeApiKey}`)
      .digest("hex")
      .slice(0, 16),
    proxySecret: config.proxySecret,
    rateLimits: options.rateLimits,
    version: readVersion(),
    setup: {
      appIds: Object.keys(config.kintoneApiTokens),
      guestSpaceIds: config.kintoneGuestSpaces,
      stripeKeyType: config.stripeKeyType,
      stripeMode: config.stripeMode,
      webhookConfigured: Boolean(config.stripeWebhookSecret),
    },
  };
  const extended = { ...baseDeps, ...options.extend?.(baseDeps) };
  // Jobs keep as many records in flight as it takes to use the gateway's whole rate limit.
  const jobs = new JobRunner(extended, {
    concurrency: jobConcurrency(stripeRequestsPerSecond),
    writeBackIntervalMs: options.jobs?.writeBackIntervalMs,
    owner: proxyId,
    leaseMs: options.jobs?.leaseMs,
    sliceSize: options.jobs?.sliceSize,
    pollIntervalMs:
      options.jobs?.pollIntervalMs ??
      (config.databaseUrl ? SHARED_JOURNAL_POLL_INTERVAL_MS : undefined),
  });
  const deps = { ...extended, jobs };
  const app = createApp(deps);

  const server = await new Promise<import("node:http").Server>((resolve, reject) => {
    const ready = (error?: Error) => (error ? reject(error) : resolve(listening));
    const listening = options.host
      ? app.listen(config.port, options.host, ready)
      : app.listen(config.port, ready);
  });
  const port = (server.address() as AddressInfo).port;
  // Write-backs kintone could not take earlier are retried now and then in the background.
  writer.startRetryLoop(options.writeBackRetry?.intervalMs);
  // Jobs a stopped or killed proxy left unfinished continue from their pending records.
  await jobs.start();
  // One proxy of those sharing a database leads; the others keep trying, to take over.
  await leader.tryAcquire();
  const leaderRetry = retryLeadership(leader, options.leaderRetryIntervalMs ?? 10_000, (error) =>
    logger.warn({ err: error }, "leader lock not tried"),
  );
  const schedules = scheduleJobs(deps, config.scheduledJobs ?? [], () => leader.isLeader());
  // Events missed while the proxy was down are fetched now, then every few minutes.
  catchUp.start();
  logger.info({ port, kintoneApps: deps.setup.appIds }, "proxy listening");

  return {
    url: `http://localhost:${port}`,
    port,
    journal,
    retryPendingWriteBacks: (retryOptions) => writer.retryPending(retryOptions),
    catchUpEvents: () => catchUp.runOnce(),
    proxyId,
    isLeader: () => leader.isLeader(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await catchUp.stop();
      schedules.stop();
      leaderRetry.stop();
      await leader.close();
      await jobs.stop();
      await writer.stopRetryLoop();
      await locks.close();
      await rateShare.close();
      await journal.close();
    },
  };
}
