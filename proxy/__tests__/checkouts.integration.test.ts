/**
 * The proxy through HTTP with its REAL adapters (Stripe SDK, kintone REST client, sharp, SQLite)
 * against the Stripe and kintone emulators.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import sharp from "sharp";
import { startKintoneEmulator, type KintoneEmulator } from "../../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../../sandbox/kintone/KintoneStore";
import { startStripeEmulator, type StripeEmulator } from "../../sandbox/stripe/StripeEmulator";
import type { StoredLineItem } from "../../sandbox/stripe/StripeStore";
import { loadConfig } from "../config";
import { startProxy, type RunningProxy } from "../main";

const SECRET = "integration-secret-0123456789-abcdef";
const TOKEN = "integrationtoken123";

const FIELDS: FieldDef[] = [
  { code: "code", label: "Code", type: "SINGLE_LINE_TEXT" },
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "qty", label: "Quantity", type: "NUMBER" },
  { code: "min_qty", label: "Min", type: "NUMBER" },
  { code: "max_qty", label: "Max", type: "NUMBER" },
  { code: "photo", label: "Photo", type: "FILE" },
  { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "pay_status", label: "Payment status", type: "SINGLE_LINE_TEXT" },
  { code: "expires_at", label: "Expires", type: "DATETIME" },
  { code: "amount", label: "Amount", type: "NUMBER" },
  { code: "error", label: "Error", type: "MULTI_LINE_TEXT" },
];

function mapping(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem: {
      productCode: { field: "code" },
      name: { field: "name" },
      unitPrice: { field: "price" },
      quantity: { field: "qty" },
      minQuantity: { field: "min_qty" },
      maxQuantity: { field: "max_qty" },
      image: { field: "photo" },
    },
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: {
      url: "checkout_url",
      sessionId: "session_id",
      status: "status",
      paymentStatus: "pay_status",
      expiresAt: "expires_at",
      amountTotal: "amount",
      error: "error",
    },
    ...overrides,
  });
}

let stripe: StripeEmulator;
let kintone: KintoneEmulator;
let proxy: RunningProxy;
let appId: string;

beforeEach(async () => {
  stripe = await startStripeEmulator();
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: FIELDS,
        apiTokens: [
          { token: TOKEN, rights: { view: true, add: false, edit: true, delete: false } },
        ],
      },
    ],
  });
  appId = kintone.store.listApps()[0]!.id;
  const loaded = loadConfig({
    STRIPE_API_KEY: "rk_test_integration",
    STRIPE_API_BASE: stripe.url,
    PROXY_SECRET: SECRET,
    KINTONE_BASE_URL: kintone.url,
    KINTONE_API_TOKENS: `${appId}:${TOKEN}`,
    PORT: "0",
  });
  if (!loaded.ok) throw new Error(loaded.message);
  proxy = await startProxy(loaded.config, {
    host: "127.0.0.1",
    journalFile: ":memory:",
    logger: pino({ level: "silent" }),
  });
});

afterEach(async () => {
  await proxy.close();
  await stripe.close();
  await kintone.close();
});

async function picture(color: string): Promise<Uint8Array> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: color } })
    .png()
    .toBuffer();
}

async function addRecords(
  rows: {
    code?: string;
    name: string;
    price: string;
    qty: string;
    min?: string;
    max?: string;
    photo?: Uint8Array;
  }[],
): Promise<string[]> {
  const records = rows.map((row) => {
    const photo = row.photo
      ? [kintone.store.putFile(row.photo, `${row.name}.png`, "image/png")]
      : [];
    return {
      code: { value: row.code ?? "" },
      name: { value: row.name },
      price: { value: row.price },
      qty: { value: row.qty },
      min_qty: { value: row.min ?? "" },
      max_qty: { value: row.max ?? "" },
      photo: { value: photo },
    };
  });
  return kintone.store.addRecords(appId, records).ids;
}

function field(recordId: string, code: string): unknown {
  return (kintone.store.getRecord(appId, recordId)?.[code] as { value: unknown } | undefined)
    ?.value;
}

function revision(recordId: string): string {
  return String(field(recordId, "$revision"));
}

async function call(method: string, path: string, body?: unknown, secret = SECRET) {
  const response = await fetch(proxy.url + path, {
    method,
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON freely
  return { status: response.status, body: (await response.json()) as any };
}

/** Stripe keeps adjustable_quantity out of the line item object; the emulator keeps it beside it. */
function storedLineItems(sessionId: string): StoredLineItem[] {
  const internals = stripe as unknown as {
    store: { sessionLineItems: Map<string, StoredLineItem[]> };
  };
  return internals.store.sessionLineItems.get(sessionId) ?? [];
}

