/**
 * Issue 8, through HTTP with the REAL adapters against the Stripe and kintone emulators:
 * - egress: in real flows the proxy connects to no host but KINTONE_BASE_URL's and STRIPE_API_BASE's,
 *   whatever URLs records, attachments or the mapping hold (a listening decoy proves it);
 * - secrets: no key, secret or token in any log line, answer body or answer header, failures included;
 * - webhooks: bad signatures, stale timestamps and replays are refused or harmless.
 */
import Stripe from "stripe";
import { waitFor } from "../../testkit/waitFor";
import { loadConfig } from "../config";
import { STRIPE_WEBHOOK_PATH } from "../http/mountStripeWebhook";
import { createLogger } from "../logging/createLogger";
import type { RunningProxy } from "../startProxy";
import {
  KINTONE_TOKEN,
  PROXY_SECRET,
  SECRET_SHAPES,
  STRIPE_KEY,
  WEBHOOK_SECRET,
  addRecords,
  call,
  config,
  contactedBesides,
  leaks,
  mapping,
  pointFileKeysAt,
  securityBedPerTest,
  start,
} from "./support/securityKit";

const bed = securityBedPerTest();

describe("egress", () => {
  it("connects to kintone's and Stripe's hosts only, in every flow, whatever URLs the data holds", async () => {
    const proxy = await start(bed);
    const [a, b] = await addRecords(bed, 2);

    // checkout (with an uploaded image), read, list, sync, expire
    const created = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id: a }],
      mapping: mapping(bed),
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.sessions[0].id as string;
    expect(bed.stripe.state.files.length).toBeGreaterThan(0);
    expect((await call(bed, proxy, "GET", `/v1/checkouts/${sessionId}`)).status).toBe(200);
    expect(
      (await call(bed, proxy, "GET", `/v1/checkouts?appId=${bed.appId}&status=open`)).status,
    ).toBe(200);
    expect((await call(bed, proxy, "POST", `/v1/checkouts/${sessionId}/sync`)).status).toBe(200);
    expect((await call(bed, proxy, "POST", `/v1/checkouts/${sessionId}/expire`)).status).toBe(200);

    // a bulk job, polled to its end
    const job = await call(bed, proxy, "POST", "/v1/jobs", {
      appId: bed.appId,
      records: [{ id: b }],
      mapping: mapping(bed),
    });
    expect(job.status).toBe(202);
    await waitFor(async () => {
      const read = await call(bed, proxy, "GET", `/v1/jobs/${job.body.job.id}`);
      return ["succeeded", "partially_failed", "failed"].includes(read.body.job.status);
    });

    // a payment, delivered by webhook, and the event catch-up
    const paid = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id: a }],
      mapping: mapping(bed),
    });
    await bed.stripe.payWithCard(paid.body.sessions[0].id);
    await bed.stripe.flushWebhooks();
    await proxy.catchUpEvents();

    // diagnostics
    expect((await call(bed, proxy, "GET", "/v1/diagnostics")).status).toBe(200);

    // an attachment whose file key is a URL, an image mapped from a text field holding a URL
    // (kintone itself would refuse to store such a file key: the emulator's record is edited in place.)
    const [evil] = await addRecords(bed, 1);
    pointFileKeysAt(bed, evil!, `http://127.0.0.1:${bed.decoy.port}/x.png`);
    const viaFileKey = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id: evil }],
      mapping: mapping(bed),
    });
    expect(viaFileKey.status).toBeGreaterThanOrEqual(400);
    const viaTextField = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id: b }],
      mapping: mapping(bed, {}, { image: { field: "link" } }),
    });
    expect(viaTextField.status).toBeGreaterThanOrEqual(400);

    // An SVG attachment referring to the decoy: the image decoder reads it, never what it links to.
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="8" height="8">` +
        `<image href="http://127.0.0.1:${bed.decoy.port}/a.png" xlink:href="http://127.0.0.1:${bed.decoy.port}/b.png" width="8" height="8"/>` +
        `<style>@import url("http://127.0.0.1:${bed.decoy.port}/c.css");</style></svg>`,
    );
    const [svgRecord] = bed.kintone.store.addRecords(bed.appId, [
      {
        name: { value: "Vector" },
        price: { value: "1.00" },
        photo: { value: [bed.kintone.store.putFile(svg, "evil.svg", "image/svg+xml")] },
      },
    ]).ids;
    const viaSvg = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id: svgRecord }],
      mapping: mapping(bed),
    });
    expect(viaSvg.status).toBeLessThan(500); // skipped or refused as an image: either way, no fetch

    const stripeHost = `loopback:${bed.stripe.port}`;
    const kintoneHost = `loopback:${bed.kintone.port}`;
    expect(contactedBesides(bed, proxy)).toEqual(new Set([stripeHost, kintoneHost]));
    expect(bed.decoy.connections).toBe(0);
  });
});

describe("secrets", () => {
  it("appear in no log line and no answer, through successes and failures", async () => {
    const proxy = await start(bed);
    const [a, b] = await addRecords(bed, 2);
    const body = { appId: bed.appId, records: [{ id: a }], mapping: mapping(bed) };

    expect((await call(bed, proxy, "POST", "/v1/checkouts", body)).status).toBe(201);
    // Stripe refuses the key, then fails (after the SDK's own retries).
    bed.stripe.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 401 });
    const refused = await call(bed, proxy, "POST", "/v1/checkouts", {
      ...body,
      records: [{ id: b }],
    });
    expect(refused).toMatchObject({ status: 502, body: { error: { code: "STRIPE_ERROR" } } });
    bed.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      count: 5,
    });
    const failed = await call(bed, proxy, "POST", "/v1/checkouts", {
      ...body,
      records: [{ id: b }],
    });
    expect(failed).toMatchObject({ status: 502, body: { error: { code: "STRIPE_ERROR" } } });
    // Wrong proxy secrets, a bad webhook signature, an unknown route.
    expect(
      (
        await call(bed, proxy, "GET", "/v1/diagnostics", undefined, {
          authorization: "Bearer nope",
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call(bed, proxy, "GET", "/v1/diagnostics", undefined, {
          authorization: `Basic ${Buffer.from(`x:${PROXY_SECRET}`).toString("base64")}`,
        })
      ).status,
    ).toBe(401);
    const badSignature = await call(bed, proxy, "POST", STRIPE_WEBHOOK_PATH, '{"id":"evt_x"}', {
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({
        payload: '{"id":"evt_y"}',
        secret: WEBHOOK_SECRET,
      }),
    });
    expect(badSignature.status).toBe(400);
    expect((await call(bed, proxy, "GET", "/v1/nowhere")).status).toBe(404);
    expect((await call(bed, proxy, "GET", "/v1/diagnostics")).status).toBe(200);

    // kintone refuses the proxy's token: another proxy with a token kintone does not know.
    const wrongToken = await start(bed, {
      env: { KINTONE_API_TOKENS: `${bed.appId}:KtWrongToken0123456789` },
      webhook: false,
    });
    const kintoneRefused = await call(bed, wrongToken, "POST", "/v1/checkouts", body);
    expect(kintoneRefused).toMatchObject({
      status: 502,
      body: { error: { code: "KINTONE_ERROR" } },
    });
    const diagnostics = await call(bed, wrongToken, "GET", "/v1/diagnostics");
    expect(diagnostics.body.kintone.ok).toBe(false);

    // A Stripe key Stripe does not accept at all.
    bed.stripe.configure({ restrictedKeys: { rk_test_other: ["checkout_sessions_write"] } });
    const stripeDiagnostics = await call(bed, proxy, "GET", "/v1/diagnostics");
    expect(stripeDiagnostics.status).toBe(200);

    expect(bed.logLines.length).toBeGreaterThan(10);
    expect(bed.logLines.some((line) => /"level":(40|50)/.test(line))).toBe(true);
    expect(leaks(bed)).toEqual([]);
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
      destination: { write: (line: string) => void bed.logLines.push(line) },
    });
    logger.info({ config: config(bed) }, "configuration");
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
    expect(bed.logLines).toHaveLength(4);
    expect(bed.logLines.every((line) => line.includes("[redacted]"))).toBe(true);
    expect(leaks(bed)).toEqual([]);
  });

  it("would be found in a log line that held one (the grep is not blind)", async () => {
    const proxy = await start(bed);
    expect(proxy.port).toBeGreaterThan(0);
    bed.logLines.push(JSON.stringify({ msg: `oops ${KINTONE_TOKEN}` }));
    bed.answers.push({ status: 200, text: "key rk_live_abc", headers: "[]" });
    expect(leaks(bed)).toHaveLength(2);
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

  const kintoneWrites = () => bed.kintone.requests.filter((r) => r.method === "PUT").length;

  async function paidEvent(proxy: RunningProxy) {
    const [id] = await addRecords(bed, 1, false);
    const created = await call(bed, proxy, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: [{ id }],
      mapping: mapping(bed, {}, { image: undefined }),
    });
    expect(created.status).toBe(201);
    const sessionId = created.body.sessions[0].id as string;
    bed.stripe.configure({ webhook: undefined });
    await bed.stripe.payWithCard(sessionId);
    const event = bed.stripe.state.events.find(
      (e) =>
        e.type === "checkout.session.completed" &&
        (e.data.object as { id: string }).id === sessionId,
    );
    return { recordId: id!, payload: JSON.stringify(event) };
  }

  it("applies a replayed valid event once, whether replayed as captured or signed afresh", async () => {
    const proxy = await start(bed, { webhook: false });
    const { recordId, payload } = await paidEvent(proxy);
    const captured = sign(payload);

    const first = await postSigned(proxy, payload, captured);
    expect(first).toMatchObject({ status: 200, body: { outcome: "applied" } });
    const writes = kintoneWrites();
    expect(
      (bed.kintone.store.getRecord(bed.appId, recordId)?.pay_status as { value: string }).value,
    ).toBe("paid");

    const sameRequest = await postSigned(proxy, payload, captured);
    const resigned = await postSigned(proxy, payload, sign(payload));
    expect([sameRequest.body.outcome, resigned.body.outcome]).toEqual(["duplicate", "duplicate"]);
    expect(kintoneWrites()).toBe(writes);
  });

  it("refuses a signature beyond Stripe's 300 s tolerance, accepts one within it", async () => {
    const proxy = await start(bed, { webhook: false });
    const { payload } = await paidEvent(proxy);
    const now = Math.floor(Date.now() / 1000);
    const stale = await postSigned(proxy, payload, sign(payload, now - 360));
    expect(stale).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(await proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
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
    const proxy = await start(bed, { webhook: false });
    const { payload } = await paidEvent(proxy);
    const writes = kintoneWrites();
    const answer = await postSigned(proxy, payload, signer(payload));
    expect(answer).toEqual({
      status: 400,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(kintoneWrites()).toBe(writes);
    expect(await proxy.journal.stripeEvents.latestCreated()).toBeUndefined();
  });
});

describe("rate limits through startProxy", () => {
  it("takes the limits a load test sets, and answers 429 past them", async () => {
    const proxy = await start(bed, {
      rateLimits: { authenticated: { limit: 3, windowMs: 60_000 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await call(bed, proxy, "GET", "/v1/checkouts/cs_nope")).status);
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses[3]).toBe(429);
  });
});
