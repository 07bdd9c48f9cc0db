/**
 * GET /v1/diagnostics through HTTP with the real adapters against both emulators: a restricted
 * key that may read but not write what the product writes, a kintone token that may view but not
 * edit, a webhook that stays silent while sessions are made (the proxy's clock follows the Stripe
 * emulator's frozen one), and proof that the checks create nothing in Stripe and change no record.
 */
import { STATE_COLLECTIONS } from "../../sandbox/stripe/StripeEmulatorApi";
import { addOrderRecords } from "../../testkit/orderRecords";
import { ordersMappingJson } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../testkit/startOrdersProxy";
import { TEST_WEBHOOK_SECRET } from "../../testkit/testSecrets";

const RESTRICTED_KEY = "rk_test_diagnostics";

/** Every permission the product uses, as the Stripe Dashboard names a restricted key's grants. */
const PRODUCT_PERMISSIONS = [
  "checkout_session_write",
  "product_write",
  "file_write",
  "file_link_write",
  "event_read",
  "webhook_endpoint_read",
  "subscription_write",
];

function keyWith(permissions: string[]) {
  return {
    stripeApiKey: RESTRICTED_KEY,
    stripe: { restrictedKeys: { [RESTRICTED_KEY]: permissions } },
  };
}

function without(permission: string, ...added: string[]): string[] {
  return [...PRODUCT_PERMISSIONS.filter((p) => p !== permission), ...added];
}

async function diagnostics(env: OrdersProxy, language = "en") {
  const answer = await env.call("GET", "/v1/diagnostics", undefined, {
    headers: { "Accept-Language": language },
  });
  expect(answer.status).toBe(200);
  return answer.body as {
    stripe: { ok: boolean; keyType: string; problems: string[] };
    kintone: { ok: boolean; apps: { appId: string; ok: boolean; problems: string[] }[] };
  };
}

function countStripeObjects(env: OrdersProxy): Record<string, number> {
  const state = env.stripe.state as unknown as Record<string, unknown[]>;
  return Object.fromEntries(STATE_COLLECTIONS.map((name) => [name, state[name]!.length]));
}

describe("GET /v1/diagnostics › a restricted key that may read Checkout Sessions but not write them", () => {
  const env = ordersProxyPerTest(
    keyWith(without("checkout_session_write", "checkout_session_read")),
  );

  it("names the missing Checkout Sessions write permission and its fix", async () => {
    const { stripe } = await diagnostics(env);
    expect(stripe.ok).toBe(false);
    expect(stripe.keyType).toBe("restricted");
    const permissionProblems = stripe.problems.filter((p) => p.includes("#stripe-permission-"));
    expect(permissionProblems).toEqual([
      expect.stringMatching(
        /^The restricted key may not write Checkout Sessions .*"Checkout Sessions: Write".* → docs\/en\/troubleshooting\.md#stripe-permission-missing$/,
      ),
    ]);
  });

  it("says so in Japanese for a Japanese caller", async () => {
    const { stripe } = await diagnostics(env, "ja,en;q=0.8");
    expect(stripe.problems).toContainEqual(
      expect.stringMatching(
        /^制限付きキーに Checkout Sessions の書き込み権限がありません.* → docs\/ja\/troubleshooting\.md#stripe-permission-missing$/,
      ),
    );
  });
});

describe("GET /v1/diagnostics › a restricted key that may not write File Links", () => {
  const env = ordersProxyPerTest(keyWith(without("file_link_write", "file_link_read")));

  it("names the missing File Links write permission", async () => {
    const { stripe } = await diagnostics(env);
    const permissionProblems = stripe.problems.filter((p) => p.includes("#stripe-permission-"));
    expect(permissionProblems).toEqual([
      expect.stringMatching(/^The restricted key may not write File Links .*"File Links: Write"/),
    ]);
  });
});

