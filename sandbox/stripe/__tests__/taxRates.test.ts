/** Tax Rates in the emulator: created, listed, and applied to Checkout Sessions as Stripe applies them. */
import type Stripe from "stripe";
import { pricedItem, sessionParams, stripeErrorOf, useEmulator } from "./emulatorClient";

const under = useEmulator({ frozenClock: true });

const rate = (percentage: number, inclusive: boolean) =>
  under.stripe.taxRates.create({ display_name: "消費税", percentage, inclusive, country: "JP" });

async function taxedSession(lines: { amount: number; quantity: number; rate: Stripe.TaxRate }[]) {
  const session = await under.stripe.checkout.sessions.create(
    sessionParams({
      line_items: lines.map((line) =>
        pricedItem("jpy", line.amount, "x", { quantity: line.quantity, tax_rates: [line.rate.id] }),
      ),
    }),
  );
  const items = await under.stripe.checkout.sessions.listLineItems(session.id);
  return { session, items: items.data };
}

describe("POST /v1/tax_rates", () => {
  it("creates a rate and lists it by inclusive and active", async () => {
    const created = await rate(8, true);
    expect(created).toMatchObject({
      object: "tax_rate",
      display_name: "消費税",
      percentage: 8,
      inclusive: true,
      country: "JP",
      active: true,
    });
    await rate(10, false);
    const inclusive = await under.stripe.taxRates.list({ inclusive: true, active: true });
    expect(inclusive.data.map((r) => r.id)).toEqual([created.id]);
    expect(await under.stripe.taxRates.retrieve(created.id)).toEqual(created);
  });

  it("refuses a rate without percentage or with more than 4 decimals", async () => {
    const missing = await stripeErrorOf(
      under.stripe.taxRates.create({ display_name: "VAT", inclusive: false } as never),
    );
    expect(missing).toMatchObject({ param: "percentage" });
    const precise = await stripeErrorOf(
      under.stripe.taxRates.create({ display_name: "VAT", inclusive: false, percentage: 8.12345 }),
    );
    expect(precise).toMatchObject({ param: "percentage" });
  });

  it("archives a rate; an archived rate is refused on a new session", async () => {
    const archived = await under.stripe.taxRates.update((await rate(8, true)).id, {
      active: false,
    });
    expect(archived.active).toBe(false);
    const refusal = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({ line_items: [pricedItem("jpy", 1080, "x", { tax_rates: [archived.id] })] }),
      ),
    );
    expect(refusal).toMatchObject({ param: "line_items[0][tax_rates][0]" });
  });
});

describe("POST /v1/checkout/sessions with line_items[].tax_rates", () => {
  it("finds ¥100 and ¥160 of inclusive tax in ¥1,100 + ¥1,080 × 2: total ¥3,260", async () => {
    const [ten, eight] = [await rate(10, true), await rate(8, true)];
    const { session, items } = await taxedSession([
      { amount: 1100, quantity: 1, rate: ten },
      { amount: 1080, quantity: 2, rate: eight },
    ]);
    expect(session).toMatchObject({ amount_subtotal: 3260, amount_total: 3260 });
    expect(session.total_details?.amount_tax).toBe(260);
    expect(items.map((i) => [i.amount_subtotal, i.amount_tax, i.amount_total])).toEqual([
      [1100, 100, 1100],
      [2160, 160, 2160],
    ]);
  });

  it("adds ¥100 and ¥160 of exclusive tax to ¥1,000 + ¥1,000 × 2: total ¥3,260", async () => {
    const [ten, eight] = [await rate(10, false), await rate(8, false)];
    const { session, items } = await taxedSession([
      { amount: 1000, quantity: 1, rate: ten },
      { amount: 1000, quantity: 2, rate: eight },
    ]);
    expect(session).toMatchObject({ amount_subtotal: 3000, amount_total: 3260 });
    expect(session.total_details?.amount_tax).toBe(260);
    expect(items.map((i) => [i.amount_tax, i.amount_total])).toEqual([
      [100, 1100],
      [160, 2160],
    ]);
  });

  it("rounds each rate's tax once on the session and shares it out over the lines", async () => {
    const eight = await rate(8, true);
    // 3 × ¥105 at 8 % included: 315 × 8 / 108 = 23.33 → ¥23 (per line it would be 3 × 7.78 → 24).
    const { session, items } = await taxedSession([
      { amount: 105, quantity: 1, rate: eight },
      { amount: 105, quantity: 1, rate: eight },
      { amount: 105, quantity: 1, rate: eight },
    ]);
    expect(session.total_details?.amount_tax).toBe(23);
    expect(items.map((i) => i.amount_tax).reduce((a, b) => a + b)).toBe(23);
  });

  it("taxes the quantities the buyer chose when the session is paid", async () => {
    const eight = await rate(8, false);
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({
        line_items: [
          pricedItem("jpy", 1000, "x", {
            quantity: 1,
            tax_rates: [eight.id],
            adjustable_quantity: { enabled: true, maximum: 5 },
          }),
        ],
      }),
    );
    await under.emulator.payWithCard(session.id, { quantities: { 0: 3 } });
    const paid = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.amount_total).toBe(3240);
    expect(paid.total_details?.amount_tax).toBe(240);
  });

  it("refuses a tax rate it does not know", async () => {
    const refusal = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({ line_items: [pricedItem("jpy", 1080, "x", { tax_rates: ["txr_nope"] })] }),
      ),
    );
    expect(refusal).toMatchObject({
      param: "line_items[0][tax_rates][0]",
      code: "resource_missing",
    });
  });
});
