/**
 * Issue 15, "what the record shows": a record a checkout or a job could not bill gets why in its
 * `error` field (in the caller's language), a later link empties it, and the app's jobs can be
 * listed again (`GET /v1/jobs?appId=`), bound to the app like every route. Through HTTP, with the
 * real proxy against both emulators.
 */
import { APP_BINDING_HEADER, type Job } from "../../core/api/proxyApi";
import { callProxy } from "../../testkit/callProxy";
import { addOrderRecords, type OrderRow } from "../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../testkit/ordersFields";
import { ORDERS_WRITE_BACK_WITH_ERROR, ordersMappingJson } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import { waitFor } from "../../testkit/waitFor";

// Only full batches and the last one are written: no timed flush in the middle of a test.
const env = ordersProxyPerTest({ proxy: { jobs: { writeBackIntervalMs: 60_000 } } });

const MAPPING = ordersMappingJson({
  grouping: "perRecord",
  writeBack: ORDERS_WRITE_BACK_WITH_ERROR,
});
const FINISHED = ["succeeded", "partially_failed", "failed"];

/** 20 orders; the 3rd, 10th and 16th cannot be billed (no price, a broken and a zero quantity). */
function twentyOrdersThreeBad(): { ids: string[]; bad: string[] } {
  const rows: OrderRow[] = Array.from({ length: 20 }, (_, i) => ({
    code: `SKU-${i % 4}`,
    name: `Order item ${i % 4}`,
    price: "800",
    ...(i === 2 ? { price: "" } : {}),
    ...(i === 9 ? { qty: "1.5" } : {}),
    ...(i === 15 ? { qty: "0" } : {}),
  }));
  const ids = addOrderRecords(env, rows);
  return { ids, bad: [ids[2]!, ids[9]!, ids[15]!] };
}

async function submitJob(recordIds: string[], headers: Record<string, string> = {}) {
  const submitted = await env.call(
    "POST",
    "/v1/jobs",
    { appId: env.appId, records: recordIds.map((id) => ({ id })), mapping: MAPPING },
    { headers },
  );
  expect(submitted.status).toBe(202);
  return submitted.body.job.id as string;
}

async function finishedJob(jobId: string): Promise<Job> {
  let job: Job | undefined;
  await waitFor(
    async () => {
      job = (await env.call("GET", `/v1/jobs/${jobId}`)).body.job as Job;
      return FINISHED.includes(job.status);
    },
    { timeoutMs: 20_000, message: () => `job ${jobId} did not finish: ${JSON.stringify(job)}` },
  );
  return job!;
}

/** Waits until every record's error field is written (the job writes them in its last batch). */
async function errorFields(recordIds: string[]): Promise<string[]> {
  await waitFor(() => recordIds.every((id) => env.field(id, "error") !== ""), {
    message: () => `error fields: ${JSON.stringify(recordIds.map((id) => env.field(id, "error")))}`,
  });
  return recordIds.map((id) => String(env.field(id, "error")));
}

describe("a job with 3 bad records out of 20", () => {
  it("writes into each bad record's error field the field and its problem, in the submitter's language", async () => {
    const { ids, bad } = twentyOrdersThreeBad();
    // The good records say why an earlier attempt failed: their link clears it.
    for (const id of ids.filter((id) => !bad.includes(id))) {
      env.kintone.store.updateRecord(env.appId, id, { error: { value: "an older error" } });
    }
    const jobId = await submitJob(ids, { "accept-language": "ja-JP,ja;q=0.9,en;q=0.8" });

    const job = await finishedJob(jobId);
    expect(job).toMatchObject({ status: "partially_failed", total: 20, done: 17, failed: 3 });
    expect(job.errors!.map((e) => [e.recordId, e.code])).toEqual(
      bad.map((id) => [id, "VALIDATION_FAILED"]),
    );

    const [noPrice, brokenQty, zeroQty] = await errorFields(bad);
    // Each field named by its label in the app, once.
    expect(noPrice).toMatch(/^決済リンクを作成できませんでした: 「Price」/);
    expect(brokenQty).toMatch(/^決済リンクを作成できませんでした: 「Quantity」.*1\.5/);
    expect(zeroQty).toMatch(/^決済リンクを作成できませんでした: 「Quantity」/);
    for (const text of [noPrice, brokenQty, zeroQty]) expect(text).not.toMatch(/price|qty/);
    // The job shows each record the same text as its field.
    expect(job.errors!.map((e) => e.message)).toEqual([noPrice, brokenQty, zeroQty]);
    // The good records got their link, and their older error was cleared with it.
    const good = ids.filter((id) => !bad.includes(id));
    await waitFor(() => good.every((id) => env.field(id, "checkout_url")));
    await waitFor(() => good.every((id) => env.field(id, "error") === ""));
  });

  it("writes English for a caller that asks for no Japanese, and a later link for a fixed record empties it", async () => {
    const { ids, bad } = twentyOrdersThreeBad();
    const job = await finishedJob(await submitJob(ids));
    expect(job.failed).toBe(3);
    const [noPrice] = await errorFields(bad);
    expect(noPrice).toMatch(/^No payment link made: [^:]*"Price"/);

    const fixed = bad[0]!;
    env.kintone.store.updateRecord(env.appId, fixed, { price: { value: "900" } });
    const linked = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: fixed, revision: env.revision(fixed) }],
      mapping: MAPPING,
    });
    expect(linked.status).toBe(201);
    expect(env.field(fixed, "checkout_url")).toBe(linked.body.sessions[0].url);
    expect(env.field(fixed, "error")).toBe("");
    // The others still say why.
    expect(String(env.field(bad[1]!, "error"))).toMatch(/Quantity/);
  });
});

