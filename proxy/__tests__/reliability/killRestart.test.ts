/**
 * The proxy SIGKILLed at moments drawn from a seeded random — during a job (several times, each
 * time started again on the same journal) and during a POST /v1/checkouts (then the caller sends
 * the same request again) — keeps the invariant: every record ends with exactly one open session,
 * linked both ways and shown in the record, and Stripe holds no session twice.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { waitFor } from "../../../testkit/waitFor";
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import { recordIdsFromMetadata } from "../../sessions/sessionView";
import {
  CHECKOUT_KILL_POINTS,
  CHECKOUT_KILL_RECORDS,
  CHECKOUT_SESSION_CONCURRENCY,
  KILL_EARLIEST_MS,
  KILL_JOB_RECORDS,
  KILL_JOB_STRIPE_RATE,
  KILL_POINTS,
  KILL_SEED,
  KILL_SPREAD_MS,
} from "./faultCounts";
import {
  addOrders,
  bundleStandbyProxy,
  call,
  invariantProblems,
  jobMapping,
  pollJob,
  seededRandom,
  sessionCount,
  startEmulators,
  spawnStandbyProxy,
  stopChild,
  stripeRequestsSettled,
  type StandbyProxy,
  type Emulators,
} from "./reliabilityKit";

let emulators: Emulators;
let bundleDir: string;
let script: string;
let tempDir: string;
let journalFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-bundle-"));
  script = await bundleStandbyProxy(bundleDir);
});

afterAll(() => {
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

beforeEach(async () => {
  emulators = await startEmulators();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "reliability-kill-"));
  journalFile = path.join(tempDir, "journal.sqlite");
});

afterEach(async () => {
  for (const child of children.splice(0)) await stopChild(child, "SIGKILL");
  await emulators.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

/**
 * Proxy processes on the test's journal: `next(rate)` starts the one made ready beforehand, at
 * `rate` Stripe requests/s, and readies another (loading code is slow on a busy machine; starting
 * is not).
 */
function proxyProcesses(): { next(rate: number): Promise<{ child: ChildProcess; url: string }> } {
  const spawnOne = (): StandbyProxy => {
    const standby = spawnStandbyProxy(emulators, script, { JOURNAL_FILE: journalFile });
    children.push(standby.child);
    return standby;
  };
  let ready = spawnOne();
  return {
    async next(rate) {
      const current = ready;
      ready = spawnOne();
      return { child: current.child, url: await current.start(rate) };
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(60_000);

it("a job killed at random moments and restarted each time ends with one linked open session per record", async () => {
  const random = seededRandom(KILL_SEED);
  const ids = addOrders(emulators, KILL_JOB_RECORDS);
  // Stripe answers after a while, so requests are in flight when the kill comes.
  emulators.stripe.configure({ latencyMs: 20 });
  const processes = proxyProcesses();
  let proxy = await processes.next(KILL_JOB_STRIPE_RATE);
  const submitted = await call(proxy.url, "POST", "/v1/jobs", {
    appId: emulators.appId,
    records: ids.map((id) => ({ id, revision: "1" })),
    mapping: jobMapping(),
  });
  expect(submitted.status).toBe(202);
  const jobId = submitted.body.job.id as string;
  // The first kill comes once the job is under way (a slow machine may take a while to start it).
  await pollJob(proxy.url, jobId, { until: (job) => job.done > 0 });

  const doneAtKills: number[] = [];
  for (let kill = 0; kill < KILL_POINTS; kill++) {
    await sleep(KILL_EARLIEST_MS + random() * KILL_SPREAD_MS);
    await stopChild(proxy.child, "SIGKILL");
    const journal = new SqliteJournal(journalFile);
    doneAtKills.push((await journal.jobs.getProgress(jobId, 0)).done);
    await journal.close();
    // The last process is not killed: it finishes the job at full pace.
    proxy = await processes.next(kill < KILL_POINTS - 1 ? KILL_JOB_STRIPE_RATE : 1000);
  }
  // Every kill came while the job was still running.
  expect(doneAtKills.every((done) => done < KILL_JOB_RECORDS)).toBe(true);

  const last = (await pollJob(proxy.url, jobId, { timeoutMs: 30_000 })).at(-1)!;
  await stopChild(proxy.child, "SIGTERM");
  expect(last).toMatchObject({ status: "succeeded", done: KILL_JOB_RECORDS, failed: 0 });
  expect(invariantProblems(emulators, ids)).toEqual([]);
  expect(sessionCount(emulators)).toBe(KILL_JOB_RECORDS);
});

it("POST /v1/checkouts killed at random moments links every session made into its records after the restart, and sent again ends with one open session per record", async () => {
  const random = seededRandom(KILL_SEED + 1);
  emulators.stripe.configure({ latencyMs: 60 });
  const processes = proxyProcesses();
  let proxy = await processes.next(1000);
  const allIds: string[] = [];
  let unansweredAtKill = 0;
  for (let kill = 0; kill < CHECKOUT_KILL_POINTS; kill++) {
    const ids = addOrders(emulators, CHECKOUT_KILL_RECORDS);
    allIds.push(...ids);
    const body = {
      appId: emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    };
    let answered = false;
    const request = call(proxy.url, "POST", "/v1/checkouts", body).then(
      () => (answered = true),
      () => undefined, // the connection dies with the process
    );
    await sleep(20 + random() * 480);
    await stopChild(proxy.child, "SIGKILL");
    await request;
    if (!answered) unansweredAtKill++;
    await stripeRequestsSettled(emulators);
    // Sessions whose create was in flight at the kill: Stripe made them, nobody heard the answer.
    const journal = new SqliteJournal(journalFile);
    const made = emulators.stripe.state.sessions;
    const journalled = await Promise.all(made.map((s) => journal.sessions.get(s.id)));
    const unheard = made.filter((_, i) => journalled[i] === undefined);
    await journal.close();
    expect(unheard.length).toBeLessThanOrEqual(CHECKOUT_SESSION_CONCURRENCY);

    proxy = await processes.next(1000);
    // Before anyone tries again, every session the proxy heard of is written into its records (the
    // restarted proxy owes them); the caller's error, for the others, is the request it lost.
    const heardIds = ids.filter((id) =>
      unheard.every((s) => !recordIdsFromMetadata(s.metadata).includes(id)),
    );
    const lost = ids.map((recordId) => ({
      recordId,
      code: "REQUEST_LOST",
      message: "the proxy died before answering",
    }));
    await waitFor(() => invariantProblems(emulators, heardIds, lost).length === 0, {
      timeoutMs: 5_000,
    }).catch(() => undefined);
    expect(invariantProblems(emulators, heardIds, lost)).toEqual([]);
    // The caller never heard back (or did, and presses again): the same request, same revisions.
    const resent = await call(proxy.url, "POST", "/v1/checkouts", body);
    expect(resent.status).toBe(201);
    expect(invariantProblems(emulators, ids)).toEqual([]);
  }
  await stopChild(proxy.child, "SIGTERM");
  expect(unansweredAtKill).toBeGreaterThan(0);
  expect(invariantProblems(emulators, allIds)).toEqual([]);
  expect(sessionCount(emulators)).toBe(allIds.length);
});
