/**
 * Checkout sessions after POST /v1/checkouts, through HTTP with the proxy's REAL adapters against
 * the emulators: read, sync, expire and list them, diagnostics, and write-backs kintone took late.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import { waitFor } from "../../testkit/waitFor";
import { addRecords, checkoutsMapping } from "./support/checkoutsKit";

const env = ordersProxyPerTest();

describe("pending write-backs", () => {
  it("survive a proxy restart and land once kintone takes them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proxy-journal-"));
    // The journal in DATA_DIR; retries far apart: nothing is retried while the first proxy lives.
    const onDisk = {
      env: { DATA_DIR: dir },
      proxy: {
        journalFile: undefined,
        writeBackRetry: { firstDelayMs: 60_000, intervalMs: 60_000 },
      },
    };
    await env.proxy.close();
    try {
      env.proxy = await env.startProxy(onDisk);
      const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
      // The write and its 3 retries fail.
      env.kintone.failNext({
        method: "PUT",
        pathPrefix: "/k/v1/records.json",
        status: 503,
        count: 4,
      });
      const answer = await env.call("POST", "/v1/checkouts", {
        appId: env.appId,
        records: [{ id }],
        mapping: checkoutsMapping(),
      });
      expect(answer.status).toBe(201);
      await env.proxy.close();
      expect(env.field(id!, "checkout_url")).toBe("");

      env.proxy = await env.startProxy(onDisk);
      await waitFor(() => env.field(id!, "checkout_url") === answer.body.sessions[0].url);
      // kintone holds the link before the proxy has read kintone's answer and dropped the entry.
      await waitFor(async () => (await env.proxy.journal.writeBacks.count()) === 0);
    } finally {
      await env.proxy.close();
      fs.rmSync(dir, { recursive: true });
      env.proxy = await env.startProxy();
    }
  });
});
describe("checkout sessions after creation", () => {
  async function createOne() {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id }],
      mapping: checkoutsMapping(),
    });
    return { recordId: id!, sessionId: answer.body.sessions[0].id as string };
  }

  it("reads a session with its app and records, and sync writes the payment into the record", async () => {
    const { recordId, sessionId } = await createOne();
    const read = await env.call("GET", `/v1/checkouts/${sessionId}`);
    expect(read.body.session).toMatchObject({
      id: sessionId,
      status: "open",
      paymentStatus: "unpaid",
      amountTotal: 300,
      currency: "jpy",
      appId: env.appId,
      recordIds: [recordId],
    });

    await env.stripe.payWithCard(sessionId);
    const synced = await env.call("POST", `/v1/checkouts/${sessionId}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.session).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(env.field(recordId, "status")).toBe("complete");
    expect(env.field(recordId, "pay_status")).toBe("paid");
  });

  it("expires an open session (record says expired), then answers 409 SESSION_NOT_OPEN, and 404 for an unknown id", async () => {
    const { recordId, sessionId } = await createOne();
    const expired = await env.call("POST", `/v1/checkouts/${sessionId}/expire`);
    expect(expired).toMatchObject({
      status: 200,
      body: { session: { id: sessionId, status: "expired" } },
    });
    expect(env.field(recordId, "status")).toBe("expired");

    const again = await env.call("POST", `/v1/checkouts/${sessionId}/expire`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: "SESSION_NOT_OPEN" } } });
    const unknown = await env.call("POST", "/v1/checkouts/cs_test_doesnotexist/expire");
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "SESSION_NOT_FOUND" } } });
  });

  it("lists a record's sessions, and open sessions from Stripe", async () => {
    const { recordId, sessionId } = await createOne();
    const byRecord = await env.call("GET", `/v1/checkouts?appId=${env.appId}&recordId=${recordId}`);
    expect(byRecord.body).toMatchObject({
      sessions: [{ id: sessionId, recordIds: [recordId] }],
      hasMore: false,
    });
    const open = await env.call("GET", "/v1/checkouts?status=open&limit=5");
    expect(open.body.sessions.map((s: { id: string }) => s.id)).toContain(sessionId);
  });

  it("reports diagnostics for the Stripe key and the kintone app, the missing webhook endpoint and secret", async () => {
    const answer = await env.call("GET", "/v1/diagnostics");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      stripe: {
        ok: false,
        mode: "test",
        keyType: "restricted",
        problems: [
          // The emulator has no webhook endpoint for this proxy: Stripe would send it nothing.
          expect.stringMatching(
            /^No webhook endpoint in Stripe points at this proxy .* → docs\/en\/troubleshooting\.md#stripe-webhook-endpoint-missing$/,
          ),
          expect.stringMatching(
            /^STRIPE_WEBHOOK_SECRET is not set: .* → docs\/en\/troubleshooting\.md#stripe-webhook-secret-missing$/,
          ),
        ],
      },
      kintone: {
        ok: true,
        apps: [
          {
            appId: env.appId,
            ok: true,
            problems: [],
          },
        ],
      },
    });
  });
});
