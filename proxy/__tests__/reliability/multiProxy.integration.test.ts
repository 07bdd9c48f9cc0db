/**
 * Several proxies (child processes) on one PostgreSQL behave as one: twin POST /v1/checkouts sent
 * to two proxies at once make one session; a job run while a proxy is SIGKILLed at random moments
 * (drawn by fast-check, so FAST_CHECK_SEED repeats them) and PostgreSQL restarts once ends with
 * every record holding exactly one open session shown in the record, or a clear error, and Stripe
 * holding no record's session twice.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import fc from "fast-check";
import { Client } from "pg";
import { startPostgres, type RunningPostgres } from "../../../testkit/startPostgres";
import { waitFor } from "../../../testkit/waitFor";
import { METADATA_APP_ID, recordIdsFromMetadata } from "../../sessions/sessionView";
import type { StartProxyOptions } from "../../startProxy";
import {
  MULTI_JOB_RECORDS,
  MULTI_KILL_POINTS,
  MULTI_PROXIES,
  MULTI_STRIPE_RATE,
  MULTI_TWIN_RECORDS,
} from "./faultCounts";
import {
  addOrders,
  bundleStandbyProxy,
  call,
  invariantProblems,
  jobMapping,
  pollJob,
  startEmulators,
  spawnStandbyProxy,
  stopChild,
  type Emulators,
  type JobAnswer,
} from "./reliabilityKit";

/** Short waits, so a killed proxy's work moves on within seconds. */
const START_OPTIONS: StartProxyOptions = {
  stripePacing: { heartbeatMs: 200, liveForMs: 1_000 },
  writeBackRetry: { firstDelayMs: 200, intervalMs: 300 },
  jobs: { writeBackIntervalMs: 200, leaseMs: 1_500, sliceSize: 20, pollIntervalMs: 200 },
  leaderRetryIntervalMs: 500,
};

let postgres: RunningPostgres;
let bundleDir: string;
let script: string;
let emulators: Emulators;
let databaseUrl: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), "multi-proxy-bundle-"));
  [postgres, script] = await Promise.all([startPostgres(), bundleStandbyProxy(bundleDir)]);
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

beforeEach(async () => {
  emulators = await startEmulators();
  databaseUrl = await postgres.newDatabase();
});

afterEach(async () => {
  for (const child of children.splice(0)) await stopChild(child, "SIGKILL");
  await emulators.close();
});

interface ProxyProcess {
  child: ChildProcess;
  url: string;
}

/** A proxy process on the test's database, listening. */
async function startProxyProcess(): Promise<ProxyProcess> {
  const standby = spawnStandbyProxy(emulators, script, {
    DATABASE_URL: databaseUrl,
    PROXY_START_OPTIONS: JSON.stringify(START_OPTIONS),
  });
  children.push(standby.child);
  // A proxy that dies unasked says why in the test's output.
  let stderr = "";
  standby.child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  standby.child.once("exit", (code, signal) => {
    if (signal !== "SIGKILL") console.error(`proxy process exited (${code ?? signal}): ${stderr}`);
  });
  return { child: standby.child, url: await standby.start(MULTI_STRIPE_RATE) };
}

