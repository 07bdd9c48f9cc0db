import { MAX_RECORDS_PER_CHECKOUT_REQUEST, type CreatedSession } from "../../core/api/proxyApi";
import type { RecordRef } from "../api/ProxyClient";
import { ProxyError } from "../api/ProxyError";
import type { CheckoutClient } from "./CheckoutClient";

export interface CreationFailure {
  recordIds: string[];
  error: unknown;
}

export interface CreationSummary {
  /** Records that got a session. */
  done: number;
  /** Records that did not (a job may report more than it lists in `failures`). */
  failed: number;
  /** The sessions made, with their links (a job reports counts only). */
  sessions: CreatedSession[];
  failures: CreationFailure[];
}

export interface CreationOptions {
  onProgress?: (done: number, total: number) => void;
  /** How often a job is asked how far it got. */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const FINISHED_JOB = new Set(["succeeded", "partially_failed", "failed"]);

/**
 * Creates the sessions for the chosen records: up to 100 records in one `/v1/checkouts` call
 * (an error there fails the whole call, nothing charged); more, one session per record, as a
 * `/v1/jobs` job polled for progress — or, from a proxy without jobs yet (404 NOT_FOUND), in
 * `/v1/checkouts` batches of 100, a failed batch not stopping the others.
 */
export async function runCheckoutCreation(
  client: Pick<CheckoutClient, "createCheckouts" | "startJob" | "getJob">,
  appId: string,
  grouping: "single" | "perRecord",
  records: RecordRef[],
  options: CreationOptions = {},
): Promise<CreationSummary> {
  const onProgress = options.onProgress ?? (() => undefined);
  const total = records.length;
  if (total <= MAX_RECORDS_PER_CHECKOUT_REQUEST) {
    onProgress(0, total);
    const { sessions } = await client.createCheckouts(appId, records);
    onProgress(total, total);
    return { done: total, failed: 0, sessions, failures: [] };
  }
  if (grouping === "single") {
    throw new RangeError(`one session holds at most ${MAX_RECORDS_PER_CHECKOUT_REQUEST} records`);
  }
  let jobId: string;
  try {
    jobId = (await client.startJob(appId, { records })).job.id;
  } catch (error) {
    if (error instanceof ProxyError && error.code === "NOT_FOUND") {
      return createInBatches(client, appId, records, onProgress);
    }
    throw error;
  }
  return pollJob(client, jobId, total, onProgress, options);
}

async function createInBatches(
  client: Pick<CheckoutClient, "createCheckouts">,
  appId: string,
  records: RecordRef[],
  onProgress: (done: number, total: number) => void,
): Promise<CreationSummary> {
  const summary: CreationSummary = { done: 0, failed: 0, sessions: [], failures: [] };
  onProgress(0, records.length);
  for (let start = 0; start < records.length; start += MAX_RECORDS_PER_CHECKOUT_REQUEST) {
    const batch = records.slice(start, start + MAX_RECORDS_PER_CHECKOUT_REQUEST);
    try {
      const { sessions } = await client.createCheckouts(appId, batch);
      summary.sessions.push(...sessions);
      summary.done += batch.length;
    } catch (error) {
      summary.failed += batch.length;
      summary.failures.push({ recordIds: batch.map((r) => r.id), error });
    }
    onProgress(start + batch.length, records.length);
  }
  return summary;
}

async function pollJob(
  client: Pick<CheckoutClient, "getJob">,
  jobId: string,
  total: number,
  onProgress: (done: number, total: number) => void,
  options: CreationOptions,
): Promise<CreationSummary> {
  const sleep = options.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const pollMs = options.pollMs ?? 1000;
  onProgress(0, total);
  for (;;) {
    await sleep(pollMs);
    const { job } = await client.getJob(jobId);
    const jobTotal = job.total ?? total;
    const done = job.done ?? 0;
    const failed = job.failed ?? 0;
    onProgress(done + failed, jobTotal);
    if (FINISHED_JOB.has(job.status)) {
      const failures = (job.errors ?? []).map((e) => ({
        recordIds: [e.recordId],
        error: new ProxyError(e.code, e.message, 0),
      }));
      return { done, failed: Math.max(failed, failures.length), sessions: [], failures };
    }
  }
}
