/**
 * Issue 8, through HTTP with the REAL adapters against the Stripe and kintone emulators:
 * - egress: in real flows the proxy connects to no host but KINTONE_BASE_URL's and STRIPE_API_BASE's,
 *   whatever URLs records, attachments or the mapping hold (a listening decoy proves it);
 * - secrets: no key, secret or token in any log line, answer body or answer header, failures included;
 * - webhooks: bad signatures, stale timestamps and replays are refused or harmless.
 */
import net from "node:net";
import sharp from "sharp";
import Stripe from "stripe";
import { startKintoneEmulator, type KintoneEmulator } from "../../sandbox/kintone/KintoneEmulator";
import type { FieldDef } from "../../sandbox/kintone/KintoneStore";
import { startStripeEmulator, type StripeEmulator } from "../../sandbox/stripe/StripeEmulator";
import { loadConfig, type ProxyConfig } from "../config";
import { STRIPE_WEBHOOK_PATH } from "../http/mountStripeWebhook";
import type { RateLimitOptions } from "../http/rateLimits";
import { createLogger } from "../logging/createLogger";
import { startProxy, type RunningProxy } from "../main";

const PROXY_SECRET = "PxS3cr3t-integration-0123456789-abcdefgh";
const KINTONE_TOKEN = "KtT0kenIntegration0123456789";
const WEBHOOK_SECRET = "whsec_Wh00kSecretIntegration0123456789";
const STRIPE_KEY = "rk_test_StR1peKeyIntegration0123456789";
const SECRETS = { PROXY_SECRET, KINTONE_TOKEN, WEBHOOK_SECRET, STRIPE_KEY };
/** Key material after a Stripe prefix, whoever's key it is. */
const SECRET_SHAPES = [/\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]/, /\bwhsec_[A-Za-z0-9]/];

const FIELDS: FieldDef[] = [
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "photo", label: "Photo", type: "FILE" },
  { code: "link", label: "Link", type: "SINGLE_LINE_TEXT" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "url", label: "URL", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "pay_status", label: "Payment status", type: "SINGLE_LINE_TEXT" },
];

let stripe: StripeEmulator;
let kintone: KintoneEmulator;
let appId: string;
let decoy: { port: number; connections: number; close(): Promise<void> };
const proxies: RunningProxy[] = [];

/** Every outbound TCP connection of this process, as "host:port". */
const connections: string[] = [];
const originalConnect = net.Socket.prototype.connect;

beforeAll(() => {
  net.Socket.prototype.connect = function recordingConnect(this: net.Socket, ...args: unknown[]) {
    const [first, second] = args as [unknown, unknown];
    const options = (Array.isArray(first) ? first[0] : first) as
      { host?: string; port?: number | string; path?: string } | number | string;
    // Node's http module passes `path: null` for TCP; only a string path is a Unix socket.
    if (typeof options === "object" && options !== null && typeof options.path !== "string") {
      connections.push(`${options.host ?? "localhost"}:${options.port}`);
    } else if (typeof options === "number") {
      connections.push(`${typeof second === "string" ? second : "localhost"}:${options}`);
    }
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});

afterAll(() => {
  net.Socket.prototype.connect = originalConnect;
});

async function startDecoy() {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeEach(async () => {
  stripe = await startStripeEmulator({ webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } });
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: FIELDS,
        apiTokens: [
          { token: KINTONE_TOKEN, rights: { view: true, add: true, edit: true, delete: false } },
        ],
      },
    ],
  });
  appId = kintone.store.listApps()[0]!.id;
  decoy = await startDecoy();
  connections.length = 0;
});

afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
  await stripe.close();
  await kintone.close();
  await decoy.close();
});

