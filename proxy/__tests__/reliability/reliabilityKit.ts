/**
 * What the fault tests share: a proxy in this process (with a short Stripe timeout, so that a
 * request told to hang costs well under a second), a proxy in a child process that can really be
 * killed, a seeded random for kill moments, and the one invariant every test checks after a fault.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import pino from "pino";
import { createKintoneRecordStore } from "../../adapters/kintone/KintoneRecordStore";
import { createStripePaymentGateway } from "../../adapters/stripe/StripePaymentGateway";
import { startTestProxy, testProxyConfig } from "../../../testkit/startTestProxy";
import type { RunningProxy } from "../../startProxy";
import { METADATA_APP_ID, recordIdsFromMetadata } from "../../sessions/sessionView";
import { RecordWriter } from "../../writeback/RecordWriter";
import { waitFor } from "../../../testkit/waitFor";
import {
  call,
  fieldOf,
  pollJob,
  startEmulators,
  type Emulators,
  type JobAnswer,
} from "../../jobs/__tests__/jobTestKit";

export {
  addOrders,
  call,
  fieldOf,
  jobMapping,
  pollJob,
  startEmulators,
  type Emulators,
  type JobAnswer,
} from "../../jobs/__tests__/jobTestKit";

/** Per attempt; the SDK makes 3 attempts (2 retries) of a request that timed out. */
export const STRIPE_TIMEOUT_MS = 400;

/**
 * The proxy with its real adapters, wired as `startProxy` wires them, with shorter waits: the
 * Stripe SDK's timeout, the gateway's wait after a 429, and the kintone adapter's backoff
 * (20 ms doubling instead of 300 ms). Pending write-backs are retried only when a test asks
 * (`retryPendingWriteBacks`, same journal), so a test sees what a fault left behind.
 */
export async function startFaultProxy(emulators: Emulators): Promise<RunningProxy> {
  const config = testProxyConfig(emulators.env);
  const logger = pino({ level: "silent" });
  const rateLimitPerSecond = 1000;
  return startTestProxy(emulators.env, {
    logger,
    stripeRateLimitPerSecond: rateLimitPerSecond,
    writeBackRetry: { firstDelayMs: 60_000, intervalMs: 60_000 },
    extend: (deps) => {
      const records = createKintoneRecordStore({
        baseUrl: config.kintoneBaseUrl,
        apiTokens: config.kintoneApiTokens,
        logger,
        retryDelayMs: 20,
      });
      return {
        records,
        writer: new RecordWriter(records, deps.journal, logger, { firstRetryDelayMs: 60_000 }),
        gateway: createStripePaymentGateway({
          apiKey: config.stripeApiKey,
          apiBase: config.stripeApiBase,
          mode: config.stripeMode,
          keyType: config.stripeKeyType,
          logger,
          rateLimitPerSecond,
          timeoutMs: STRIPE_TIMEOUT_MS,
          // 429s are retried after 50, 100, 200, 400 ms instead of 0.5 s doubling.
          rateLimitRetryDelayMs: 50,
        }),
      };
    },
  });
}

/** The emulators and a fault proxy, fresh for every test of the file that calls this. */
export function faultProxyPerTest(): { emulators: Emulators; proxy: RunningProxy } {
  const bed = {} as { emulators: Emulators; proxy: RunningProxy };
  beforeEach(async () => {
    bed.emulators = await startEmulators();
    bed.proxy = await startFaultProxy(bed.emulators);
  });
  afterEach(async () => {
    await bed.proxy.close();
    await bed.emulators.close();
  });
  return bed;
}

/** Retries pending write-backs until none is left (or `passes` ran out). */
export async function drainPendingWriteBacks(proxy: RunningProxy, passes = 5): Promise<void> {
  for (let i = 0; i < passes && (await proxy.journal.writeBacks.count()) > 0; i++) {
    await proxy.retryPendingWriteBacks({ all: true });
  }
}

/** A record's error as a caller can see it: in a job's errors, or the answer to its request. */
export interface ItemError {
  recordId: string;
  code: string;
  message: string;
}

/** An error answer of POST /v1/checkouts, as the error of each record the request named. */
export function requestErrors(
  recordIds: string[],
  answer: { status: number; body: { error?: { code?: string; message?: string } } },
): ItemError[] {
  if (answer.status < 400) return [];
  return recordIds.map((recordId) => ({
    recordId,
    code: String(answer.body.error?.code ?? ""),
    message: String(answer.body.error?.message ?? ""),
  }));
}

/** Field codes of jobMapping's write-back. */
const LINK = { url: "checkout_url", sessionId: "session_id", status: "status", error: "error" };

/**
 * The invariant after a fault, as a list of what is wrong (empty when it holds):
 * - every record has exactly one open Stripe session, or none and a clear error (code and message
 *   in `errors`, or text in its write-back error field);
 * - a record with an open session shows it: session id, URL and status "open" (no lost write-back);
 * - every open Stripe session naming one of `recordIds` is linked both ways: its metadata names records, and
 *   those records' session id field names it (no orphan);
 * - a record's session id names a Stripe session whose metadata names that record, and the
 *   record's status is that session's status.
 */