/** Sessions Stripe holds per record of the app, whatever their status. */
function sessionsPerRecord(): Map<string, string[]> {
  const byRecord = new Map<string, string[]>();
  for (const session of emulators.stripe.state.sessions) {
    if (session.metadata[METADATA_APP_ID] !== emulators.appId) continue;
    for (const id of recordIdsFromMetadata(session.metadata)) {
      byRecord.set(id, [...(byRecord.get(id) ?? []), session.id]);
    }
  }
  return byRecord;
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function recordsWithSeveralSessions(): string[] {
  return [...sessionsPerRecord()]
    .filter(([, sessions]) => sessions.length > 1)
    .map(([id, sessions]) => `record ${id}: ${sessions.join(", ")}`);
}

jest.setTimeout(180_000);

it("twin POST /v1/checkouts spread over three proxies make one session per record", async () => {
  const proxies = await Promise.all(
    Array.from({ length: MULTI_PROXIES }, () => startProxyProcess()),
  );
  const ids = addOrders(emulators, MULTI_TWIN_RECORDS);
  const answers = await Promise.all(
    ids.map((id, i) => {
      const body = {
        appId: emulators.appId,
        records: [{ id, revision: "1" }],
        mapping: jobMapping(),
      };
      const first = proxies[i % MULTI_PROXIES]!;
      const twin = proxies[(i + 1) % MULTI_PROXIES]!;
      return Promise.all([
        call(first.url, "POST", "/v1/checkouts", body),
        call(twin.url, "POST", "/v1/checkouts", body),
      ]);
    }),
  );
  for (const [first, twin] of answers) {
    expect([first.status, twin.status]).toEqual([201, 201]);
    expect(twin.body.sessions[0].id).toBe(first.body.sessions[0].id);
  }
  expect(recordsWithSeveralSessions()).toEqual([]);
  await waitFor(() => invariantProblems(emulators, ids).length === 0, { timeoutMs: 20_000 }).catch(
    () => undefined,
  );
  expect(invariantProblems(emulators, ids)).toEqual([]);
  expect(emulators.stripe.state.sessions).toHaveLength(MULTI_TWIN_RECORDS);
});

it("a job on three proxies, one SIGKILLed at random moments and PostgreSQL restarted once, ends with one session or a clear error per record", async () => {
  // Kill moments (ms after the previous restart) and which proxy dies, repeatable by seed.
  const [plan] = fc.sample(
    fc.array(fc.record({ afterMs: fc.integer({ min: 300, max: 2_000 }), victim: fc.nat() }), {
      minLength: MULTI_KILL_POINTS,
      maxLength: MULTI_KILL_POINTS,
    }),
    1,
  );
  const ids = addOrders(emulators, MULTI_JOB_RECORDS);
  const proxies = await Promise.all(
    Array.from({ length: MULTI_PROXIES }, () => startProxyProcess()),
  );
  const submitted = await call(proxies[0]!.url, "POST", "/v1/jobs", {
    appId: emulators.appId,
    records: ids.map((id) => ({ id, revision: "1" })),
    mapping: jobMapping(),
  });
  expect(submitted.status).toBe(202);
  const jobId = submitted.body.job.id as string;
  await pollJob(proxies[0]!.url, jobId, {
    until: (job) => job.done > 0,
    timeoutMs: 30_000,
    intervalMs: 100,
  });

  const doneAtKills: number[] = [];
  for (const [kill, { afterMs, victim }] of plan!.entries()) {
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const index = victim % MULTI_PROXIES;
    await stopChild(proxies[index]!.child, "SIGKILL");
    const survivor = proxies[(index + 1) % MULTI_PROXIES]!;
    const progress = await pollJob(survivor.url, jobId, { until: () => true });
    doneAtKills.push(progress.at(-1)!.done);
    // Halfway through the kills the database goes away and comes back under the proxies.
    if (kill === Math.floor(MULTI_KILL_POINTS / 2)) {
      await postgres.restart();
      // A proxy refuses to start without its database, as an orchestrator would see it do.
      await waitFor(() => acceptsConnections(databaseUrl), { timeoutMs: 30_000, intervalMs: 100 });
    }
    proxies[index] = await startProxyProcess();
  }
  expect(doneAtKills.every((done) => done < MULTI_JOB_RECORDS)).toBe(true);

  const last = (await pollJob(proxies[0]!.url, jobId, { timeoutMs: 120_000, intervalMs: 250 })).at(
    -1,
  ) as JobAnswer;
  expect(last.done + last.failed).toBe(MULTI_JOB_RECORDS);
  // Write-backs owed at a kill or during the restart reach kintone on some proxy's retry loop.
  await waitFor(() => invariantProblems(emulators, ids, last.errors).length === 0, {
    timeoutMs: 30_000,
  }).catch(() => undefined);
  expect(invariantProblems(emulators, ids, last.errors)).toEqual([]);
  expect(recordsWithSeveralSessions()).toEqual([]);
  expect(sessionsPerRecord().size).toBe(last.done);
});