describe("POST /v1/checkouts", () => {
  it.each([
    {
      currency: "JPY",
      rows: [
        { code: "TEA-1", name: "Green tea", price: "500", qty: "2", min: "1", max: "5" },
        { code: "CUP-1", name: "Tea cup", price: "1200", qty: "1" },
        { name: "Gift wrapping", price: "300", qty: "3", min: "0", max: "10" },
      ],
      amounts: [500, 1200, 300],
      total: 3100,
      written: "3100",
    },
    {
      currency: "USD",
      rows: [
        { code: "BOOK-1", name: "Book", price: "19.99", qty: "2", min: "1", max: "5" },
        { code: "PEN-1", name: "Pen", price: "0.50", qty: "4" },
        { name: "Shipping", price: "5", qty: "1" },
      ],
      amounts: [1999, 50, 500],
      total: 4698,
      written: "46.98",
    },
  ])(
    "makes one $currency session from 3 records with matching line items, and the URL lands in all 3",
    async ({ currency, rows, amounts, total, written }) => {
      const photo = await picture("#3a7");
      const ids = await addRecords(rows.map((row, i) => (i === 0 ? { ...row, photo } : row)));
      const answer = await call("POST", "/v1/checkouts", {
        appId,
        records: ids.map((id) => ({ id, revision: revision(id) })),
        mapping: mapping({ currency }),
      });

      expect(answer.status).toBe(201);
      expect(answer.body.sessions).toHaveLength(1);
      const session = answer.body.sessions[0];
      expect(session).toMatchObject({
        recordIds: ids,
        currency: currency.toLowerCase(),
        amountTotal: total,
        replaced: [],
      });

      const stored = stripe.state.sessions.find((s) => s.id === session.id)!;
      expect(stored.amount_total).toBe(total);
      expect(stored.metadata).toMatchObject({
        kintone_app_id: appId,
        kintone_record_ids: ids.join(","),
      });
      const lines = storedLineItems(session.id);
      expect(lines.map((l) => l.item.price.unit_amount)).toEqual(amounts);
      expect(lines.map((l) => l.item.quantity)).toEqual(rows.map((r) => Number(r.qty)));
      expect(lines.map((l) => l.item.description)).toEqual(rows.map((r) => r.name));
      expect(
        lines.map((l) =>
          l.adjustableQuantity?.enabled
            ? [l.adjustableQuantity.minimum, l.adjustableQuantity.maximum]
            : null,
        ),
      ).toEqual(rows.map((r) => (r.min !== undefined ? [Number(r.min), Number(r.max)] : null)));

      const product = stripe.state.products.find((p) => p.metadata.product_code === rows[0]!.code)!;
      expect(product.images).toHaveLength(1);
      expect(stripe.state.files).toHaveLength(1);

      for (const id of ids) {
        expect(field(id, "checkout_url")).toBe(session.url);
        expect(field(id, "session_id")).toBe(session.id);
        expect(field(id, "status")).toBe("open");
        expect(field(id, "amount")).toBe(written);
      }
    },
  );

  it("makes exactly one product for a new product code under two concurrent checkouts", async () => {
    const [a, b] = await addRecords([
      { code: "NEW-1", name: "New thing", price: "800", qty: "1" },
      { code: "NEW-1", name: "New thing", price: "800", qty: "2" },
    ]);
    const answers = await Promise.all(
      [a, b].map((id) =>
        call("POST", "/v1/checkouts", { appId, records: [{ id }], mapping: mapping() }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(stripe.state.products.filter((p) => p.metadata.product_code === "NEW-1")).toHaveLength(
      1,
    );
  });

  it("sends exactly one Stripe request for a second checkout of the same records with unchanged coded products", async () => {
    const ids = await addRecords([
      { code: "A-1", name: "Apple", price: "150", qty: "2", photo: await picture("#c00") },
      { code: "B-1", name: "Banana", price: "120", qty: "3" },
    ]);
    const body = {
      appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping({ replaceOpenSession: false }),
    };
    expect((await call("POST", "/v1/checkouts", body)).status).toBe(201);
    stripe.clearRequests();

    const second = await call("POST", "/v1/checkouts", body);
    expect(second.status).toBe(201);
    expect(stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/checkout/sessions",
    ]);
  });

  it("expires the records' earlier open session when a new one is made", async () => {
    const ids = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const body = { appId, records: ids.map((id) => ({ id })), mapping: mapping() };
    const first = await call("POST", "/v1/checkouts", body);
    const second = await call("POST", "/v1/checkouts", body);
    const earlier = first.body.sessions[0].id;
    expect(second.body.sessions[0].replaced).toEqual([earlier]);
    expect(stripe.state.sessions.find((s) => s.id === earlier)!.status).toBe("expired");
    expect(field(ids[0]!, "session_id")).toBe(second.body.sessions[0].id);
  });

  it("answers 422 naming each invalid record and field, and Stripe sees no request", async () => {
    const ids = await addRecords([
      { code: "OK-1", name: "Fine", price: "500", qty: "1" },
      { code: "BAD-1", name: "Bad price", price: "12.5", qty: "1" },
      { code: "BAD-2", name: "Bad quantity", price: "500", qty: "0" },
    ]);
    const answer = await call("POST", "/v1/checkouts", {
      appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    const named = answer.body.error.details.map(
      (d: { recordId: string; field: string }) => `${d.recordId}:${d.field}`,
    );
    expect(named).toEqual(expect.arrayContaining([`${ids[1]}:price`, `${ids[2]}:qty`]));
    expect(named.some((n: string) => n.startsWith(`${ids[0]}:`))).toBe(false);
    expect(stripe.requests).toEqual([]);
  });

  it("answers 409 when a record changed after it was read, and nothing is charged", async () => {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const seen = revision(id!);
    kintone.store.updateRecord(appId, id!, { price: { value: "1" } });
    const answer = await call("POST", "/v1/checkouts", {
      appId,
      records: [{ id, revision: seen }],
      mapping: mapping(),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: "RECORD_CHANGED",
      details: [{ recordId: id, expected: seen }],
    });
    expect(stripe.requests).toEqual([]);
  });

  it("answers 401 for a wrong secret and nothing happens", async () => {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    kintone.clearRequests();
    const answer = await call(
      "POST",
      "/v1/checkouts",
      { appId, records: [{ id }], mapping: mapping() },
      "wrong-secret-".repeat(4),
    );
    expect(answer).toEqual({
      status: 401,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(stripe.requests).toEqual([]);
    expect(kintone.requests).toEqual([]);
  });

  it("answers 502 STRIPE_ERROR with Stripe's request id when Stripe refuses, and a resend then succeeds", async () => {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const body = { appId, records: [{ id, revision: revision(id!) }], mapping: mapping() };
    stripe.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 400 });
    const refused = await call("POST", "/v1/checkouts", body);
    expect(refused.status).toBe(502);
    expect(refused.body.error).toEqual({
      code: "STRIPE_ERROR",
      message: expect.any(String),
      details: [{ requestId: expect.stringMatching(/^req_/) }],
    });
    expect(field(id!, "checkout_url")).toBe("");

    const resent = await call("POST", "/v1/checkouts", body);
    expect(resent.status).toBe(201);
    expect(stripe.state.sessions).toHaveLength(1);
  });

  it("makes one session when Stripe's answer to the create is lost", async () => {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      when: "after",
    });
    const answer = await call("POST", "/v1/checkouts", {
      appId,
      records: [{ id }],
      mapping: mapping(),
    });
    expect(answer.status).toBe(201);
    expect(stripe.state.sessions.map((s) => s.id)).toEqual([answer.body.sessions[0].id]);
  });

  it("answers 201 when kintone fails the write-back, and writes it once kintone is back", async () => {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    // The adapter tries a write 4 times (3 retries): all four fail.
    kintone.failNext({ method: "PUT", pathPrefix: "/k/v1/records.json", status: 503, count: 4 });
    const answer = await call("POST", "/v1/checkouts", {
      appId,
      records: [{ id }],
      mapping: mapping(),
    });
    expect(answer.status).toBe(201);
    expect(field(id!, "checkout_url")).toBe("");
    expect(proxy.journal.writeBacks.count()).toBe(1);

    await proxy.retryPendingWriteBacks({ all: true });
    expect(field(id!, "checkout_url")).toBe(answer.body.sessions[0].url);
    expect(field(id!, "status")).toBe("open");
    expect(proxy.journal.writeBacks.count()).toBe(0);
  });
});

describe("pending write-backs", () => {
  it("survive a proxy restart and land once kintone takes them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proxy-journal-"));
    const loaded = loadConfig({
      STRIPE_API_KEY: "rk_test_integration",
      STRIPE_API_BASE: stripe.url,
      PROXY_SECRET: SECRET,
      KINTONE_BASE_URL: kintone.url,
      KINTONE_API_TOKENS: `${appId}:${TOKEN}`,
      PORT: "0",
      DATA_DIR: dir,
    });
    if (!loaded.ok) throw new Error(loaded.message);
    // Retries far apart: nothing is retried while the first proxy lives.
    const options = {
      host: "127.0.0.1",
      logger: pino({ level: "silent" }),
      writeBackRetry: { firstDelayMs: 60_000, intervalMs: 60_000 },
    };
    await proxy.close();
    try {
      proxy = await startProxy(loaded.config, options);
      const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
      // The write and its 3 retries fail.
      kintone.failNext({ method: "PUT", pathPrefix: "/k/v1/records.json", status: 503, count: 4 });
      const answer = await call("POST", "/v1/checkouts", {
        appId,
        records: [{ id }],
        mapping: mapping(),
      });
      expect(answer.status).toBe(201);
      await proxy.close();
      expect(field(id!, "checkout_url")).toBe("");

      proxy = await startProxy(loaded.config, options);
      await waitFor(() => field(id!, "checkout_url") === answer.body.sessions[0].url);
      expect(proxy.journal.writeBacks.count()).toBe(0);
    } finally {
      await proxy.close();
      fs.rmSync(dir, { recursive: true });
      proxy = await startProxy(loaded.config, {
        host: "127.0.0.1",
        journalFile: ":memory:",
        logger: pino({ level: "silent" }),
      });
    }
  });
});