export function invariantProblems(
  emulators: Emulators,
  recordIds: string[],
  errors: ItemError[] = [],
): string[] {
  const problems: string[] = [];
  const checked = new Set(recordIds);
  const ofApp = emulators.stripe.state.sessions.filter(
    (s) => s.metadata[METADATA_APP_ID] === emulators.appId,
  );
  for (const session of ofApp) {
    if (recordIdsFromMetadata(session.metadata).length === 0) {
      problems.push(`session ${session.id} names no record in its metadata`);
    }
  }
  const sessions = ofApp.filter((s) =>
    recordIdsFromMetadata(s.metadata).some((id) => checked.has(id)),
  );
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const openByRecord = new Map<string, typeof sessions>();
  for (const session of sessions) {
    const named = recordIdsFromMetadata(session.metadata);
    if (session.status !== "open") continue;
    for (const recordId of named) {
      openByRecord.set(recordId, [...(openByRecord.get(recordId) ?? []), session]);
      const shown = fieldOf(emulators, recordId, LINK.sessionId);
      if (shown !== session.id) {
        problems.push(
          `open session ${session.id} is not linked: record ${recordId} shows "${String(shown)}"`,
        );
      }
    }
  }
  for (const recordId of recordIds) {
    const open = openByRecord.get(recordId) ?? [];
    const field = (code: string) => String(fieldOf(emulators, recordId, code) ?? "");
    if (open.length > 1) {
      problems.push(
        `record ${recordId} has ${open.length} open sessions: ${open.map((s) => s.id).join(", ")}`,
      );
    }
    const [session] = open;
    if (session) {
      if (field(LINK.url) !== session.url || field(LINK.status) !== "open") {
        problems.push(
          `record ${recordId} shows url "${field(LINK.url)}", status "${field(LINK.status)}"; Stripe's open session ${session.id} has ${session.url}`,
        );
      }
    } else {
      const error = errors.find((e) => e.recordId === recordId);
      const clear =
        (error && error.code !== "" && error.message !== "") || field(LINK.error) !== "";
      if (!clear) problems.push(`record ${recordId} has no open session and no error`);
    }
    const linked = field(LINK.sessionId);
    if (linked !== "") {
      const stripeSession = byId.get(linked);
      if (!stripeSession) {
        problems.push(`record ${recordId} names session ${linked}, which Stripe does not hold`);
      } else {
        if (!recordIdsFromMetadata(stripeSession.metadata).includes(recordId)) {
          problems.push(`session ${linked} named by record ${recordId} does not name it back`);
        }
        if (field(LINK.status) !== stripeSession.status) {
          problems.push(
            `record ${recordId} says "${field(LINK.status)}" of session ${linked}; Stripe says "${stripeSession.status}"`,
          );
        }
      }
    }
  }
  return problems;
}

/**
 * Resolves once the Stripe emulator has answered every request it received. A request in flight
 * when its proxy is killed still runs to its end in Stripe (after the emulator's latency), and may
 * make a session that nobody hears of: only after that is Stripe's state the kill's outcome.
 */
export async function stripeRequestsSettled(emulators: Emulators): Promise<void> {
  // A request the emulator was told to leave unanswered keeps status 0: the wait gives up on it.
  await waitFor(() => emulators.stripe.requests.every((r) => r.status !== 0), {
    timeoutMs: 3_000,
  }).catch(() => undefined);
}

/** Sessions Stripe holds for the app (any status). */
export function sessionCount(emulators: Emulators): number {
  return emulators.stripe.state.sessions.filter(
    (s) => s.metadata[METADATA_APP_ID] === emulators.appId,
  ).length;
}

/** Submits a job and polls it to its end. */
export async function runJob(
  baseUrl: string,
  body: Record<string, unknown>,
  timeoutMs = 20_000,
): Promise<JobAnswer> {
  const submitted = await call(baseUrl, "POST", "/v1/jobs", body);
  if (submitted.status !== 202) {
    throw new Error(
      `POST /v1/jobs answered ${submitted.status}: ${JSON.stringify(submitted.body)}`,
    );
  }
  const seen = await pollJob(baseUrl, submitted.body.job.id as string, { timeoutMs });
  return seen.at(-1) as JobAnswer;
}

/** mulberry32: a small seeded random in [0, 1), so that kill moments repeat run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A proxy process that has loaded its code and waits to be started (runStandbyProxy.ts). */
export interface StandbyProxy {
  child: ChildProcess;
  /**
   * Starts the proxy (on the journal given at spawn) allowing itself `stripeRate` Stripe requests
   * per second; resolves with its URL once it listens.
   */
  start(stripeRate: number): Promise<string>;
}

/**
 * runStandbyProxy.ts bundled into one file in `outDir` (its packages left to node_modules): a
 * process loads it in a third of the time `tsx` takes to compile the proxy's modules.
 */
export async function bundleStandbyProxy(outDir: string): Promise<string> {
  const outfile = path.join(outDir, "runStandbyProxy.cjs");
  await build({
    entryPoints: [path.join(__dirname, "runStandbyProxy.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    // The bundle lives in a temp folder and finds packages through NODE_PATH, which only
    // require() honours: lazily loaded SDKs must not stay dynamic import()s.
    supported: { "dynamic-import": false },
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/**
 * Spawns the bundled proxy (`bundleStandbyProxy`) on `JOURNAL_FILE` (in `env`); it loads its code
 * now and starts when asked, so that SIGKILL really stops it wherever it is and a restart is quick.
 */
export function spawnStandbyProxy(
  emulators: Emulators,
  script: string,
  env: Record<string, string>,
): StandbyProxy {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      ...emulators.env,
      ...env,
      NODE_PATH: path.join(__dirname, "..", "..", "..", "node_modules"),
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`proxy process exited (${code ?? signal}): ${stderr}`)),
    );
  });
  url.catch(() => undefined); // a standby killed unstarted is no failure
  return {
    child,
    start(stripeRate) {
      child.stdin?.write(`start ${Math.round(stripeRate)}\n`);
      return url;
    },
  };
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}