describe("POST /v1/checkouts refused", () => {
  it("writes the reason into the record's error field and answers 422 as before", async () => {
    const [id] = addOrderRecords(env, [{ name: "Tea", price: "" }]);
    const answer = await env.call(
      "POST",
      "/v1/checkouts",
      { appId: env.appId, records: [{ id: id! }], mapping: MAPPING },
      { headers: { "accept-language": "en" } },
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(String(env.field(id!, "error"))).toMatch(/^No payment link made: [^:]*"Price"/);
  });

  it("still answers 422 when kintone refuses the error write", async () => {
    const [id] = addOrderRecords(env, [{ name: "Tea", price: "" }]);
    env.kintone.failNext({
      method: "PUT",
      pathPrefix: "/k/v1/records.json",
      status: 403,
      count: 5,
    });
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: id! }],
      mapping: MAPPING,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(env.field(id!, "error")).toBe("");
  });

  it("writes nothing for a preview", async () => {
    const [id] = addOrderRecords(env, [{ name: "Tea", price: "" }]);
    const revision = env.revision(id!);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: id! }],
      mapping: MAPPING,
      dryRun: true,
    });
    expect(answer.status).toBe(422);
    expect(env.revision(id!)).toBe(revision);
  });
});

describe("GET /v1/jobs?appId=", () => {
  it("lists the app's jobs newest first, with their progress and errors, and no other app's", async () => {
    const other = env.kintone.store.createApp({
      name: "Other orders",
      fields: ORDERS_FIELDS,
      apiTokens: [
        { token: "othertoken456", rights: { view: true, add: false, edit: true, delete: false } },
      ],
    });
    const proxy = await env.startProxy({
      env: { KINTONE_API_TOKENS: `${env.appId}:${env.token},${other.id}:othertoken456` },
    });
    const call = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
      callProxy(proxy.url, env.secret, body === undefined ? "GET" : "POST", path, body, {
        headers,
      });
    try {
      const { ids } = twentyOrdersThreeBad();
      const submit = async (appId: string, recordIds: string[]) => {
        const answer = await call("/v1/jobs", {
          appId,
          records: recordIds.map((id) => ({ id })),
          mapping: MAPPING,
        });
        expect(answer.status).toBe(202);
        return answer.body.job.id as string;
      };
      const first = await submit(env.appId, ids.slice(0, 5));
      const otherJob = await submit(other.id, ["1"]);
      const second = await submit(env.appId, ids);
      const finished = async (jobId: string) =>
        waitFor(async () =>
          FINISHED.includes((await call(`/v1/jobs/${jobId}`)).body.job.status as string),
        );
      await Promise.all([first, otherJob, second].map(finished));

      const listed = await call(`/v1/jobs?appId=${env.appId}`);
      expect(listed.status).toBe(200);
      const jobs = listed.body.jobs as Job[];
      expect(jobs.map((j) => j.id)).toEqual([second, first]);
      expect(jobs[0]).toMatchObject({
        status: "partially_failed",
        total: 20,
        done: 17,
        failed: 3,
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(jobs[0]!.errors).toHaveLength(3);
      expect(jobs[0]).toEqual((await call(`/v1/jobs/${second}`)).body.job);

      const limited = await call(`/v1/jobs?appId=${env.appId}&limit=1`);
      expect(limited.body.jobs.map((j: Job) => j.id)).toEqual([second]);
      const bound = await call(`/v1/jobs?appId=${env.appId}`, undefined, {
        [APP_BINDING_HEADER]: env.appId,
      });
      expect(bound.body.jobs.map((j: Job) => j.id)).toEqual([second, first]);
      const forged = await call(`/v1/jobs?appId=${other.id}`, undefined, {
        [APP_BINDING_HEADER]: env.appId,
      });
      expect(forged.status).toBe(400);
      expect(forged.body.error.code).toBe("BAD_REQUEST");
      const theOther = await call(`/v1/jobs?appId=${other.id}`);
      expect(theOther.body.jobs.map((j: Job) => j.id)).toEqual([otherJob]);
    } finally {
      await proxy.close();
    }
  });

  it.each([
    "",
    "?appId=abc",
    "?limit=5",
    "?appId=1&limit=0",
    "?appId=1&limit=51",
    "?appId=1&limit=x",
  ])("answers 400 BAD_REQUEST for %s", async (query) => {
    const answer = await env.call("GET", `/v1/jobs${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BAD_REQUEST");
  });

  it("lists at most 10 jobs unless asked for more, up to 50", async () => {
    const [id] = addOrderRecords(env, [{ name: "Tea", price: "500" }]);
    const jobIds: string[] = [];
    for (let i = 0; i < 12; i++) jobIds.push(await submitJob([id!]));
    await Promise.all(jobIds.map(finishedJob));
    const listed = await env.call("GET", `/v1/jobs?appId=${env.appId}`);
    expect(listed.body.jobs).toHaveLength(10);
    const more = await env.call("GET", `/v1/jobs?appId=${env.appId}&limit=50`);
    expect(more.body.jobs).toHaveLength(12);
  });
});