function config(env: Record<string, string> = {}): ProxyConfig {
  const loaded = loadConfig({
    STRIPE_API_KEY: STRIPE_KEY,
    STRIPE_API_BASE: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PROXY_SECRET,
    KINTONE_BASE_URL: kintone.url,
    KINTONE_API_TOKENS: `${appId}:${KINTONE_TOKEN}`,
    PORT: "0",
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.config;
}

/** Log lines of every proxy started with `logLines`, at the most talkative level. */
let logLines: string[] = [];

async function start(
  options: { env?: Record<string, string>; rateLimits?: RateLimitOptions; webhook?: boolean } = {},
) {
  const logger = createLogger({
    level: "trace",
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const proxy = await startProxy(config(options.env), {
    host: "127.0.0.1",
    journalFile: ":memory:",
    logger,
    rateLimits: options.rateLimits,
  });
  proxies.push(proxy);
  if (options.webhook !== false) {
    stripe.configure({
      webhook: { url: `${proxy.url}${STRIPE_WEBHOOK_PATH}`, secret: WEBHOOK_SECRET },
    });
  }
  return proxy;
}

/** Every answer the proxy gave, body and headers, for the secret grep. */
let answers: { status: number; text: string; headers: string }[] = [];

async function call(
  proxy: RunningProxy,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(proxy.url + path, {
    method,
    headers: {
      authorization: `Bearer ${PROXY_SECRET}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  answers.push({
    status: response.status,
    text,
    headers: JSON.stringify([...response.headers.entries()]),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads the JSON freely
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
}

function mapping(overrides: Record<string, unknown> = {}, lineItem: Record<string, unknown> = {}) {
  return JSON.stringify({
    version: 1,
    source: { type: "records" },
    grouping: "perRecord",
    lineItem: {
      name: { field: "name" },
      description: { field: "link" },
      unitPrice: { field: "price" },
      image: { field: "photo" },
      ...lineItem,
    },
    currency: "USD",
    successUrl: `http://127.0.0.1:${decoy.port}/thanks?s={CHECKOUT_SESSION_ID}`,
    cancelUrl: `http://127.0.0.1:${decoy.port}/cancel`,
    writeBack: {
      sessionId: "session_id",
      url: "url",
      status: "status",
      paymentStatus: "pay_status",
    },
    ...overrides,
  });
}

async function picture(): Promise<Uint8Array> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: "#36c" } })
    .png()
    .toBuffer();
}

/** Records whose data points at the decoy everywhere it can. */
async function addRecords(count: number, withPhoto = true): Promise<string[]> {
  const bytes = await picture();
  const decoyUrl = `http://127.0.0.1:${decoy.port}/evil.png`;
  return kintone.store.addRecords(
    appId,
    Array.from({ length: count }, (_, i) => ({
      name: { value: `Tea ${i} ${decoyUrl}` },
      price: { value: "12.50" },
      link: { value: decoyUrl },
      photo: { value: withPhoto ? [kintone.store.putFile(bytes, `tea${i}.png`, "image/png")] : [] },
    })),
  ).ids;
}

/** Rewrites every file key of a stored record, as no REST call could. */
function pointFileKeysAt(recordId: string, fileKey: string): void {
  const apps = (
    kintone.store as unknown as {
      apps: Map<
        string,
        { records: Map<number, { values: Record<string, unknown>; view?: unknown }> }
      >;
    }
  ).apps;
  const stored = apps.get(appId)!.records.get(Number(recordId))!;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "fileKey" ? fileKey : rewrite(v)]),
      );
    }
    return value;
  };
  stored.values = rewrite(stored.values) as Record<string, unknown>;
  delete stored.view;
  const photo = kintone.store.getRecord(appId, recordId)?.photo as { value: { fileKey: string }[] };
  expect(photo.value[0]?.fileKey).toBe(fileKey);
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function contactedBesides(proxy: RunningProxy): Set<string> {
  const proxyPort = String(proxy.port);
  return new Set(
    connections
      .filter((c) => c.split(":").pop() !== proxyPort)
      .map((c) => c.replace(/^(127\.0\.0\.1|::1|localhost):/, "loopback:")),
  );
}

