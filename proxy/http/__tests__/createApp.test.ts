import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { z } from "zod";
import {
  createCheckoutsAnswerSchema,
  diagnosticsAnswerSchema,
  errorAnswerSchema,
  previewAnswerSchema,
  sessionAnswerSchema,
  sessionListAnswerSchema,
} from "../../../core/api/proxyApi";
import { createApp, type AppDependencies } from "../createApp";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";

const SECRET = "s".repeat(40);

/** The answer has exactly the shape of core's contract schema: nothing missing, nothing extra. */
function expectContract(schema: z.ZodType, body: unknown) {
  expect(schema.parse(body)).toEqual(body);
}

async function start(overrides: Partial<AppDependencies> = {}) {
  const env = makeDeps();
  const deps: AppDependencies = {
    ...env.deps,
    proxySecret: SECRET,
    version: "1.2.3",
    setup: {
      appIds: [APP],
      stripeKeyType: "restricted",
      stripeMode: "test",
      webhookConfigured: true,
    },
    jsonLimit: "10kb",
    ...overrides,
  };
  const server: Server = await new Promise((resolve) => {
    const s = createApp(deps).listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${SECRET}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      headers: response.headers,
    };
  };
  return { env, call, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let app: Awaited<ReturnType<typeof start>>;
afterEach(async () => {
  await app?.close();
});

describe("GET /healthz", () => {
  it("answers ok and the version without a secret", async () => {
    app = await start();
    const response = await app.call("GET", "/healthz", undefined, { authorization: "" });
    expect(response).toMatchObject({ status: 200, body: { ok: true, version: "1.2.3" } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff"); // helmet
  });
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", {} as Record<string, string>],
    ["a wrong secret", { authorization: `Bearer ${"x".repeat(40)}` }],
    ["the secret without Bearer", { authorization: SECRET }],
    ["a prefix of the secret", { authorization: `Bearer ${SECRET.slice(0, 20)}` }],
  ])("answers 401 for %s and nothing happens", async (_label, headers) => {
    app = await start();
    const id = productRecord(app.env.records, { name: "Tea", price: "500", qty: "1" });
    const answer = await app.call(
      "POST",
      "/v1/checkouts",
      { appId: APP, records: [{ id }], mapping: JSON.stringify(baseMapping()) },
      { authorization: "", ...headers },
    );
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] },
    });
    expect(JSON.stringify(answer.body)).not.toContain(SECRET);
    expect(app.env.gateway.calls).toEqual([]);
    expect(app.env.records.updates).toEqual([]);
  });

  it("guards every /v1 route", async () => {
    app = await start();
    for (const [method, path] of [
      ["GET", "/v1/checkouts"],
      ["GET", "/v1/checkouts/cs_test_1"],
      ["POST", "/v1/checkouts/cs_test_1/sync"],
      ["POST", "/v1/checkouts/cs_test_1/expire"],
      ["GET", "/v1/diagnostics"],
    ] as const) {
      expect(
        (await app.call(method, path, undefined, { authorization: "Bearer nope" })).status,
      ).toBe(401);
    }
    expect(app.env.gateway.calls).toEqual([]);
  });
});

