/**
 * Issue 15, buyer details and guest spaces, through HTTP with the real adapters against both
 * emulators: a completed session's buyer lands in the record's fields, and an app in a kintone
 * guest space works end to end (checkout, webhook write-back, a job) with an `APP_ID@SPACE:TOKEN`
 * token, while the same app without its guest space fails in kintone.
 */
import {
  guestSpaceBinding,
  guestSpaceOrdersProxyPerTest,
  ORDERS_GUEST_SPACE_ID,
} from "../../testkit/guestSpaceOrdersProxy";
import { TOKYO_STRIPE_ADDRESS, tokyoAddressText } from "../../testkit/buyerAddresses";
import { addOrderRecords } from "../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../testkit/ordersFields";
import { ordersMappingJson, ORDERS_WRITE_BACK } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../testkit/startOrdersProxy";
import { TEST_WEBHOOK_SECRET } from "../../testkit/testSecrets";
import { waitFor } from "../../testkit/waitFor";

const BUYER_FIELDS = [
  { code: "customer_id", label: "Customer", type: "SINGLE_LINE_TEXT" },
  { code: "customer_name", label: "Buyer", type: "SINGLE_LINE_TEXT" },
  { code: "customer_phone", label: "Phone", type: "SINGLE_LINE_TEXT" },
  { code: "billing_address", label: "Billing address", type: "MULTI_LINE_TEXT" },
  { code: "shipping_address", label: "Shipping address", type: "MULTI_LINE_TEXT" },
] as const;

const WRITE_BACK = {
  ...ORDERS_WRITE_BACK,
  paymentStatus: "pay_status",
  customerId: "customer_id",
  customerName: "customer_name",
  customerPhone: "customer_phone",
  billingAddress: "billing_address",
  shippingAddress: "shipping_address",
};
const MAPPING = ordersMappingJson({ writeBack: WRITE_BACK });
/** A job makes one session per record. */
const JOB_MAPPING = ordersMappingJson({ writeBack: WRITE_BACK, grouping: "perRecord" });

const WITH_WEBHOOKS = {
  env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
  stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
};

/** The Stripe emulator delivers its events to the kit's current proxy. */
function deliverWebhooks(env: OrdersProxy): void {
  env.stripe.configure({
    webhook: { url: `${env.proxy.url}/v1/stripe/webhook`, secret: TEST_WEBHOOK_SECRET },
  });
}

async function checkout(env: OrdersProxy, headers: Record<string, string> = {}) {
  const [recordId] = addOrderRecords(env, [{ code: "TEA", name: "Tea", price: "500" }]);
  const answer = await env.call(
    "POST",
    "/v1/checkouts",
    { appId: env.appId, records: [{ id: recordId }], mapping: MAPPING },
    { headers },
  );
  return { recordId: recordId!, answer };
}

const tokyo = { ...TOKYO_STRIPE_ADDRESS, postal_code: "1000001" };

describe("buyer details", () => {
  const env = ordersProxyPerTest({
    ...WITH_WEBHOOKS,
    fields: [...ORDERS_FIELDS, ...BUYER_FIELDS],
  });
  beforeEach(() => deliverWebhooks(env));

  it("writes a completed session's name, phone, billing and shipping address each into its field", async () => {
    const { recordId, answer } = await checkout(env);
    expect(answer.status).toBe(201);
    await env.stripe.payWithCard(answer.body.sessions[0].id, {
      buyer: {
        name: "Jane Doe",
        phone: "+14155550100",
        address: {
          country: "US",
          line1: "123 Main St",
          line2: "Apt 4",
          city: "Springfield",
          state: "IL",
          postal_code: "62701",
        },
        shipping: { name: "山田 太郎", address: tokyo },
      },
    });
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "paid");
    expect(env.field(recordId, "customer_name")).toBe("Jane Doe");
    expect(env.field(recordId, "customer_phone")).toBe("+14155550100");
    expect(env.field(recordId, "billing_address")).toBe(
      "Jane Doe\n123 Main St\nApt 4\nSpringfield, IL 62701\nUNITED STATES",
    );
    expect(env.field(recordId, "shipping_address")).toBe(tokyoAddressText("山田 太郎"));
    // A payment-mode session makes no Customer unless asked to: the field is written empty.
    expect(env.field(recordId, "customer_id")).toBe("");
  });

  it("writes the buyer through a sync too, when no webhook came", async () => {
    env.stripe.configure({ webhook: undefined });
    const { recordId, answer } = await checkout(env);
    const sessionId = answer.body.sessions[0].id;
    await env.stripe.payWithCard(sessionId, {
      buyer: {
        name: "John Smith",
        address: { country: "GB", line1: "1 High St", city: "Leeds", postal_code: "LS1 1AA" },
      },
    });
    const synced = await env.call("POST", `/v1/checkouts/${sessionId}/sync`, {});
    expect(synced.status).toBe(200);
    expect(env.field(recordId, "customer_name")).toBe("John Smith");
    expect(env.field(recordId, "billing_address")).toBe(
      "John Smith\n1 High St\nLeeds\nLS1 1AA\nUNITED KINGDOM",
    );
    expect(env.field(recordId, "shipping_address")).toBe("");
    expect(env.field(recordId, "customer_phone")).toBe("");
  });
});

