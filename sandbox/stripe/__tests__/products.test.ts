import type Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { createPricedProduct, startWithClient, stripeErrorOf } from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ searchLagMs: 0 });
});

describe("POST /v1/products", () => {
  it("creates a product shaped like Stripe's, with created in emulator time", async () => {
    await emulator.advanceClock(3600);
    const before = emulator.now();
    const product = await stripe.products.create({
      name: "Green tea",
      description: "Sencha, 100 g",
      images: ["https://example.com/tea.png"],
      metadata: { product_code: "TEA-1" },
    });
    expect(product).toMatchObject({
      object: "product",
      active: true,
      name: "Green tea",
      description: "Sencha, 100 g",
      images: ["https://example.com/tea.png"],
      metadata: { product_code: "TEA-1" },
      livemode: false,
    });
    expect(product.created).toBeGreaterThanOrEqual(before);
    expect(product.created).toBeLessThanOrEqual(emulator.now());
    expect(product.id).toMatch(/^prod_/);
    expect(product.lastResponse.requestId).toMatch(/^req_/);
  });

  it("accepts a custom id and refuses a duplicate with resource_already_exists", async () => {
    const product = await stripe.products.create({ id: "TEA-1", name: "Green tea" });
    expect(product.id).toBe("TEA-1");
    const error = await stripeErrorOf(stripe.products.create({ id: "TEA-1", name: "Again" }));
    expect(error).toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      code: "resource_already_exists",
    });
  });

  it("refuses an unknown parameter with parameter_unknown", async () => {
    const error = await stripeErrorOf(
      stripe.products.create({ name: "Tea", colour: "green" } as Stripe.ProductCreateParams),
    );
    expect(error).toMatchObject({ code: "parameter_unknown", param: "colour", statusCode: 400 });
    expect(error.message).toBe("Received unknown parameter: colour");
  });

  it("refuses an empty string with parameter_invalid_empty", async () => {
    const error = await stripeErrorOf(stripe.products.create({ name: "Tea", description: "" }));
    expect(error).toMatchObject({ code: "parameter_invalid_empty", param: "description" });
  });

  it("refuses a missing name with parameter_missing", async () => {
    const error = await stripeErrorOf(stripe.products.create({} as Stripe.ProductCreateParams));
    expect(error).toMatchObject({ code: "parameter_missing", param: "name" });
    expect(error.message).toBe("Missing required param: name.");
  });

  it("allows 8 images and refuses a 9th", async () => {
    const images = Array.from({ length: 9 }, (_, i) => `https://example.com/${i}.png`);
    await expect(
      stripe.products.create({ name: "Eight", images: images.slice(0, 8) }),
    ).resolves.toBeDefined();
    const error = await stripeErrorOf(stripe.products.create({ name: "Nine", images }));
    expect(error).toMatchObject({ param: "images", statusCode: 400 });
  });

  it("enforces the metadata limits: 50 keys, key ≤ 40, value ≤ 500 characters", async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    await expect(stripe.products.create({ name: "ok", metadata: fifty })).resolves.toBeDefined();
    const tooMany = { ...fifty, k50: "v" };
    expect(
      await stripeErrorOf(stripe.products.create({ name: "x", metadata: tooMany })),
    ).toMatchObject({
      param: "metadata",
    });
    const longKey = { ["k".repeat(41)]: "v" };
    expect(
      await stripeErrorOf(stripe.products.create({ name: "x", metadata: longKey })),
    ).toMatchObject({
      param: `metadata[${"k".repeat(41)}]`,
    });
    await expect(
      stripe.products.create({ name: "ok", metadata: { k: "v".repeat(500) } }),
    ).resolves.toBeDefined();
    expect(
      await stripeErrorOf(stripe.products.create({ name: "x", metadata: { k: "v".repeat(501) } })),
    ).toMatchObject({ param: "metadata[k]" });
  });
});

describe("GET /v1/products/:id", () => {
  it("answers 404 resource_missing for an unknown id", async () => {
    const error = await stripeErrorOf(stripe.products.retrieve("prod_nope"));
    expect(error).toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 404,
      code: "resource_missing",
      param: "id",
      message: "No such product: 'prod_nope'",
    });
  });
});

describe("POST /v1/products/:id", () => {
  it("updates fields, unsets with an empty string and emits product.updated", async () => {
    const product = await stripe.products.create({
      name: "Tea",
      description: "old",
      metadata: { a: "1", b: "2" },
    });
    const updated = await stripe.products.update(product.id, {
      name: "Better tea",
      description: "",
      metadata: { a: "", c: "3" },
    });
    expect(updated).toMatchObject({
      name: "Better tea",
      description: null,
      metadata: { b: "2", c: "3" },
    });
    const event = emulator.state.events.find((e) => e.type === "product.updated");
    expect(event?.data.previous_attributes).toMatchObject({ name: "Tea", description: "old" });
  });

  it("refuses to unset the name", async () => {
    const product = await stripe.products.create({ name: "Tea" });
    const error = await stripeErrorOf(stripe.products.update(product.id, { name: "" }));
    expect(error).toMatchObject({ code: "parameter_invalid_empty", param: "name" });
  });
});

describe("GET /v1/products", () => {
  it("lists newest first and pages with starting_after / ending_before", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.products.create({ name: `P${i}` })).id);
    const first = await stripe.products.list({ limit: 2 });
    expect(first.data.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    expect(first.has_more).toBe(true);
    const second = await stripe.products.list({ limit: 2, starting_after: ids[3] });
    expect(second.data.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const last = await stripe.products.list({ limit: 2, starting_after: ids[1] });
    expect(last.data.map((p) => p.id)).toEqual([ids[0]]);
    expect(last.has_more).toBe(false);
    const back = await stripe.products.list({ limit: 2, ending_before: ids[1] });
    expect(back.data.map((p) => p.id)).toEqual([ids[3], ids[2]]);
    expect(back.has_more).toBe(true);
  });

  it("auto-paginates through the SDK", async () => {
    for (let i = 0; i < 12; i++) await stripe.products.create({ name: `P${i}` });
    const all = await stripe.products.list({ limit: 5 }).autoPagingToArray({ limit: 100 });
    expect(all).toHaveLength(12);
  });
});

