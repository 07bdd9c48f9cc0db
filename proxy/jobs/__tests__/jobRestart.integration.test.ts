/**
 * A proxy killed (SIGKILL) in the middle of a job and started again on the same journal: the job
 * resumes, and every record ends with exactly one open session, its URL in the record. The proxy
 * runs in a child process (`node --import tsx runProxyProcess.ts`) so that it can really be killed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "../../../testkit/waitFor";
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import {
  addOrders,
  call,
  fieldOf,
  jobMapping,
  openSessionsByRecord,
  pollJob,
  startEmulators,
  type Emulators,
} from "./jobTestKit";

let emulators: Emulators;
let tempDir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  emulators = await startEmulators();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobs-restart-"));
});

afterEach(async () => {
  for (const child of children.splice(0)) await stopChild(child, "SIGKILL");
  await emulators.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function startProxyProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const script = path.join(__dirname, "runProxyProcess.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...emulators.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) => reject(new Error(`proxy process exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

describe("POST /v1/jobs", () => {
  it("resumes after the proxy is killed mid-job", async () => {
    const journalFile = path.join(tempDir, "journal.sqlite");
    const ids = addOrders(emulators, 200);
    const first = await startProxyProcess({ JOURNAL_FILE: journalFile, TEST_STRIPE_RATE: "100" });

    const submitted = await call(first.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    });
    expect(submitted.status).toBe(202);
    const jobId = submitted.body.job.id as string;
    await pollJob(first.url, jobId, { until: (job) => job.done >= 40 });

    // Answers lost in flight: Stripe makes the next sessions, but the proxy never hears back.
    const madeBefore = emulators.stripe.state.sessions.length;
    emulators.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: "timeout",
      when: "after",
      count: 3,
    });
    await waitFor(() => emulators.stripe.state.sessions.length >= madeBefore + 10, {
      timeoutMs: 15_000,
    });
    await stopChild(first.child, "SIGKILL");

    const journal = new SqliteJournal(journalFile);
    const atKill = await journal.jobs.getProgress(jobId, 0);
    const made = emulators.stripe.state.sessions;
    const journalled = await Promise.all(made.map((s) => journal.sessions.get(s.id)));
    const unknownToJournal = made.filter((_, i) => journalled[i] === undefined);
    await journal.close();
    expect(atKill.done).toBeLessThan(200);
    expect(unknownToJournal.length).toBeGreaterThanOrEqual(3);

    const second = await startProxyProcess({ JOURNAL_FILE: journalFile, TEST_STRIPE_RATE: "1000" });
    const last = (await pollJob(second.url, jobId, { timeoutMs: 25_000 })).at(-1)!;
    await stopChild(second.child, "SIGTERM");

    expect(last).toMatchObject({ status: "succeeded", total: 200, done: 200, failed: 0 });
    // The sessions Stripe made for lost answers were found again by their idempotency keys.
    expect(emulators.stripe.state.sessions).toHaveLength(200);
    const open = openSessionsByRecord(emulators);
    for (const id of ids) {
      const sessions = open.get(id) ?? [];
      expect(sessions).toHaveLength(1);
      expect(fieldOf(emulators, id, "checkout_url")).toBe(sessions[0]!.url);
    }
  });
});
