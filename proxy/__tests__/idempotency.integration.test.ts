/**
 * Issue #8: one POST /v1/checkouts, however often it arrives, makes one Stripe session. The real
 * proxy over HTTP against the emulators; sessions are counted in the Stripe emulator's state.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  addOrders,
  callProxy,
  fieldValue,
  orderMapping,
  revisionOf,
  sessionCreateRequests,
  startEmulatedProxy,
  waitFor,
  type EmulatedProxy,
} from "./support/emulatedProxy";

/** The proxy's SDK gives up on a hanging Stripe after this (the product's default is 15 s). */
const STRIPE_TIMEOUT_MS = 600;

let env: EmulatedProxy;

beforeEach(async () => {
  env = await startEmulatedProxy({ stripeTimeoutMs: STRIPE_TIMEOUT_MS });
});

afterEach(async () => {
  await env.close();
});

function checkoutBody(
  recordIds: string[],
  options: { revisions?: boolean; grouping?: string } = {},
) {
  return {
    json: {
      appId: env.appId,
      records: recordIds.map((id) =>
        options.revisions === false ? { id } : { id, revision: revisionOf(env, id) },
      ),
      mapping: JSON.stringify(orderMapping({ grouping: options.grouping ?? "single" })),
    },
  };
}

const sessionIds = () => env.stripe.state.sessions.map((s) => s.id);

