import type Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import {
  createPricedProduct,
  pricedItem,
  sessionParams,
  startWithClient,
  stripeErrorOf,
} from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient({
    publicBaseUrl: "http://localhost:9999/",
    frozenClock: true,
  }));
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function lineItem(
  overrides: Partial<Stripe.Checkout.SessionCreateParams.LineItem> = {},
): Stripe.Checkout.SessionCreateParams.LineItem {
  return {
    price_data: { currency: "jpy", unit_amount: 100, product_data: { name: "Item" } },
    quantity: 1,
    ...overrides,
  };
}

/** The error answered for creating a session with these overrides of the minimal one. */
function refusal(overrides: Partial<Stripe.Checkout.SessionCreateParams>) {
  return stripeErrorOf(stripe.checkout.sessions.create(sessionParams(overrides)));
}

/** A one-item session of `accepted` is created, one of `refused` is not: that refusal. */
async function refusalPast(currency: string, accepted: number, refused: number) {
  await expect(
    stripe.checkout.sessions.create(
      sessionParams({ line_items: [pricedItem(currency, accepted)] }),
    ),
  ).resolves.toMatchObject({ amount_total: accepted });
  return refusal({ line_items: [pricedItem(currency, refused)] });
}

describe("POST /v1/checkout/sessions", () => {
  it("creates an open session with the url on publicBaseUrl and totals in minor units", async () => {
    const echoed = {
      customer_email: "buyer@example.com",
      client_reference_id: "record-1",
      metadata: { appId: "12" },
      locale: "ja",
      allow_promotion_codes: true,
      billing_address_collection: "required",
    } as const;
    const session = await stripe.checkout.sessions.create(sessionParams(echoed));
    expect(session.id).toMatch(/^cs_test_/);
    expect(session).toMatchObject({
      ...echoed,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      currency: "jpy",
      amount_subtotal: 1000,
      amount_total: 1000,
      payment_intent: null,
      livemode: false,
      created: emulator.now(),
      expires_at: emulator.now() + 24 * 3600,
      url: `http://localhost:9999/c/pay/${session.id}`,
    });
  });

  it("expands line_items and lists them", async () => {
    const { price } = await createPricedProduct(stripe, "Catalogue tea", 300);
    const session = await stripe.checkout.sessions.create({
      ...sessionParams(),
      line_items: [
        { price: price.id, quantity: 2 },
        lineItem({
          adjustable_quantity: { enabled: true, minimum: 0, maximum: 10 },
          quantity: 3,
        }),
      ],
      expand: ["line_items"],
    });
    expect(
      session.line_items?.data.map((item) => [item.description, item.quantity, item.amount_total]),
    ).toEqual([
      ["Catalogue tea", 2, 600],
      ["Item", 3, 300],
    ]);
    expect(session.amount_total).toBe(900);
    const listed = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(listed.data).toHaveLength(1);
    expect(listed.has_more).toBe(true);
    expect(listed.data[0]?.price?.id).toBe(price.id);
  });

  it("refuses an unknown parameter, also nested ones", async () => {
    const top = await stripeErrorOf(
      stripe.checkout.sessions.create({ ...sessionParams(), colour: "red" } as never),
    );
    expect(top).toMatchObject({ code: "parameter_unknown", param: "colour" });
    const nested = await refusal({ line_items: [{ ...lineItem(), colour: "red" } as never] });
    expect(nested).toMatchObject({ code: "parameter_unknown", param: "line_items[0][colour]" });
  });

  it("refuses empty strings and missing required parameters", async () => {
    const empty = await refusal({
      line_items: [
        lineItem({
          price_data: { currency: "jpy", unit_amount: 100, product_data: { name: "" } },
        }),
      ],
    });
    expect(empty).toMatchObject({
      code: "parameter_invalid_empty",
      param: "line_items[0][price_data][product_data][name]",
    });
    const emptyEmail = await refusal({ customer_email: "" });
    expect(emptyEmail).toMatchObject({ code: "parameter_invalid_empty", param: "customer_email" });
    const missingMode = await stripeErrorOf(
      stripe.checkout.sessions.create({ ...sessionParams(), mode: undefined }),
    );
    expect(missingMode).toMatchObject({ code: "parameter_missing", param: "mode" });
    const missingQuantity = await refusal({ line_items: [lineItem({ quantity: undefined })] });
    expect(missingQuantity).toMatchObject({
      code: "parameter_missing",
      param: "line_items[0][quantity]",
    });
    const missingCurrency = await refusal({
      line_items: [
        { price_data: { unit_amount: 100, product_data: { name: "x" } } as never, quantity: 1 },
      ],
    });
    expect(missingCurrency).toMatchObject({
      code: "parameter_missing",
      param: "line_items[0][price_data][currency]",
    });
  });

  it("accepts 100 line items and refuses 101 in payment mode", async () => {
    const hundred = Array.from({ length: 100 }, () => lineItem());
    const ok = await stripe.checkout.sessions.create(sessionParams({ line_items: hundred }));
    expect(ok.amount_total).toBe(10_000);
    const error = await refusal({ line_items: [...hundred, lineItem()] });
    expect(error).toMatchObject({ statusCode: 400, param: "line_items" });
    expect(emulator.state.sessions).toHaveLength(1);
  });

  it("keeps expires_at between 30 minutes and 24 hours from now", async () => {
    const now = emulator.now();
    for (const ok of [now + 30 * 60, now + 24 * 3600]) {
      await expect(
        stripe.checkout.sessions.create(sessionParams({ expires_at: ok })),
      ).resolves.toMatchObject({
        expires_at: ok,
      });
    }
    for (const bad of [now + 29 * 60, now + 24 * 3600 + 60]) {
      const error = await refusal({ expires_at: bad });
      expect(error).toMatchObject({ statusCode: 400, param: "expires_at" });
    }
  });

  it("refuses a total under the currency's minimum charge (¥50, $0.50)", async () => {
    expect(await refusalPast("jpy", 50, 49)).toMatchObject({
      code: "amount_too_small",
      statusCode: 400,
    });
    const cents = await refusal({ line_items: [pricedItem("usd", 49)] });
    expect(cents).toMatchObject({ code: "amount_too_small" });
    expect(cents.message).toContain("$0.50");
  });

  it("refuses amounts over 8 digits", async () => {
    const tooBig = await refusal({ line_items: [pricedItem("jpy", 100_000_000)] });
    expect(tooBig).toMatchObject({ param: "line_items[0][price_data][unit_amount]" });
    const totalTooBig = await refusal({
      line_items: [pricedItem("jpy", 99_999_999, "x", { quantity: 2 })],
    });
    expect(totalTooBig).toMatchObject({ code: "amount_too_large" });
  });

  it("refuses a three-decimal currency total whose last digit is not 0", async () => {
    expect(await refusalPast("kwd", 1230, 1235)).toMatchObject({
      statusCode: 400,
      param: "line_items",
    });
  });

  it("refuses a non-integer unit_amount", async () => {
    const error = await refusal({ line_items: [pricedItem("usd", 10.5)] });
    expect(error).toMatchObject({
      code: "parameter_invalid_integer",
      param: "line_items[0][price_data][unit_amount]",
    });
  });

  it("refuses line items in different currencies", async () => {
    const error = await refusal({
      line_items: [lineItem(), pricedItem("usd", 100)],
    });
    expect(error).toMatchObject({ statusCode: 400, param: "line_items[1][price_data][currency]" });
  });

  it("checks adjustable_quantity: 0..999999, maximum default 99, quantity in range", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({ line_items: [lineItem({ adjustable_quantity: { enabled: true } })] }),
    );
    expect(session.status).toBe("open");
    const over = await refusal({
      line_items: [lineItem({ adjustable_quantity: { enabled: true, maximum: 1_000_000 } })],
    });
    expect(over).toMatchObject({ param: "line_items[0][adjustable_quantity][maximum]" });
    const outside = await refusal({
      line_items: [lineItem({ quantity: 100, adjustable_quantity: { enabled: true } })],
    });
    expect(outside).toMatchObject({ param: "line_items[0][quantity]" });
    const inverted = await refusal({
      line_items: [
        lineItem({
          quantity: 5,
          adjustable_quantity: { enabled: true, minimum: 10, maximum: 2 },
        }),
      ],
    });
    expect(inverted).toMatchObject({ param: "line_items[0][adjustable_quantity][minimum]" });
    const missingEnabled = await refusal({
      line_items: [lineItem({ adjustable_quantity: { maximum: 5 } as never })],
    });
    expect(missingEnabled).toMatchObject({
      code: "parameter_missing",
      param: "line_items[0][adjustable_quantity][enabled]",
    });
  });

  it("refuses more than 8 product images, a long client_reference_id, a bad locale or email", async () => {
    const images = Array.from({ length: 9 }, (_, i) => `https://example.com/${i}.png`);
    expect(
      await refusal({
        line_items: [
          lineItem({
            price_data: {
              currency: "jpy",
              unit_amount: 100,
              product_data: { name: "x", images },
            },
          }),
        ],
      }),
    ).toMatchObject({ param: "line_items[0][price_data][product_data][images]" });
    await expect(
      stripe.checkout.sessions.create(sessionParams({ client_reference_id: "r".repeat(200) })),
    ).resolves.toBeDefined();
    expect(await refusal({ client_reference_id: "r".repeat(201) })).toMatchObject({
      param: "client_reference_id",
    });
    expect(await refusal({ locale: "xx" as never })).toMatchObject({ param: "locale" });
    expect(await refusal({ customer_email: "not-an-email" })).toMatchObject({
      param: "customer_email",
      code: "email_invalid",
    });
    expect(await refusal({ success_url: "nope" })).toMatchObject({
      param: "success_url",
      code: "url_invalid",
    });
  });

  it("creates no product or price when the request is refused", async () => {
    await refusal({ line_items: [lineItem(), lineItem({ quantity: -1 })] });
    expect(emulator.state.products).toHaveLength(0);
    expect(emulator.state.prices).toHaveLength(0);
  });
});