describe("error answers", () => {
  it("answers 400 BAD_REQUEST for a body that is not JSON", async () => {
    app = await start();
    const answer = await app.call("POST", "/v1/checkouts", "{not json");
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", details: [] } },
    });
  });

  it("answers 400 BAD_REQUEST with details for a body of the wrong shape", async () => {
    app = await start();
    const answer = await app.call("POST", "/v1/checkouts", { appId: APP, records: [], mapping: 5 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BAD_REQUEST");
    expect(answer.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "mapping",
      "records",
    ]);
  });

  it("answers 400 for more than 100 records", async () => {
    app = await start({ jsonLimit: "1mb" });
    const records = Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) }));
    const answer = await app.call("POST", "/v1/checkouts", { appId: APP, records, mapping: "{}" });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });

  it("answers 400 for a body over the size limit", async () => {
    app = await start();
    const answer = await app.call("POST", "/v1/checkouts", {
      appId: APP,
      records: [{ id: "1" }],
      mapping: "x".repeat(20_000),
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_REQUEST", message: "The body is too large." } },
    });
  });

  it("answers 500 with a generic message and no stack for an unexpected error", async () => {
    app = await start();
    app.env.gateway.retrieveCheckoutSession = async () => {
      throw new Error("boom at /secret/path with sk_live_123");
    };
    const answer = await app.call("GET", "/v1/checkouts/cs_test_1");
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { code: "INTERNAL", message: "Something went wrong in the proxy.", details: [] },
    });
  });

  it("answers 404 SESSION_NOT_FOUND for an unknown session", async () => {
    app = await start();
    const answer = await app.call("GET", "/v1/checkouts/cs_test_404");
    expect(answer).toMatchObject({
      status: 404,
      body: { error: { code: "SESSION_NOT_FOUND", details: [] } },
    });
  });

  it("answers 422 VALIDATION_FAILED in Japanese when the caller prefers it", async () => {
    app = await start();
    const id = productRecord(app.env.records, { name: "Tea", price: "abc", qty: "1" });
    const body = { appId: APP, records: [{ id }], mapping: JSON.stringify(baseMapping()) };
    const ja = await app.call("POST", "/v1/checkouts", body, {
      "accept-language": "ja,en-US;q=0.8",
    });
    const en = await app.call("POST", "/v1/checkouts", body);
    expect(ja.status).toBe(422);
    expect(ja.body.error.details[0]).toMatchObject({ recordId: id, field: "price" });
    expect(ja.body.error.details[0].message).not.toBe(en.body.error.details[0].message);
    expect(app.env.gateway.calls).toEqual([]);
  });
});