describe("the same checkout request sent twice at once", () => {
  it.each([
    { revisions: true, label: "with the revisions the user saw" },
    { revisions: false, label: "without revisions" },
  ])("makes one Stripe session and both answers name it ($label)", async ({ revisions }) => {
    const ids = addOrders(env, [
      { code: "TEA-1", name: "Green tea", price: "500", qty: "2" },
      { code: "CUP-1", name: "Tea cup", price: "1200" },
    ]);
    // Stripe answers slowly, so the twins overlap while the session is being made.
    env.stripe.configure({ latencyMs: 150 });
    const body = checkoutBody(ids, { revisions });

    const [first, second] = await Promise.all([
      callProxy(env, "POST", "/v1/checkouts", body),
      callProxy(env, "POST", "/v1/checkouts", body),
    ]);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(sessionIds()).toHaveLength(1);
    const [only] = sessionIds();
    expect(first.body.sessions.map((s: { id: string }) => s.id)).toEqual([only]);
    expect(second.body.sessions.map((s: { id: string }) => s.id)).toEqual([only]);
    expect(sessionCreateRequests(env)).toBe(1);
    for (const id of ids) expect(fieldValue(env, id, "session_id")).toBe(only);
  });

  it("makes one session per record when three per-record twins race", async () => {
    const ids = addOrders(env, [
      { code: "A-1", name: "Apple", price: "150" },
      { code: "B-1", name: "Banana", price: "120" },
      { code: "C-1", name: "Cherry", price: "900" },
    ]);
    env.stripe.configure({ latencyMs: 100 });
    const body = checkoutBody(ids, { grouping: "perRecord" });

    const answers = await Promise.all(
      [1, 2, 3].map(() => callProxy(env, "POST", "/v1/checkouts", body)),
    );

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(sessionIds()).toHaveLength(3);
    for (const answer of answers) {
      expect(answer.body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(
        [...sessionIds()].sort(),
      );
    }
    expect(env.stripe.state.sessions.every((s) => s.status === "open")).toBe(true);
  });
});

describe("the same checkout request sent again after the client gave up", () => {
  /** Sends the checkout and abandons it once `started` holds, as a client that gave up would. */
  async function sendAndGiveUp(body: ReturnType<typeof checkoutBody>, started: () => boolean) {
    const gaveUp = new AbortController();
    const first = callProxy(env, "POST", "/v1/checkouts", body, { signal: gaveUp.signal });
    await waitFor(started);
    gaveUp.abort();
    await expect(first).rejects.toThrow();
  }

  it("joins the first attempt while it is still waiting for Stripe: one session, named in the answer", async () => {
    const [id] = addOrders(env, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
    // Each Stripe answer takes 400 ms: the first attempt is still running when the client resends.
    env.stripe.configure({ latencyMs: 400 });
    const body = checkoutBody([id!]);

    await sendAndGiveUp(body, () => env.stripe.requests.length > 0 || sessionIds().length > 0);

    const resent = await callProxy(env, "POST", "/v1/checkouts", body);

    expect(resent.status).toBe(201);
    // The abandoned first attempt has finished too by now (the resend waited for it).
    expect(sessionIds()).toEqual([resent.body.sessions[0].id]);
    expect(sessionCreateRequests(env)).toBe(1);
    expect(fieldValue(env, id!, "session_id")).toBe(resent.body.sessions[0].id);
  });

  it("answers the session the first attempt made once that attempt has finished and written the record", async () => {
    const [id] = addOrders(env, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
    env.stripe.configure({ latencyMs: 200 });
    const body = checkoutBody([id!]);

    await sendAndGiveUp(body, () => env.stripe.requests.length > 0);
    // The proxy carries on without the client: the session is made and written into the record.
    await waitFor(() => fieldValue(env, id!, "session_id") !== "");
    const made = fieldValue(env, id!, "session_id");

    const resent = await callProxy(env, "POST", "/v1/checkouts", body);

    expect(resent.status).toBe(201);
    expect(resent.body.sessions.map((s: { id: string }) => s.id)).toEqual([made]);
    expect(sessionIds()).toEqual([made]);
  });
});

describe("Stripe's answer to the session create is lost", () => {
  it.each([{ lost: "timeout" as const }, { lost: 500 }])(
    "makes one session when the SDK resends after a lost answer ($lost)",
    async ({ lost }) => {
      const [id] = addOrders(env, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
      env.stripe.failNext({
        method: "POST",
        pathPrefix: "/v1/checkout/sessions",
        status: lost,
        when: "after",
      });

      const answer = await callProxy(env, "POST", "/v1/checkouts", checkoutBody([id!]));

      expect(answer.status).toBe(201);
      expect(sessionIds()).toEqual([answer.body.sessions[0].id]);
      // The resend carried the first attempt's idempotency key, so Stripe replayed the session.
      const creates = env.stripe.requests.filter(
        (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
      );
      expect(creates.length).toBeGreaterThanOrEqual(2);
      expect(new Set(creates.map((r) => r.idempotencyKey)).size).toBe(1);
    },
  );

  it.each([{ lost: "timeout" as const }, { lost: 500 }])(
    "makes one session when the SDK's resends fail too and the client sends the request again ($lost)",
    async ({ lost }) => {
      const [id] = addOrders(env, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
      const body = checkoutBody([id!]);
      // The first attempt creates the session but its answer is lost; the SDK's two resends
      // then fail before Stripe does anything, so the proxy has to answer an error.
      env.stripe.failNext({
        method: "POST",
        pathPrefix: "/v1/checkout/sessions",
        status: lost,
        when: "after",
      });
      env.stripe.failNext({
        method: "POST",
        pathPrefix: "/v1/checkout/sessions",
        status: 503,
        count: 2,
      });

      const failed = await callProxy(env, "POST", "/v1/checkouts", body);
      expect(failed.status).toBe(502);
      expect(failed.body.error.code).toBe("STRIPE_ERROR");
      expect(sessionIds()).toHaveLength(1);

      const resent = await callProxy(env, "POST", "/v1/checkouts", body);

      expect(resent.status).toBe(201);
      expect(sessionIds()).toEqual([resent.body.sessions[0].id]);
      expect(env.stripe.state.sessions[0]!.status).toBe("open");
      expect(fieldValue(env, id!, "session_id")).toBe(resent.body.sessions[0].id);
    },
  );
});

describe("a key Stripe keeps failing", () => {
  it("is sent once more by the next request, then a third request gets a new key and a session", async () => {
    const [id] = addOrders(env, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
    const body = checkoutBody([id!]);
    // Each proxy attempt is the SDK's try and its two resends: two attempts fully refused.
    env.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      count: 6,
    });
    const keysOf = () =>
      env.stripe.requests
        .filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")
        .map((r) => r.idempotencyKey);

    expect((await callProxy(env, "POST", "/v1/checkouts", body)).status).toBe(502);
    const firstKey = keysOf()[0];
    expect((await callProxy(env, "POST", "/v1/checkouts", body)).status).toBe(502);
    // A 5xx may hide a session made before the answer was lost: the same key is tried again.
    expect(new Set(keysOf())).toEqual(new Set([firstKey]));
    const third = await callProxy(env, "POST", "/v1/checkouts", body);

    // A second 5xx under one key is what Stripe replays for a failure it saved: a new key.
    expect(third.status).toBe(201);
    expect(keysOf().at(-1)).not.toBe(firstKey);
    expect(sessionIds()).toEqual([third.body.sessions[0].id]);
  });
});

describe("a lost answer across a proxy restart", () => {
  it("makes one session when the request is sent again to the restarted proxy", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idempotency-journal-"));
    const durable = await startEmulatedProxy({
      stripeTimeoutMs: STRIPE_TIMEOUT_MS,
      journalFile: path.join(dir, "journal.sqlite"),
    });
    try {
      const [id] = addOrders(durable, [{ code: "TEA-1", name: "Green tea", price: "500" }]);
      const body = {
        json: {
          appId: durable.appId,
          records: [{ id: id!, revision: revisionOf(durable, id!) }],
          mapping: JSON.stringify(orderMapping()),
        },
      };
      durable.stripe.failNext({
        method: "POST",
        pathPrefix: "/v1/checkout/sessions",
        status: "timeout",
        when: "after",
      });
      durable.stripe.failNext({
        method: "POST",
        pathPrefix: "/v1/checkout/sessions",
        status: 503,
        count: 2,
      });
      expect((await callProxy(durable, "POST", "/v1/checkouts", body)).status).toBe(502);

      await durable.restartProxy();
      const resent = await callProxy(durable, "POST", "/v1/checkouts", body);

      expect(resent.status).toBe(201);
      expect(durable.stripe.state.sessions.map((s) => s.id)).toEqual([resent.body.sessions[0].id]);
    } finally {
      await durable.close();
      fs.rmSync(dir, { recursive: true });
    }
  });
});
