/**
 * The proxy as its own process for the benchmarks (bench/setup.ts forks it), so its latency, CPU
 * time and memory are its own and not shared with the emulators or autocannon. Configured like
 * `npm run proxy`, from the environment (proxy/config.ts), plus two bench-only settings:
 * - BENCH_STRIPE_RATE_LIMIT: requests/s the Stripe gateway allows itself (startProxy's
 *   `stripeRateLimitPerSecond`); absent: the product's default for the key (25 with a test key).
 * - BENCH_JOURNAL_FILE: the journal file (a temporary file, as in production a file on disk).
 * - BENCH_AUTHENTICATED_LIMIT: authenticated /v1 requests per minute allowed to one client
 *   (startProxy's `rateLimits.authenticated.limit`); absent: the product's default.
 *
 * It also measures, without touching the product, the time its outgoing HTTP requests (Stripe,
 * kintone) spend between start and the end of their response, through Node's built-in
 * diagnostics channels `http.client.request.start` / `http.client.response.finish`
 * (https://nodejs.org/docs/latest-v20.x/api/diagnostics_channel.html#http), and answers the
 * parent's `stats` message with it, its CPU time (process.cpuUsage) and memory.
 */
import diagnostics from "node:diagnostics_channel";
import { loadConfig } from "../proxy/config";
import { createLogger } from "../proxy/logging/createLogger";
import { startProxy } from "../proxy/startProxy";
import { processStats } from "./processStats";

export type ToProxyProcess = { type: "stats" } | { type: "close" };
export type FromProxyProcess =
  | { type: "ready"; port: number }
  | { type: "failed"; message: string }
  | { type: "stats"; stats: ProxyProcessStats }
  | { type: "closed" };

export interface ProxyProcessStats {
  /** Microseconds of CPU (user + system) since the process started, and the system part. */
  cpuMicros: number;
  cpuSystemMicros: number;
  /** Outgoing HTTP requests finished, and the sum of their durations (ms). */
  upstreamRequests: number;
  upstreamMs: number;
  /** Incoming requests the proxy answered. */
  incomingRequests: number;
  rssBytes: number;
}

const started = new WeakMap<object, number>();
let upstreamRequests = 0;
let upstreamMs = 0;
let incomingRequests = 0;
diagnostics.subscribe("http.client.request.start", (message) => {
  started.set((message as { request: object }).request, performance.now());
});
diagnostics.subscribe("http.client.response.finish", (message) => {
  const begin = started.get((message as { request: object }).request);
  if (begin === undefined) return;
  upstreamRequests += 1;
  upstreamMs += performance.now() - begin;
});
diagnostics.subscribe("http.server.response.finish", () => {
  incomingRequests += 1;
});

function send(message: FromProxyProcess): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    send({ type: "failed", message: loaded.message });
    process.exit(1);
  }
  const rate = process.env.BENCH_STRIPE_RATE_LIMIT;
  const authenticatedLimit = process.env.BENCH_AUTHENTICATED_LIMIT;
  const proxy = await startProxy(loaded.config, {
    host: "127.0.0.1",
    journalFile: process.env.BENCH_JOURNAL_FILE,
    // The product's own logger at the configured level (a line per request at info), to a
    // stdout the bench discards: its cost is part of the proxy's.
    logger: createLogger({ level: loaded.config.logLevel }),
    ...(rate ? { stripeRateLimitPerSecond: Number(rate) } : {}),
    ...(authenticatedLimit
      ? { rateLimits: { authenticated: { limit: Number(authenticatedLimit) } } }
      : {}),
  });
  process.on("message", (message: ToProxyProcess) => {
    if (message.type === "stats") {
      send({
        type: "stats",
        stats: processStats({ upstreamRequests, upstreamMs, incomingRequests }),
      });
    } else if (message.type === "close") {
      proxy.close().then(
        () => {
          send({ type: "closed" });
          process.exit(0);
        },
        () => process.exit(1),
      );
    }
  });
  // The bench going away (crash, Ctrl-C) takes the proxy with it.
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", port: proxy.port });
}

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
