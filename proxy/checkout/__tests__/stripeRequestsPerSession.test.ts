/**
 * How many Stripe requests one checkout session costs: createCheckouts with the REAL Stripe
 * gateway (the stripe SDK) against the Stripe emulator, which logs every request it receives.
 * kintone and the journal are the use-case fakes.
 */
import { createStripePaymentGateway } from "../../adapters/stripe/StripePaymentGateway";
import { productIdForCode } from "../../adapters/stripe/productIdForCode";
import { useStripeEmulator } from "../../adapters/stripe/__tests__/useStripeEmulator";
import type { UseCaseDeps } from "../../deps/UseCaseDeps";
import { createCheckouts } from "../createCheckouts";
import { makeDeps } from "../../../testkit/makeDeps";
import { productRecord } from "../../../testkit/productRecords";
import { requestFor } from "./checkoutTestKit";

const emulator = useStripeEmulator({ searchLagMs: 0 });

/** A proxy process: its own gateway (in-process memory) and journal (product cache). */
function proxyProcess() {
  const env = makeDeps(() => new Date(emulator.now() * 1000));
  const gateway = createStripePaymentGateway({
    apiKey: "sk_test_requestsPerSession",
    mode: "test",
    keyType: "secret",
    apiBase: emulator.url,
    rateLimitPerSecond: 1000,
  });
  const deps: UseCaseDeps = { ...env.deps, gateway };
  return { ...env, deps };
}

function tenCodedRecords(env: ReturnType<typeof proxyProcess>, codes: string[]): string[] {
  return codes.map((code, i) =>
    productRecord(env.records, { code, name: `Item ${i}`, price: String(100 + i * 10), qty: "1" }),
  );
}

async function stripeRequestsFor(env: ReturnType<typeof proxyProcess>, ids: string[]) {
  emulator.clearRequests();
  const result = await createCheckouts(env.deps, requestFor(ids, { replaceOpenSession: false }));
  if (result.kind !== "created") throw new Error(`expected a session, got ${result.kind}`);
  return emulator.requests.map((request) => `${request.method} ${request.path}`);
}

const CODES = Array.from({ length: 10 }, (_, i) => `SKU-${i}`);

describe("Stripe requests for a session of 10 coded lines", () => {
  it("are at most 12 the first time: one lookup, one create per new code, the session", async () => {
    const env = proxyProcess();

    const requests = await stripeRequestsFor(env, tenCodedRecords(env, CODES));

    // Before the lookup was batched: 31 (a read, a search and a create per code, the session).
    expect(requests.length).toBeLessThanOrEqual(CODES.length + 2);
    expect(requests.sort()).toEqual(
      [
        "GET /v1/products/search",
        ...CODES.map(() => "POST /v1/products"),
        "POST /v1/checkout/sessions",
      ].sort(),
    );
    expect(emulator.state.products.map((p) => p.id).sort()).toEqual(
      CODES.map(productIdForCode).sort(),
    );
  });

  it("are 1 once the codes are known, for new records with the same codes", async () => {
    const env = proxyProcess();
    await stripeRequestsFor(env, tenCodedRecords(env, CODES));

    const requests = await stripeRequestsFor(env, tenCodedRecords(env, CODES));

    expect(requests).toEqual(["POST /v1/checkout/sessions"]);
  });

  it("stay at most 12 for another process that finds the products already made", async () => {
    const first = proxyProcess();
    await stripeRequestsFor(first, tenCodedRecords(first, CODES));
    const second = proxyProcess();
    // Other records than the first process's (same ids would be the same checkout intent).
    tenCodedRecords(second, CODES);

    const requests = await stripeRequestsFor(second, tenCodedRecords(second, CODES));

    expect(requests.length).toBeLessThanOrEqual(CODES.length + 2);
    expect(requests.filter((r) => r === "GET /v1/products/search")).toHaveLength(1);
    expect(requests.filter((r) => r === "POST /v1/products")).toEqual([]);
    expect(emulator.state.products).toHaveLength(CODES.length);
  });
});
