/**
 * Issue 18, consumption tax end to end through HTTP with the real adapters against both
 * emulators: the preview's tax per rate and total equal what the Stripe session charges, tax
 * included or excluded; Tax Rates are made once per key, also by concurrent checkouts.
 */
import { ORDERS_FIELDS } from "../../testkit/ordersFields";
import { ordersMappingJson } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../testkit/startOrdersProxy";
import { addTaxedOrders, TAXED_LINE_ITEM, TAX_RATE_FIELD } from "./support/taxedOrders";

const taxMapping = (overrides: Record<string, unknown> = {}) =>
  ordersMappingJson({
    lineItem: TAXED_LINE_ITEM,
    ...overrides,
  });

async function previewAndCreate(env: OrdersProxy, ids: string[], mapping: string) {
  const records = ids.map((id) => ({ id }));
  const preview = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records,
    mapping,
    dryRun: true,
  });
  const created = await env.call("POST", "/v1/checkouts", { appId: env.appId, records, mapping });
  expect(preview.status).toBe(200);
  expect(created.status).toBe(201);
  const session = env.stripe.state.sessions.find((s) => s.id === created.body.sessions[0].id)!;
  return { preview: preview.body.preview.sessions[0], created: created.body.sessions[0], session };
}

const tenAndEight = [{ rate: "10" }, { rate: "8", qty: "2" }];

describe("POST /v1/checkouts with consumption tax", () => {
  const env = ordersProxyPerTest({ fields: [...ORDERS_FIELDS, TAX_RATE_FIELD] });

  it("previews ¥100 at 10 % and ¥160 at 8 % of ¥1,100 + ¥1,080 × 2 tax included, and Stripe charges ¥3,260 with ¥260 tax", async () => {
    const ids = addTaxedOrders(env, [
      { ...tenAndEight[0]!, price: "1100" },
      { ...tenAndEight[1]!, price: "1080" },
    ]);
    const { preview, created, session } = await previewAndCreate(env, ids, taxMapping());
    expect(preview).toMatchObject({
      amountTotal: 3260,
      amountTax: 260,
      taxes: [
        { ratePercent: "10", amount: 100 },
        { ratePercent: "8", amount: 160 },
      ],
    });
    expect(created.amountTotal).toBe(3260);
    expect(session.amount_total).toBe(preview.amountTotal);
    expect(session.total_details.amount_tax).toBe(preview.amountTax);
    const rates = env.stripe.state.taxRates;
    // Made at once, one per rate: in whichever order Stripe received them.
    const made = rates.map((r) => [r.percentage, r.inclusive, r.display_name, r.country]);
    expect(made.sort(([a], [b]) => Number(b) - Number(a))).toEqual([
      [10, true, "消費税", "JP"],
      [8, true, "消費税", "JP"],
    ]);
  });

  it("previews ¥1,000 + ¥100 and ¥2,000 + ¥160 = ¥3,260 tax exclusive, and Stripe charges the same", async () => {
    const ids = addTaxedOrders(env, [
      { ...tenAndEight[0]!, price: "1000" },
      { ...tenAndEight[1]!, price: "1000" },
    ]);
    const mapping = taxMapping({ taxBehavior: "exclusive", taxDisplayName: "消費税等" });
    const { preview, created, session } = await previewAndCreate(env, ids, mapping);
    expect(preview).toMatchObject({
      amountTotal: 3260,
      amountTax: 260,
      taxes: [
        { ratePercent: "10", amount: 100, taxableAmount: 1000 },
        { ratePercent: "8", amount: 160, taxableAmount: 2000 },
      ],
    });
    expect(created.amountTotal).toBe(3260);
    expect(session).toMatchObject({ amount_subtotal: 3000, amount_total: 3260 });
    expect(session.total_details.amount_tax).toBe(260);
    expect(
      env.stripe.state.taxRates.map((r) => [r.percentage, r.inclusive, r.display_name]),
    ).toEqual([
      [10, false, "消費税等"],
      [8, false, "消費税等"],
    ]);
  });

  it("makes one 8 % Tax Rate for two concurrent checkouts that both need it, and reuses it after", async () => {
    const ids = addTaxedOrders(env, [
      { price: "1080", rate: "8" },
      { price: "2160", rate: "8" },
      { price: "540", rate: "8" },
    ]);
    const mapping = taxMapping();
    const checkout = (id: string) =>
      env.call("POST", "/v1/checkouts", { appId: env.appId, records: [{ id }], mapping });
    const answers = await Promise.all([checkout(ids[0]!), checkout(ids[1]!)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect((await checkout(ids[2]!)).status).toBe(201);
    expect(env.stripe.state.taxRates).toHaveLength(1);
    const creates = env.stripe.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/tax_rates",
    );
    expect(creates).toHaveLength(1);
    const rateId = env.stripe.state.taxRates[0]!.id;
    const sessions = env.stripe.state.sessions;
    expect(sessions.map((s) => s.total_details.amount_tax).sort((a, b) => a - b)).toEqual([
      40, 80, 160,
    ]);
    expect(rateId).toMatch(/^txr_/);
  });

  it("finds a Tax Rate made by hand in the Dashboard instead of making another", async () => {
    const response = await fetch(`${env.stripe.url}/v1/tax_rates`, {
      method: "POST",
      headers: {
        authorization: "Bearer sk_test_byHand",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ display_name: "消費税", percentage: "10", inclusive: "true" }),
    });
    const byHand = (await response.json()) as { id: string };
    const ids = addTaxedOrders(env, [{ price: "1100", rate: "10" }]);
    const { session } = await previewAndCreate(env, ids, taxMapping());
    expect(env.stripe.state.taxRates.map((r) => r.id)).toEqual([byHand.id]);
    expect(session.total_details.amount_tax).toBe(100);
  });

  it("answers 422 naming the record and field for a rate that is not 10, 8 or 0, with nothing sent to Stripe", async () => {
    const ids = addTaxedOrders(env, [{ price: "1050", rate: "5" }]);
    env.stripe.clearRequests();
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: ids[0] }],
      mapping: taxMapping(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({
      code: "VALIDATION_FAILED",
      details: [expect.objectContaining({ recordId: ids[0], field: "tax_rate" })],
    });
    expect(env.stripe.requests.filter((r) => r.method === "POST")).toEqual([]);
  });
});