describe("GET /v1/diagnostics › a restricted key that may read Subscriptions but not cancel them", () => {
  const env = ordersProxyPerTest(keyWith(without("subscription_write", "subscription_read")));

  it("names the missing Subscriptions write permission", async () => {
    const { stripe } = await diagnostics(env);
    const permissionProblems = stripe.problems.filter((p) => p.includes("#stripe-permission-"));
    expect(permissionProblems).toEqual([
      expect.stringMatching(
        /^The restricted key may not write Subscriptions .*cannot be read or canceled.*"Subscriptions: Write"/,
      ),
    ]);
  });
});

describe("GET /v1/diagnostics › a restricted key with every permission the product uses", () => {
  const env = ordersProxyPerTest(keyWith(PRODUCT_PERMISSIONS));

  it("reports no permission problem", async () => {
    const { stripe } = await diagnostics(env);
    expect(stripe.problems.filter((p) => p.includes("#stripe-permission-"))).toEqual([]);
  });
});

describe("GET /v1/diagnostics › a write check Stripe answers with a server error", () => {
  const env = ordersProxyPerTest(keyWith(PRODUCT_PERMISSIONS));

  it("says the File Links write permission could not be verified, never that it is fine", async () => {
    // Every attempt, the SDK's retries included.
    env.stripe.failNext({ method: "POST", pathPrefix: "/v1/file_links", status: 500, count: 10 });
    const { stripe } = await diagnostics(env);
    expect(stripe.ok).toBe(false);
    expect(stripe.problems.filter((p) => p.includes("#stripe-permission-"))).toEqual([
      expect.stringMatching(
        /^Could not verify that the key may write File Links \(HTTP 500: .*\).* → docs\/en\/troubleshooting\.md#stripe-permission-unverified$/,
      ),
    ]);
  });
});

describe("GET /v1/diagnostics › a kintone token that may view but not edit", () => {
  const env = ordersProxyPerTest({
    tokenRights: { view: true, add: false, edit: false, delete: false },
  });

  it("names the missing edit right and its fix, in English and in Japanese", async () => {
    const en = await diagnostics(env);
    const app = en.kintone.apps.find((a) => a.appId === env.appId)!;
    expect(en.kintone.ok).toBe(false);
    expect(app.ok).toBe(false);
    expect(app.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^App ${env.appId}: the API token may view records but not edit them.*"Edit records".* → docs/en/troubleshooting\\.md#kintone-token-cannot-edit$`,
        ),
      ),
    ]);
    const ja = await diagnostics(env, "ja");
    expect(ja.kintone.apps[0]!.problems).toEqual([
      expect.stringMatching(
        /「レコード編集」.* → docs\/ja\/troubleshooting\.md#kintone-token-cannot-edit$/,
      ),
    ]);
  });
});

describe("GET /v1/diagnostics › a kintone token whose file uploads kintone refuses", () => {
  const env = ordersProxyPerTest();

  it("says checkouts with mapped images may fail", async () => {
    env.kintone.failNext({ method: "POST", pathPrefix: "/k/v1/file.json", status: 403 });
    const { kintone } = await diagnostics(env);
    expect(kintone.apps[0]!.problems).toEqual([
      expect.stringMatching(
        /kintone refused a file upload with the API token.*images.* → docs\/en\/troubleshooting\.md#kintone-file-upload-refused$/,
      ),
    ]);
  });
});