describe("GET /v1/products/search", () => {
  it("finds by metadata, name and active joined with AND", async () => {
    await stripe.products.create({ name: "Tea", metadata: { product_code: "TEA-1" } });
    await stripe.products.create({ name: "Coffee", metadata: { product_code: "COF-1" } });
    await stripe.products.create({
      name: "Tea",
      active: false,
      metadata: { product_code: "TEA-1" },
    });
    const result = await stripe.products.search({
      query: "metadata['product_code']:'TEA-1' AND active:'true'",
    });
    expect(result.object).toBe("search_result");
    expect(result.data.map((p) => p.name)).toEqual(["Tea"]);
    const byName = await stripe.products.search({ query: 'name:"Coffee"' });
    expect(byName.data.map((p) => p.metadata.product_code)).toEqual(["COF-1"]);
  });

  it("shows new products and changes only after searchLagMs of emulator time", async () => {
    emulator.configure({ searchLagMs: 5_000 });
    const product = await stripe.products.create({ name: "Tea", metadata: { code: "A" } });
    const query = "metadata['code']:'A'";
    expect((await stripe.products.search({ query })).data).toHaveLength(0);
    await emulator.advanceClock(5);
    expect((await stripe.products.search({ query })).data.map((p) => p.id)).toEqual([product.id]);
    await stripe.products.update(product.id, { metadata: { code: "B" } });
    // The index still holds the old version until the lag has passed.
    expect((await stripe.products.search({ query })).data).toHaveLength(1);
    await emulator.advanceClock(5);
    expect((await stripe.products.search({ query })).data).toHaveLength(0);
  });

  it("lets searchLagMs pass in real time too", async () => {
    emulator.configure({ searchLagMs: 200 });
    const product = await stripe.products.create({ name: "Lagging" });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const result = await stripe.products.search({ query: "name:'Lagging'" });
    expect(result.data.map((p) => p.id)).toEqual([product.id]);
  });

  it("finds products matching any clause joined with OR, up to 10 clauses", async () => {
    for (let i = 0; i < 11; i++) {
      await stripe.products.create({ name: `P${i}`, metadata: { product_code: `C-${i}` } });
    }
    const clauses = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `metadata['product_code']:'C-${from + i}'`);

    const ten = await stripe.products.search({ query: clauses(0, 10).join(" OR "), limit: 100 });
    expect(ten.data.map((p) => p.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `P${i}`).sort(),
    );
    // The keywords are case-insensitive (https://docs.stripe.com/search#search-query-language).
    const lower = await stripe.products.search({ query: clauses(9, 11).join(" or ") });
    expect(lower.data.map((p) => p.name).sort()).toEqual(["P10", "P9"]);

    const error = await stripeErrorOf(
      stripe.products.search({ query: clauses(0, 11).join(" OR ") }),
    );
    expect(error).toMatchObject({ statusCode: 400, param: "query" });
    expect(error.message).toMatch(/at most 10 clauses/);
  });

  it("reads quotes and backslashes escaped with a backslash inside a quoted value", async () => {
    const code = `it's "odd" \\ OR name:'x'`;
    await stripe.products.create({ name: "Odd", metadata: { product_code: code } });
    await stripe.products.create({ name: "x", metadata: { product_code: "plain" } });
    const escaped = code.replace(/\\/g, "\\\\").replace(/'/g, "\\'");

    const result = await stripe.products.search({
      query: `metadata['product_code']:'${escaped}' OR metadata['product_code']:'none'`,
    });

    expect(result.data.map((p) => p.name)).toEqual(["Odd"]);
  });

  it("refuses a query it cannot parse", async () => {
    const error = await stripeErrorOf(stripe.products.search({ query: "name = tea" }));
    expect(error).toMatchObject({ statusCode: 400, param: "query" });
  });

  it("pages with next_page", async () => {
    for (let i = 0; i < 3; i++) await stripe.products.create({ name: "Same" });
    const first = await stripe.products.search({ query: "name:'Same'", limit: 2 });
    expect(first.has_more).toBe(true);
    const second = await stripe.products.search({
      query: "name:'Same'",
      limit: 2,
      page: first.next_page as string,
    });
    expect(second.data).toHaveLength(1);
    expect(second.has_more).toBe(false);
  });
});

describe("prices", () => {
  it("creates and retrieves a price for a product", async () => {
    const { product, price } = await createPricedProduct(stripe, "Tea", 500);
    expect(price).toMatchObject({
      object: "price",
      product: product.id,
      currency: "jpy",
      unit_amount: 500,
      type: "one_time",
    });
    expect(price.id).toMatch(/^price_/);
    await expect(stripe.prices.retrieve(price.id)).resolves.toMatchObject({ id: price.id });
  });

  it("refuses an unknown product and a negative amount", async () => {
    expect(
      await stripeErrorOf(
        stripe.prices.create({ product: "prod_x", currency: "usd", unit_amount: 1 }),
      ),
    ).toMatchObject({ code: "resource_missing", param: "product", statusCode: 400 });
    const product = await stripe.products.create({ name: "Tea" });
    expect(
      await stripeErrorOf(
        stripe.prices.create({ product: product.id, currency: "usd", unit_amount: -1 }),
      ),
    ).toMatchObject({ param: "unit_amount", statusCode: 400 });
  });
});