describe("checkout routes", () => {
  it("creates (201), reads, syncs and expires a session with the contract's shapes", async () => {
    app = await start();
    const id = productRecord(app.env.records, { name: "Tea", price: "500", qty: "2" });
    const created = await app.call("POST", "/v1/checkouts", {
      appId: APP,
      records: [{ id, revision: "1" }],
      mapping: JSON.stringify(baseMapping()),
    });
    expect(created.status).toBe(201);
    expectContract(createCheckoutsAnswerSchema, created.body);
    const session = created.body.sessions[0];
    expect(session).toEqual({
      id: expect.any(String),
      url: expect.any(String),
      expiresAt: expect.any(String),
      recordIds: [id],
      currency: "jpy",
      amountTotal: 1000,
      replaced: [],
      clientSecret: null,
    });

    const read = await app.call("GET", `/v1/checkouts/${session.id}`);
    expectContract(sessionAnswerSchema, read.body);
    expect(read.body).toEqual({
      session: {
        id: session.id,
        url: session.url,
        status: "open",
        paymentStatus: "unpaid",
        amountTotal: 1000,
        currency: "jpy",
        customerEmail: null,
        expiresAt: session.expiresAt,
        appId: APP,
        recordIds: [id],
      },
    });

    app.env.gateway.pay(session.id);
    const synced = await app.call("POST", `/v1/checkouts/${session.id}/sync`);
    expect(synced.body.session).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      customerEmail: "buyer@example.com",
    });
    expect(app.env.records.field(APP, id, "status")).toBe("complete");

    const expire = await app.call("POST", `/v1/checkouts/${session.id}/expire`);
    expectContract(errorAnswerSchema, expire.body);
    expect(expire).toMatchObject({ status: 409, body: { error: { code: "SESSION_NOT_OPEN" } } });
  });

  it("expires an open session and writes expired into the record", async () => {
    app = await start();
    const id = productRecord(app.env.records, { name: "Tea", price: "500", qty: "2" });
    const created = await app.call("POST", "/v1/checkouts", {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify(baseMapping()),
    });
    const sessionId = created.body.sessions[0].id;
    const expired = await app.call("POST", `/v1/checkouts/${sessionId}/expire`);
    expect(expired).toMatchObject({
      status: 200,
      body: { session: { id: sessionId, status: "expired" } },
    });
    expect(app.env.records.field(APP, id, "status")).toBe("expired");
    expect((await app.call("POST", "/v1/checkouts/cs_test_nope/expire")).status).toBe(404);
  });

  it("previews a dry run with 200 and no Stripe call", async () => {
    app = await start();
    const id = productRecord(app.env.records, { name: "Tea", price: "500", qty: "2" });
    const answer = await app.call("POST", "/v1/checkouts", {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify(baseMapping()),
      dryRun: true,
    });
    expect(answer.status).toBe(200);
    expectContract(previewAnswerSchema, answer.body);
    expect(answer.body.preview.sessions[0].lineItems[0]).toEqual({
      recordId: id,
      name: "Tea",
      unitAmount: 500,
      quantity: 2,
      imageCount: 0,
    });
    expect(app.env.gateway.calls).toEqual([]);
  });

  it("lists sessions by record from the journal and by status from Stripe", async () => {
    app = await start();
    const a = productRecord(app.env.records, { name: "Tea", price: "500", qty: "1" });
    const b = productRecord(app.env.records, { name: "Cup", price: "700", qty: "1" });
    const mapping = JSON.stringify(baseMapping({ grouping: "perRecord" }));
    await app.call("POST", "/v1/checkouts", {
      appId: APP,
      records: [{ id: a }, { id: b }],
      mapping,
    });

    const byRecord = await app.call("GET", `/v1/checkouts?appId=${APP}&recordId=${b}`);
    expect(byRecord.status).toBe(200);
    expectContract(sessionListAnswerSchema, byRecord.body);
    expect(byRecord.body.hasMore).toBe(false);
    expect(byRecord.body.sessions.map((s: { recordIds: string[] }) => s.recordIds)).toEqual([[b]]);

    const page = await app.call("GET", `/v1/checkouts?appId=${APP}&limit=1`);
    expect(page.body.sessions).toHaveLength(1);
    expect(page.body.hasMore).toBe(true);
    const next = await app.call(
      "GET",
      `/v1/checkouts?appId=${APP}&limit=1&startingAfter=${page.body.sessions[0].id}`,
    );
    expect(next.body.sessions[0].id).not.toBe(page.body.sessions[0].id);

    const open = await app.call("GET", "/v1/checkouts?status=open");
    expect(open.body.sessions).toHaveLength(2);
    expect(app.env.gateway.callsOf("listCheckoutSessions")).toHaveLength(1);

    expect((await app.call("GET", "/v1/checkouts?status=paid")).status).toBe(400);
  });

  it("reports diagnostics for Stripe and each configured app", async () => {
    app = await start();
    productRecord(app.env.records, { name: "Tea", price: "500", qty: "1" });
    const answer = await app.call("GET", "/v1/diagnostics");
    expectContract(diagnosticsAnswerSchema, answer.body);
    expect(answer.body).toEqual({
      stripe: { ok: true, mode: "test", keyType: "restricted", problems: [] },
      kintone: { ok: true, apps: [{ appId: APP, ok: true, problems: [] }] },
    });
  });

  it("reports a kintone app whose token cannot read it, in plain words", async () => {
    app = await start({
      setup: {
        appIds: [APP, "13"],
        stripeKeyType: "restricted",
        stripeMode: "test",
        webhookConfigured: true,
      },
    });
    productRecord(app.env.records, { name: "Tea", price: "500", qty: "1" });
    app.env.records.getFormFields = async (appId: string) => {
      if (appId === "13") {
        const { UpstreamError } = await import("../../errors/UpstreamError");
        throw new UpstreamError(
          "kintone",
          "kintone refused the proxy's API token for app 13: check KINTONE_API_TOKENS.",
        );
      }
      return [];
    };
    const answer = await app.call("GET", "/v1/diagnostics");
    expect(answer.body.kintone.ok).toBe(false);
    const app13 = answer.body.kintone.apps.find((a: { appId: string }) => a.appId === "13");
    expect(app13.ok).toBe(false);
    expect(app13.problems[0]).toMatch(/App 13: the form fields cannot be read\. kintone refused/);
  });
});