describe("GET /v1/diagnostics › the webhook", () => {
  const DAY_AND_AN_HOUR_S = 25 * 60 * 60;
  const env = ordersProxyPerTest({
    env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    stripe: { frozenClock: true, webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
    // The proxy's clock is the Stripe emulator's: advancing one advances both.
    proxy: (emulators) => ({ now: () => new Date(emulators.stripe.now() * 1000) }),
  });

  function deliverWebhooks(on: boolean): void {
    env.stripe.configure({
      webhook: on
        ? { url: `${env.proxy.url}/v1/stripe/webhook`, secret: TEST_WEBHOOK_SECRET }
        : undefined,
    });
  }

  async function makeSession(): Promise<string> {
    const [recordId] = addOrderRecords(env, [{ code: "TEA", name: "Tea", price: "500" }]);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: ordersMappingJson(),
    });
    expect(answer.status).toBe(201);
    return answer.body.sessions[0].id as string;
  }

  const silence = (problems: string[]) =>
    problems.filter((p) => p.includes("#stripe-webhook-silent"));

  it("reports sessions made in the last 24 hours with no signed event since the last one, 25 hours ago", async () => {
    deliverWebhooks(true);
    const paid = await makeSession();
    await env.stripe.payWithCard(paid);
    await env.stripe.flushWebhooks();
    const lastEvent = new Date(env.stripe.now() * 1000).toISOString();

    deliverWebhooks(false);
    await env.stripe.advanceClock(DAY_AND_AN_HOUR_S);
    await makeSession();
    const { stripe } = await diagnostics(env);
    expect(stripe.ok).toBe(false);
    expect(silence(stripe.problems)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^1 checkout session was made in the last 24 hours, but no signed Stripe webhook event arrived in that time \\(the last one arrived ${lastEvent.replace(/\./g, "\\.")}\\)`,
        ),
      ),
    ]);
  });

  it("reports sessions made while no signed event ever arrived", async () => {
    await makeSession();
    const { stripe } = await diagnostics(env, "ja");
    expect(silence(stripe.problems)).toEqual([
      expect.stringMatching(
        /^直近 24 時間に決済セッションが 1 件作られましたが.*これまで一度も届いていません/,
      ),
    ]);
  });

  it("reports no silence when a signed event arrived after the sessions were made", async () => {
    deliverWebhooks(true);
    const paid = await makeSession();
    await env.stripe.payWithCard(paid);
    await env.stripe.flushWebhooks();
    await env.stripe.advanceClock(60 * 60);
    await makeSession();
    const { stripe } = await diagnostics(env);
    expect(silence(stripe.problems)).toEqual([]);
    // The endpoint points at the proxy with every event: no endpoint problem either.
    expect(stripe.problems).toEqual([]);
    expect(stripe.ok).toBe(true);
  });

  it("reports no silence when no session was made in the last 24 hours", async () => {
    await makeSession();
    await env.stripe.advanceClock(DAY_AND_AN_HOUR_S);
    const { stripe } = await diagnostics(env);
    expect(silence(stripe.problems)).toEqual([]);
  });
});

describe("GET /v1/diagnostics › what the checks leave behind", () => {
  const env = ordersProxyPerTest({
    ...keyWith(without("checkout_session_write", "checkout_session_read")),
    tokenRights: { view: true, add: false, edit: false, delete: false },
  });

  it("creates nothing in Stripe and changes no record, whatever the key and token may do", async () => {
    const recordIds = addOrderRecords(env, [
      { code: "TEA", name: "Tea", price: "500" },
      { code: "CAKE", name: "Cake", price: "800" },
    ]);
    const objectsBefore = countStripeObjects(env);
    const revisionsBefore = recordIds.map((id) => env.revision(id));
    const recordsBefore = env.kintone.store.queryAllRecordIds(env.appId, "").length;

    await diagnostics(env);
    await diagnostics(env, "ja");

    expect(countStripeObjects(env)).toEqual(objectsBefore);
    expect(recordIds.map((id) => env.revision(id))).toEqual(revisionsBefore);
    expect(env.kintone.store.queryAllRecordIds(env.appId, "")).toHaveLength(recordsBefore);
  });

  it("creates nothing in Stripe with a key that may write everything either", async () => {
    env.stripe.configure({ restrictedKeys: undefined });
    const [recordId] = addOrderRecords(env, [{ code: "TEA", name: "Tea", price: "500" }]);
    const objectsBefore = countStripeObjects(env);
    const revisionBefore = env.revision(recordId!);

    const { stripe } = await diagnostics(env);

    expect(stripe.problems.filter((p) => p.includes("#stripe-permission-"))).toEqual([]);
    expect(countStripeObjects(env)).toEqual(objectsBefore);
    expect(env.revision(recordId!)).toBe(revisionBefore);
  });
});