describe("an app in a kintone guest space", () => {
  const env = guestSpaceOrdersProxyPerTest(WITH_WEBHOOKS);
  beforeEach(() => deliverWebhooks(env));
  const bound = () => guestSpaceBinding(env.appId);

  it("creates a checkout, takes the webhook's payment into the record, all under /k/guest/{space}/v1", async () => {
    env.kintone.clearRequests();
    const { recordId, answer } = await checkout(env, bound());
    expect(answer.status).toBe(201);
    expect(env.field(recordId, "checkout_url")).toBe(answer.body.sessions[0].url);
    await env.stripe.payWithCard(answer.body.sessions[0].id);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "paid");
    expect(env.field(recordId, "status")).toBe("complete");
    const paths = env.kintone.requests.map((r) => r.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith(`/k/guest/${ORDERS_GUEST_SPACE_ID}/v1/`))).toEqual([]);
  });

  it("runs a job over the app's records, under /k/guest/{space}/v1", async () => {
    env.kintone.clearRequests();
    const ids = addOrderRecords(env, [
      { code: "TEA", name: "Tea", price: "500" },
      { code: "CAKE", name: "Cake", price: "700" },
    ]);
    const submitted = await env.call(
      "POST",
      "/v1/jobs",
      { appId: env.appId, records: ids.map((id) => ({ id })), mapping: JOB_MAPPING },
      { headers: bound() },
    );
    expect(submitted.status).toBe(202);
    const jobId = submitted.body.job.id;
    let job: { status: string; done: number } | undefined;
    await waitFor(
      async () => {
        job = (await env.call("GET", `/v1/jobs/${jobId}`, undefined, { headers: bound() })).body
          .job;
        return job?.status === "succeeded";
      },
      { message: () => `job: ${JSON.stringify(job)}` },
    );
    expect(job?.done).toBe(2);
    await waitFor(() =>
      ids.every((id) => String(env.field(id, "checkout_url")).startsWith("http")),
    );
    expect(ids.map((id) => env.field(id, "status"))).toEqual(["open", "open"]);
    const outsideSpace = env.kintone.requests.filter(
      (r) => !r.path.startsWith(`/k/guest/${ORDERS_GUEST_SPACE_ID}/v1/`),
    );
    expect(outsideSpace).toEqual([]);
  });

  it("diagnoses the app's token through the guest-space path", async () => {
    env.kintone.clearRequests();
    const answer = await env.call("GET", "/v1/diagnostics", undefined, { headers: bound() });
    expect(answer.status).toBe(200);
    const paths = env.kintone.requests.map((r) => `${r.path} ${r.status}`);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith(`/k/guest/${ORDERS_GUEST_SPACE_ID}/v1/`))).toEqual([]);
    expect(paths.filter((p) => p.endsWith(" 520"))).toEqual([]);
  });

  it("refuses a call that names another guest space, and asks nothing of kintone or Stripe", async () => {
    env.kintone.clearRequests();
    const { answer } = await checkout(env, guestSpaceBinding(env.appId, "6"));
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe("X-Kintone-Guest-Space-Id");
    expect(env.kintone.requests).toEqual([]);
  });

  it("fails in kintone when the proxy knows the same app without its guest space", async () => {
    await env.proxy.close();
    env.proxy = await env.startProxy({
      env: { KINTONE_API_TOKENS: `${env.appId}:${env.token}` },
    });
    env.kintone.clearRequests();
    const { answer } = await checkout(env);
    expect(answer.status).toBe(502);
    expect(answer.body.error.message).toContain(`${env.appId}@GUEST_SPACE_ID:TOKEN`);
    expect(env.kintone.requests.some((r) => r.path.startsWith("/k/v1/") && r.status === 520)).toBe(
      true,
    );
  });
});