describe("POST /v1/checkout/sessions/:id/expire", () => {
  it("expires an open session and emits checkout.session.expired", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    const event = emulator.state.events.find((e) => e.type === "checkout.session.expired");
    expect(event?.data.object).toMatchObject({ id: session.id, status: "expired" });
    expect(event?.request.id).toBe(expired.lastResponse.requestId);
  });

  it("refuses a session that is not open, as Stripe answers", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await stripe.checkout.sessions.expire(session.id);
    const again = await stripeErrorOf(stripe.checkout.sessions.expire(session.id));
    expect(again).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
    expect(again.message).toBe(
      'Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of `expired`.',
    );
    const paid = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(paid.id);
    expect((await stripeErrorOf(stripe.checkout.sessions.expire(paid.id))).message).toContain(
      "status of `complete`",
    );
  });

  it("expires sessions when the clock passes expires_at", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({ expires_at: emulator.now() + 3600 }),
    );
    await emulator.advanceClock(3599);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    await emulator.advanceClock(1);
    expect(emulator.state.sessions[0]?.status).toBe("expired");
    expect(emulator.state.events.filter((e) => e.type === "checkout.session.expired")).toHaveLength(
      1,
    );
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
  });
});

describe("GET /v1/checkout/sessions", () => {
  it("filters by status, customer email, payment_intent and created, newest first", async () => {
    const a = await stripe.checkout.sessions.create(
      sessionParams({ customer_email: "a@example.com" }),
    );
    await emulator.advanceClock(10);
    const b = await stripe.checkout.sessions.create(
      sessionParams({ customer_email: "b@example.com" }),
    );
    const c = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(a.id);
    await stripe.checkout.sessions.expire(c.id);

    const all = await stripe.checkout.sessions.list();
    expect(all.data.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect((await stripe.checkout.sessions.list({ status: "open" })).data.map((s) => s.id)).toEqual(
      [b.id],
    );
    const byEmail = await stripe.checkout.sessions.list({
      customer_details: { email: "a@example.com" },
    });
    expect(byEmail.data.map((s) => s.id)).toEqual([a.id]);
    const paid = await stripe.checkout.sessions.retrieve(a.id);
    const byIntent = await stripe.checkout.sessions.list({
      payment_intent: paid.payment_intent as string,
    });
    expect(byIntent.data.map((s) => s.id)).toEqual([a.id]);
    const recent = await stripe.checkout.sessions.list({ created: { gte: b.created } });
    expect(recent.data.map((s) => s.id)).toEqual([c.id, b.id]);
    const older = await stripe.checkout.sessions.list({ created: { lt: b.created } });
    expect(older.data.map((s) => s.id)).toEqual([a.id]);
  });

  it("pages with limit, starting_after and ending_before", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await stripe.checkout.sessions.create(sessionParams())).id);
    const page = await stripe.checkout.sessions.list({ limit: 3 });
    expect(page.data.map((s) => s.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(page.has_more).toBe(true);
    const next = await stripe.checkout.sessions.list({ limit: 3, starting_after: ids[1] });
    expect(next.data.map((s) => s.id)).toEqual([ids[0]]);
    expect(next.has_more).toBe(false);
    const previous = await stripe.checkout.sessions.list({ limit: 1, ending_before: ids[1] });
    expect(previous.data.map((s) => s.id)).toEqual([ids[2]]);
    expect(await stripeErrorOf(stripe.checkout.sessions.list({ limit: 101 }))).toMatchObject({
      param: "limit",
    });
  });
});

describe("GET /v1/checkout/sessions/:id", () => {
  it("answers 404 for an unknown session", async () => {
    expect(await stripeErrorOf(stripe.checkout.sessions.retrieve("cs_test_nope"))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such checkout.session: 'cs_test_nope'",
    });
  });
});
