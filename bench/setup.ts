/**
 * Emulators (in the bench process) and the proxy (its own process, bench/proxyProcess.ts) for the
 * benchmarks; every server binds 127.0.0.1/localhost.
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { KintoneEmulator } from "../sandbox/kintone/KintoneEmulator";
import { startOrdersEmulators } from "../sandbox/startOrdersEmulators";
import type { StripeEmulator, StripeEmulatorOptions } from "../sandbox/stripe/StripeEmulator";
import { callProxy } from "../testkit/callProxy";
import { addOrderRecords, type OrderRow } from "../testkit/orderRecords";
import { ORDERS_WRITE_BACK_WITH_ERROR, ordersMappingJson } from "../testkit/ordersMapping";
import type { FromProxyProcess, ProxyProcessStats, ToProxyProcess } from "./proxyProcess";
import { buildNodeBundle } from "../scripts/proxyBuild";
import { productionNodeFlags } from "./productionNodeFlags";

export const SECRET = "bench-secret-0123456789-abcdefghijkl";
export const BENCH_TOKEN = "benchtoken1234567";
/**
 * Authenticated /v1 requests per minute the bench's proxy allows its one client: the load test is
 * one client sending far more than a kintone domain would, which the product's per-client limit
 * (proxy/http/rateLimits.ts) would answer with 429.
 */
export const BENCH_AUTHENTICATED_LIMIT = 10_000_000;
/** The Orders mapping, errors written back. */
export function mapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({ writeBack: ORDERS_WRITE_BACK_WITH_ERROR, ...overrides });
}

/** An Orders row; `images` are attachments of the `image` field. */
export type Row = Pick<OrderRow, "code" | "name" | "price" | "qty" | "images">;

export interface ProxyChild {
  url: string;
  port: number;
  /** The proxy's own process id (for /proc/<pid>/status). */
  pid: number;
  stats(): Promise<ProxyProcessStats>;
  close(): Promise<void>;
}

export interface BedOptions {
  stripe?: StripeEmulatorOptions;
  /** Stripe requests/s the proxy's gateway allows itself; absent: the product's default (25 for a test key). */
  stripeRateLimitPerSecond?: number;
  /** The compiled proxy process to fork; default this tree's bench/proxyProcess.ts, built once. */
  proxyProcessFile?: string;
  /** The node options its `npm run proxy` gives; default this tree's. */
  productionFlags?: string[];
  /**
   * node options of the proxy process, e.g. `--cpu-prof`, besides those `npm run proxy` gives
   * (bench/productionNodeFlags.ts); default BENCH_PROXY_NODE_ARGS.
   */
  nodeArgs?: string[];
}

export interface Bed {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  proxy: ProxyChild;
  appId: string;
  addRecords(rows: Row[]): string[];
  close(): Promise<void>;
}

export async function startBed(options: BedOptions = {}): Promise<Bed> {
  const emulators = await startOrdersEmulators({
    token: BENCH_TOKEN,
    stripe: options.stripe ?? {},
  });
  const { stripe, kintone, appId } = emulators;
  let proxy: ProxyChild;
  try {
    proxy = await startProxyProcess(
      {
        ...emulators.proxyEnv({ stripeApiKey: "rk_test_bench", proxySecret: SECRET }),
        LOG_LEVEL: "info",
      },
      options.stripeRateLimitPerSecond,
      options.proxyProcessFile ?? compiledProxyProcess(),
      [
        ...(options.productionFlags ?? productionNodeFlags(path.resolve(__dirname, ".."))),
        ...(options.nodeArgs ?? process.env.BENCH_PROXY_NODE_ARGS?.split(" ") ?? []),
      ],
    );
  } catch (error) {
    await emulators.close();
    throw error;
  }
  return {
    stripe,
    kintone,
    proxy,
    appId,
    addRecords: (rows) => addOrderRecords(emulators, rows),
    async close() {
      await proxy.close();
      await emulators.close();
    },
  };
}

let compiledProxyProcessFile: string | undefined;

/**
 * bench/proxyProcess.ts compiled like the production proxy (`npm run proxy` runs JavaScript, no
 * TypeScript loader), once per bench run: its memory and start-up are production's.
 */
export function compiledProxyProcess(): string {
  compiledProxyProcessFile ??= buildNodeBundle(
    path.join(__dirname, "proxyProcess.ts"),
    path.join(__dirname, "..", "dist", "bench", "proxyProcess.js"),
  );
  return compiledProxyProcessFile;
}

/**
 * Forks bench/proxyProcess.ts with the proxy's environment variables and a temporary journal
 * file; its stdout (the request log) is discarded, stderr shown.
 */
export async function startProxyProcess(
  env: Record<string, string>,
  stripeRateLimitPerSecond: number | undefined,
  proxyProcessFile: string,
  nodeArgs: string[],
): Promise<ProxyChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-proxy-"));
  const child: ChildProcess = fork(proxyProcessFile, [], {
    // BENCH_PROXY_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the proxy.
    execArgv: nodeArgs,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    // Packages outside the bundle resolve from the repository's node_modules.
    cwd: path.resolve(__dirname, ".."),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      ...env,
      DATA_DIR: dataDir,
      BENCH_JOURNAL_FILE: path.join(dataDir, "journal.sqlite"),
      BENCH_AUTHENTICATED_LIMIT: String(BENCH_AUTHENTICATED_LIMIT),
      ...(stripeRateLimitPerSecond !== undefined
        ? { BENCH_STRIPE_RATE_LIMIT: String(stripeRateLimitPerSecond) }
        : {}),
    },
  });
  const next = (type: FromProxyProcess["type"], timeoutMs: number) =>
    new Promise<FromProxyProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the proxy process sent no ${type} in ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: FromProxyProcess) => {
        if (message.type === "failed") {
          cleanup();
          reject(new Error(`the proxy process failed: ${message.message}`));
        } else if (message.type === type) {
          cleanup();
          resolve(message);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the proxy process exited (${code}) before ${type}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
    });
  const ask = (message: ToProxyProcess) => child.send(message);
  let ready: FromProxyProcess;
  try {
    ready = await next("ready", 30_000);
  } catch (error) {
    child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const port = (ready as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid as number,
    async stats() {
      const answer = next("stats", 10_000);
      ask({ type: "stats" });
      return ((await answer) as { stats: ProxyProcessStats }).stats;
    },
    async close() {
      if (child.exitCode === null) {
        // Its exit, not only its answer: a `--cpu-prof` profile is written while it exits.
        const exited = new Promise((resolve) => child.once("exit", resolve));
        const closed = next("closed", 15_000).catch(() => child.kill("SIGKILL"));
        ask({ type: "close" });
        await closed;
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await callProxy(baseUrl, SECRET, method, path, body, {
    contentType: "application/json",
  });
  return { status: answer.status, body: answer.body as Record<string, unknown> };
}