describe("checkout sessions after creation", () => {
  async function createOne() {
    const [id] = await addRecords([{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const answer = await call("POST", "/v1/checkouts", {
      appId,
      records: [{ id }],
      mapping: mapping(),
    });
    return { recordId: id!, sessionId: answer.body.sessions[0].id as string };
  }

  it("reads a session with its app and records, and sync writes the payment into the record", async () => {
    const { recordId, sessionId } = await createOne();
    const read = await call("GET", `/v1/checkouts/${sessionId}`);
    expect(read.body.session).toMatchObject({
      id: sessionId,
      status: "open",
      paymentStatus: "unpaid",
      amountTotal: 300,
      currency: "jpy",
      appId,
      recordIds: [recordId],
    });

    await stripe.payWithCard(sessionId);
    const synced = await call("POST", `/v1/checkouts/${sessionId}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.session).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(field(recordId, "status")).toBe("complete");
    expect(field(recordId, "pay_status")).toBe("paid");
  });

  it("expires an open session (record says expired), then answers 409 SESSION_NOT_OPEN, and 404 for an unknown id", async () => {
    const { recordId, sessionId } = await createOne();
    const expired = await call("POST", `/v1/checkouts/${sessionId}/expire`);
    expect(expired).toMatchObject({
      status: 200,
      body: { session: { id: sessionId, status: "expired" } },
    });
    expect(field(recordId, "status")).toBe("expired");

    const again = await call("POST", `/v1/checkouts/${sessionId}/expire`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: "SESSION_NOT_OPEN" } } });
    const unknown = await call("POST", "/v1/checkouts/cs_test_doesnotexist/expire");
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "SESSION_NOT_FOUND" } } });
  });

  it("lists a record's sessions, and open sessions from Stripe", async () => {
    const { recordId, sessionId } = await createOne();
    const byRecord = await call("GET", `/v1/checkouts?appId=${appId}&recordId=${recordId}`);
    expect(byRecord.body).toMatchObject({
      sessions: [{ id: sessionId, recordIds: [recordId] }],
      hasMore: false,
    });
    const open = await call("GET", "/v1/checkouts?status=open&limit=5");
    expect(open.body.sessions.map((s: { id: string }) => s.id)).toContain(sessionId);
  });

  it("reports diagnostics for the Stripe key and the kintone app, and the missing webhook secret", async () => {
    const answer = await call("GET", "/v1/diagnostics");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      stripe: {
        ok: false,
        mode: "test",
        keyType: "restricted",
        problems: [
          expect.stringMatching(
            /^STRIPE_WEBHOOK_SECRET is not set: .* → docs\/en\/troubleshooting\.md#stripe-webhook-secret-missing$/,
          ),
        ],
      },
      kintone: { ok: true, apps: [{ appId, ok: true, problems: [] }] },
    });
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
