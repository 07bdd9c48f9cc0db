/**
 * Two real proxies with `DATABASE_URL` on one throwaway PostgreSQL share a bulk job: each claims
 * slices of its records under a lease; the proxy that took the job is closed mid-way and the other
 * finishes it — one session per record, every URL written back, no write-back left owed. And one
 * of the two leads (the event catch-up, the scheduled jobs); the lead moves when its holder closes.
 */
import { Client, type QueryResultRow } from "pg";
import { startPostgres, type RunningPostgres } from "../../../testkit/startPostgres";
import { startTestProxy } from "../../../testkit/startTestProxy";
import { waitFor } from "../../../testkit/waitFor";
import { PostgresJournal } from "../../adapters/postgres/PostgresJournal";
import type { RunningProxy, StartProxyOptions } from "../../startProxy";
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

let postgres: RunningPostgres;
let emulators: Emulators;
const proxies: RunningProxy[] = [];

/** Small slices, a quick poll and lead retry: the takeover happens within the test's time. */
const SHARING: StartProxyOptions = {
  jobs: { sliceSize: 4, pollIntervalMs: 50, leaseMs: 2_000, writeBackIntervalMs: 100 },
  leaderRetryIntervalMs: 50,
  // Slow enough that the job is still running when the first proxy closes.
  stripeRateLimitPerSecond: 20,
};

beforeAll(async () => {
  postgres = await startPostgres();
  emulators = await startEmulators();
}, 120_000);

afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await emulators?.close();
  await postgres?.stop();
});

async function queryDatabase<Row extends QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[],
): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function startSharingProxy(databaseUrl: string): Promise<RunningProxy> {
  const proxy = await startTestProxy({ ...emulators.env, DATABASE_URL: databaseUrl }, SHARING);
  proxies.push(proxy);
  return proxy;
}

describe("POST /v1/jobs on two proxies sharing PostgreSQL", () => {
  it("is finished by the other proxy when the one that took it closes mid-way, one session per record", async () => {
    const databaseUrl = await postgres.newDatabase();
    const first = await startSharingProxy(databaseUrl);
    const second = await startSharingProxy(databaseUrl);
    expect(first.proxyId).not.toBe(second.proxyId);
    const ids = addOrders(emulators, 40);
    emulators.stripe.configure({ latencyMs: 40 });

    const submitted = await call(first.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    });
    expect(submitted.status).toBe(202);
    const jobId = submitted.body.job.id as string;
    await pollJob(first.url, jobId, { until: (job) => job.done >= 8 });
    await first.close();
    proxies.splice(proxies.indexOf(first), 1);
    const atClose = await second.journal.jobs.getProgress(jobId, 0);
    expect(atClose.done).toBeLessThan(40);

    const last = (await pollJob(second.url, jobId, { timeoutMs: 30_000 })).at(-1)!;
    expect(last).toMatchObject({ status: "succeeded", total: 40, done: 40, failed: 0 });
    // Both proxies claimed some of its records.
    const claimers = await queryDatabase<{ claimed_by: string }>(
      databaseUrl,
      "SELECT DISTINCT claimed_by FROM job_items WHERE job_id = $1 ORDER BY claimed_by",
      [jobId],
    );
    expect(claimers.map((row) => row.claimed_by)).toEqual([first.proxyId, second.proxyId].sort());

    const open = openSessionsByRecord(emulators);
    expect(emulators.stripe.state.sessions).toHaveLength(40);
    for (const id of ids) {
      const sessions = open.get(id) ?? [];
      expect(sessions).toHaveLength(1);
      await waitFor(() => fieldOf(emulators, id, "checkout_url") === sessions[0]!.url, {
        message: `record ${id} shows no URL`,
      });
    }
    await waitFor(async () => (await second.journal.jobs.listItemsToWriteBack(jobId)).length === 0);
    await waitFor(async () => (await second.journal.writeBacks.count()) === 0);
  }, 60_000);

  it("finishes the records of a proxy that died holding them once its lease runs out", async () => {
    const databaseUrl = await postgres.newDatabase();
    const ids = addOrders(emulators, 12);
    const sessionsBefore = emulators.stripe.state.sessions.length;
    // A proxy that claimed every record of a job and died: its lease is never renewed.
    const journal = await PostgresJournal.open(databaseUrl);
    await journal.jobs.create(
      {
        jobId: "job_of_a_dead_proxy",
        appId: emulators.appId,
        mappingJson: jobMapping(),
        query: null,
        createdAt: new Date(),
      },
      ids.map((recordId) => ({ recordId, revision: "1" })),
    );
    await journal.jobs.setStatus("job_of_a_dead_proxy", "running");
    const now = Date.now();
    const claimed = await journal.jobs.claimItems(
      "job_of_a_dead_proxy",
      "dead-proxy",
      new Date(now),
      new Date(now + 1_000),
      ids.length,
    );
    expect(claimed).toHaveLength(12);
    await journal.close();

    const survivor = await startSharingProxy(databaseUrl);
    const last = (await pollJob(survivor.url, "job_of_a_dead_proxy", { timeoutMs: 30_000 })).at(
      -1,
    )!;
    expect(last).toMatchObject({ status: "succeeded", total: 12, done: 12, failed: 0 });
    const claimers = await queryDatabase<{ claimed_by: string }>(
      databaseUrl,
      "SELECT DISTINCT claimed_by FROM job_items WHERE job_id = $1",
      ["job_of_a_dead_proxy"],
    );
    expect(claimers.map((row) => row.claimed_by)).toEqual([survivor.proxyId]);
    expect(emulators.stripe.state.sessions).toHaveLength(sessionsBefore + 12);
    const open = openSessionsByRecord(emulators);
    for (const id of ids) {
      expect(open.get(id) ?? []).toHaveLength(1);
      await waitFor(() => fieldOf(emulators, id, "checkout_url") === open.get(id)?.[0]?.url, {
        message: `record ${id} shows no URL`,
      });
    }
  }, 60_000);

  it("lets one proxy lead, and the other once it closes", async () => {
    const databaseUrl = await postgres.newDatabase();
    const first = await startSharingProxy(databaseUrl);
    const second = await startSharingProxy(databaseUrl);
    await waitFor(() => first.isLeader() !== second.isLeader());
    const leader = first.isLeader() ? first : second;
    const other = leader === first ? second : first;
    await leader.close();
    proxies.splice(proxies.indexOf(leader), 1);
    await waitFor(() => other.isLeader(), { message: "the lead did not move" });
  }, 60_000);
});