describe("egress", () => {
  it("connects to kintone's and Stripe's hosts only, in every flow, whatever URLs the data holds", async () => {
    const proxy = await start();
    const [a, b] = await addRecords(2);

    // checkout (with an uploaded image), read, list, sync, expire
    const created = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id: a }],
      mapping: mapping(),
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.sessions[0].id as string;
    expect(stripe.state.files.length).toBeGreaterThan(0);
    expect((await call(proxy, "GET", `/v1/checkouts/${sessionId}`)).status).toBe(200);
    expect((await call(proxy, "GET", `/v1/checkouts?appId=${appId}&status=open`)).status).toBe(200);
    expect((await call(proxy, "POST", `/v1/checkouts/${sessionId}/sync`)).status).toBe(200);
    expect((await call(proxy, "POST", `/v1/checkouts/${sessionId}/expire`)).status).toBe(200);

    // a bulk job, polled to its end
    const job = await call(proxy, "POST", "/v1/jobs", {
      appId,
      records: [{ id: b }],
      mapping: mapping(),
    });
    expect(job.status).toBe(202);
    await waitFor(async () => {
      const read = await call(proxy, "GET", `/v1/jobs/${job.body.job.id}`);
      return ["succeeded", "partially_failed", "failed"].includes(read.body.job.status);
    });

    // a payment, delivered by webhook, and the event catch-up
    const paid = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id: a }],
      mapping: mapping(),
    });
    await stripe.payWithCard(paid.body.sessions[0].id);
    await stripe.flushWebhooks();
    await proxy.catchUpEvents();

    // diagnostics
    expect((await call(proxy, "GET", "/v1/diagnostics")).status).toBe(200);

    // an attachment whose file key is a URL, an image mapped from a text field holding a URL
    // (kintone itself would refuse to store such a file key: the emulator's record is edited in place.)
    const [evil] = await addRecords(1);
    pointFileKeysAt(evil!, `http://127.0.0.1:${decoy.port}/x.png`);
    const viaFileKey = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id: evil }],
      mapping: mapping(),
    });
    expect(viaFileKey.status).toBeGreaterThanOrEqual(400);
    const viaTextField = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id: b }],
      mapping: mapping({}, { image: { field: "link" } }),
    });
    expect(viaTextField.status).toBeGreaterThanOrEqual(400);

    // An SVG attachment referring to the decoy: the image decoder reads it, never what it links to.
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="8" height="8">` +
        `<image href="http://127.0.0.1:${decoy.port}/a.png" xlink:href="http://127.0.0.1:${decoy.port}/b.png" width="8" height="8"/>` +
        `<style>@import url("http://127.0.0.1:${decoy.port}/c.css");</style></svg>`,
    );
    const [svgRecord] = kintone.store.addRecords(appId, [
      {
        name: { value: "Vector" },
        price: { value: "1.00" },
        photo: { value: [kintone.store.putFile(svg, "evil.svg", "image/svg+xml")] },
      },
    ]).ids;
    const viaSvg = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id: svgRecord }],
      mapping: mapping(),
    });
    expect(viaSvg.status).toBeLessThan(500); // skipped or refused as an image: either way, no fetch

    const stripeHost = `loopback:${stripe.port}`;
    const kintoneHost = `loopback:${kintone.port}`;
    expect(contactedBesides(proxy)).toEqual(new Set([stripeHost, kintoneHost]));
    expect(decoy.connections).toBe(0);
  });
});

describe("secrets", () => {
  beforeEach(() => {
    logLines = [];
    answers = [];
  });

  function leaks(): string[] {
    const texts = [
      ...logLines.map((line) => ["log", line] as const),
      ...answers.map((a) => ["answer body", a.text] as const),
      ...answers.map((a) => ["answer headers", a.headers] as const),
    ];
    const found: string[] = [];
    for (const [where, text] of texts) {
      for (const [name, value] of Object.entries(SECRETS)) {
        if (text.includes(value)) found.push(`${where} holds ${name}: ${text.slice(0, 200)}`);
      }
      for (const shape of SECRET_SHAPES) {
        if (shape.test(text)) found.push(`${where} matches ${shape}: ${text.slice(0, 200)}`);
      }
    }
    return found;
  }

  it("appear in no log line and no answer, through successes and failures", async () => {
    const proxy = await start();
    const [a, b] = await addRecords(2);
    const body = { appId, records: [{ id: a }], mapping: mapping() };

    expect((await call(proxy, "POST", "/v1/checkouts", body)).status).toBe(201);
    // Stripe refuses the key, then fails (after the SDK's own retries).
    stripe.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 401 });
    const refused = await call(proxy, "POST", "/v1/checkouts", { ...body, records: [{ id: b }] });
    expect(refused).toMatchObject({ status: 502, body: { error: { code: "STRIPE_ERROR" } } });
    stripe.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 500, count: 5 });
    const failed = await call(proxy, "POST", "/v1/checkouts", { ...body, records: [{ id: b }] });
    expect(failed).toMatchObject({ status: 502, body: { error: { code: "STRIPE_ERROR" } } });
    // Wrong proxy secrets, a bad webhook signature, an unknown route.
    expect(
      (await call(proxy, "GET", "/v1/diagnostics", undefined, { authorization: "Bearer nope" }))
        .status,
    ).toBe(401);
    expect(
      (
        await call(proxy, "GET", "/v1/diagnostics", undefined, {
          authorization: `Basic ${Buffer.from(`x:${PROXY_SECRET}`).toString("base64")}`,
        })
      ).status,
    ).toBe(401);
    const badSignature = await call(proxy, "POST", STRIPE_WEBHOOK_PATH, '{"id":"evt_x"}', {
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({
        payload: '{"id":"evt_y"}',
        secret: WEBHOOK_SECRET,
      }),
    });
    expect(badSignature.status).toBe(400);
    expect((await call(proxy, "GET", "/v1/nowhere")).status).toBe(404);
    expect((await call(proxy, "GET", "/v1/diagnostics")).status).toBe(200);

    // kintone refuses the proxy's token: another proxy with a token kintone does not know.
    const wrongToken = await start({
      env: { KINTONE_API_TOKENS: `${appId}:KtWrongToken0123456789` },
      webhook: false,
    });
    const kintoneRefused = await call(wrongToken, "POST", "/v1/checkouts", body);
    expect(kintoneRefused).toMatchObject({
      status: 502,
      body: { error: { code: "KINTONE_ERROR" } },
    });
    const diagnostics = await call(wrongToken, "GET", "/v1/diagnostics");
    expect(diagnostics.body.kintone.ok).toBe(false);

    // A Stripe key Stripe does not accept at all.
    stripe.configure({ restrictedKeys: { rk_test_other: ["checkout_sessions_write"] } });
    const stripeDiagnostics = await call(proxy, "GET", "/v1/diagnostics");
    expect(stripeDiagnostics.status).toBe(200);

    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.some((line) => /"level":(40|50)/.test(line))).toBe(true);
    expect(leaks()).toEqual([]);
  });

  it("appear in no configuration error, however the values are wrong", () => {
    const values = {
      STRIPE_API_KEY: "pk_live_PuBl1shableButSecretish0123",
      STRIPE_API_BASE: "ftp://sk_live_InAUrl0123456789@example.com",
      STRIPE_WEBHOOK_SECRET: "notwhsec_W3bhookValue0123456789",
      PROXY_SECRET: "Sh0rtSecretValue",
      KINTONE_BASE_URL: "http://user:KtInUrlPassword0123@example.com",
      KINTONE_API_TOKENS: "12:KtTokenA0123456789,bad:KtTokenB0123456789,13 KtTokenC0123456789",
    };
    const result = loadConfig(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThanOrEqual(6);
    for (const [name, value] of Object.entries(values)) {
      expect({ name, leaked: result.message.includes(value) }).toEqual({ name, leaked: false });
    }
    for (const fragment of ["KtTokenA", "KtTokenB", "KtTokenC", "KtInUrlPassword", "Sh0rtSecret"]) {
      expect({ fragment, leaked: result.message.includes(fragment) }).toEqual({
        fragment,
        leaked: false,
      });
    }
    for (const shape of SECRET_SHAPES) expect(result.message).not.toMatch(shape);
  });

  it("are redacted from the logger's output where an object carrying one is logged", () => {
    const logger = createLogger({
      level: "trace",
      destination: { write: (line: string) => void logLines.push(line) },
    });
    logger.info({ config: config() }, "configuration");
    logger.info({ proxySecret: PROXY_SECRET, stripeApiKey: STRIPE_KEY }, "top level");
    logger.error(
      {
        err: {
          message: "kintone said no",
          config: { headers: { "X-Cybozu-API-Token": KINTONE_TOKEN } },
          headers: { authorization: `Bearer ${PROXY_SECRET}` },
          raw: { headers: { authorization: `Bearer ${STRIPE_KEY}` } },
        },
      },
      "upstream error",
    );
    logger.info(
      { req: { headers: { authorization: `Bearer ${PROXY_SECRET}`, "stripe-signature": "t=1" } } },
      "request",
    );
    expect(logLines).toHaveLength(4);
    expect(logLines.every((line) => line.includes("[redacted]"))).toBe(true);
    expect(leaks()).toEqual([]);
  });

  it("would be found in a log line that held one (the grep is not blind)", async () => {
    const proxy = await start();
    expect(proxy.port).toBeGreaterThan(0);
    logLines.push(JSON.stringify({ msg: `oops ${KINTONE_TOKEN}` }));
    answers.push({ status: 200, text: "key rk_live_abc", headers: "[]" });
    expect(leaks()).toHaveLength(2);
  });
});

describe("webhook signatures and replays", () => {
  async function postSigned(
    proxy: RunningProxy,
    payload: string,
    signature: string | undefined,
  ): Promise<{ status: number; body: { outcome?: string; error?: { code: string } } }> {
    const response = await fetch(`${proxy.url}${STRIPE_WEBHOOK_PATH}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature === undefined ? {} : { "stripe-signature": signature }),
      },
      body: payload,
    });
    return {
      status: response.status,
      body: (await response.json()) as { outcome?: string; error?: { code: string } },
    };
  }

  const sign = (
    payload: string,
    timestamp = Math.floor(Date.now() / 1000),
    secret = WEBHOOK_SECRET,
  ) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });

  const kintoneWrites = () => kintone.requests.filter((r) => r.method === "PUT").length;

  async function paidEvent(proxy: RunningProxy) {
    const [id] = await addRecords(1, false);
    const created = await call(proxy, "POST", "/v1/checkouts", {
      appId,
      records: [{ id }],
      mapping: mapping({}, { image: undefined }),
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.sessions[0].id as string;
    stripe.configure({ webhook: undefined });
    await stripe.payWithCard(sessionId);
    const event = stripe.state.events.find(
      (e) =>
        e.type === "checkout.session.completed" &&
        (e.data.object as { id: string }).id === sessionId,
    );
    return { recordId: id!, payload: JSON.stringify(event) };
  }

  it("applies a replayed valid event once, whether replayed as captured or signed afresh", async () => {
    const proxy = await start({ webhook: false });
    const { recordId, payload } = await paidEvent(proxy);
    const captured = sign(payload);

    const first = await postSigned(proxy, payload, captured);
    expect(first).toMatchObject({ status: 200, body: { outcome: "applied" } });
    const writes = kintoneWrites();
    expect((kintone.store.getRecord(appId, recordId)?.pay_status as { value: string }).value).toBe(
      "paid",
    );

    const sameRequest = await postSigned(proxy, payload, captured);
    const resigned = await postSigned(proxy, payload, sign(payload));
    expect([sameRequest.body.outcome, resigned.body.outcome]).toEqual(["duplicate", "duplicate"]);
    expect(kintoneWrites()).toBe(writes);
  });

  it("refuses a signature beyond Stripe's 300 s tolerance, accepts one within it", async () => {
    const proxy = await start({ webhook: false });
    const { payload } = await paidEvent(proxy);
    const now = Math.floor(Date.now() / 1000);
    const stale = await postSigned(proxy, payload, sign(payload, now - 360));
    expect(stale).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
    const fresh = await postSigned(proxy, payload, sign(payload, now - 240));
    expect(fresh).toMatchObject({ status: 200, body: { outcome: "applied" } });
  });

  it.each([
    ["signed with another secret", (p: string) => sign(p, undefined, "whsec_NotTheSecret0123")],
    ["signed over another body", (p: string) => sign(`${p}\n`)],
    ["carrying only a v0 (test) signature", (p: string) => sign(p).replace("v1=", "v0=")],
    ["carrying no timestamp", (p: string) => sign(p).replace(/^t=\d+,/, "")],
    ["with an empty Stripe-Signature", () => ""],
    ["with no Stripe-Signature", () => undefined],
  ])("refuses an event %s with 400 UNAUTHORIZED and stores nothing", async (_name, signer) => {
    const proxy = await start({ webhook: false });
    const { payload } = await paidEvent(proxy);
    const writes = kintoneWrites();
    const answer = await postSigned(proxy, payload, signer(payload));
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(kintoneWrites()).toBe(writes);
    expect(proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
  });
});

describe("rate limits through startProxy", () => {
  it("takes the limits a load test sets, and answers 429 past them", async () => {
    const proxy = await start({ rateLimits: { authenticated: { limit: 3, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(proxy, "GET", "/v1/checkouts/cs_nope")).status);
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});
