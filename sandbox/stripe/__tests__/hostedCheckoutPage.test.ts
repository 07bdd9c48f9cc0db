import Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { escapeHtml } from "../hostedCheckoutPage";
import { controlRequest, pricedItem, sessionParams, startWithClient } from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient({ frozenClock: true }));
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const control = (path: string, body?: unknown) => controlRequest(emulator, path, body);

describe("GET /c/pay/:id", () => {
  it("shows the lines, the amounts in the currency and the total, escaped", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        line_items: [
          {
            price_data: {
              currency: "jpy",
              unit_amount: 1500,
              product_data: { name: "<b>Tea</b> & cake", description: "Sencha <script>" },
            },
            quantity: 2,
          },
          pricedItem("jpy", 200, "Bag"),
        ],
      }),
    );
    const response = await fetch(session.url as string);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("&lt;b&gt;Tea&lt;/b&gt; &amp; cake");
    expect(html).not.toContain("<b>Tea</b>");
    expect(html).toContain("Sencha &lt;script&gt;");
    expect(html).toContain("¥3,000");
    expect(html).toContain("¥3,200");
    expect(html).toContain("Pay with card");
    expect(html).toContain("Pay with konbini (settles later)");
  });

  it("formats two-decimal currencies from minor units", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        line_items: [pricedItem("usd", 1999, "Mug")],
      }),
    );
    expect(await (await fetch(session.url as string)).text()).toContain("$19.99");
  });

  it("pays by card and redirects to success_url with the session id", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${session.url}/card`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `https://example.com/success?session_id=${session.id}`,
    );
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: "complete",
      payment_status: "paid",
    });
    const page = await (await fetch(`${emulator.url}/c/pay/${session.id}`)).text();
    expect(page).toContain("already been completed");
  });

  it("pays with konbini: complete and unpaid", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${session.url}/konbini`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
  });

  it("cancels back to cancel_url and leaves the session open", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${session.url}/cancel`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://example.com/cancel");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("lets the buyer change an adjustable quantity within its range", async () => {
    const session = await stripe.checkout.sessions.create(
      sessionParams({
        line_items: [
          pricedItem("jpy", 500, "Tea", {
            quantity: 2,
            adjustable_quantity: { enabled: true, minimum: 1, maximum: 5 },
          }),
          pricedItem("jpy", 100, "Bag"),
        ],
      }),
    );
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain('name="quantity_0"');
    expect(html).not.toContain('name="quantity_1"');
    const payWithQuantity = (quantity: number) =>
      fetch(`${session.url}/card`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `quantity_0=${quantity}`,
        redirect: "manual",
      });
    const tooMany = await payWithQuantity(6);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("between 1 and 5");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    const paid = await payWithQuantity(4);
    expect(paid.status).toBe(303);
    const completed = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["line_items", "payment_intent"],
    });
    expect(completed.amount_total).toBe(2100);
    expect(completed.line_items?.data.map((item) => item.quantity)).toEqual([4, 1]);
    expect((completed.payment_intent as Stripe.PaymentIntent).amount).toBe(2100);
  });

  it("refuses a quantity change on a line that is not adjustable", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    await expect(emulator.payWithCard(session.id, { quantities: { 0: 3 } })).rejects.toThrow(
      "does not allow",
    );
  });

  it("shows that a session expired", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const url = session.url as string;
    await emulator.advanceClock(24 * 3600);
    const html = await (await fetch(url)).text();
    expect(html).toContain("expired");
    expect(html).not.toContain("Pay with card");
  });

  it("has an emulator button that expires the session at once", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const response = await fetch(`${session.url}/expire`, { method: "POST" });
    expect(await response.text()).toContain("expired");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    expect(emulator.state.events.map((e) => e.type)).toContain("checkout.session.expired");
  });

  it("answers 404 for an unknown session", async () => {
    expect((await fetch(`${emulator.url}/c/pay/cs_test_nope`)).status).toBe(404);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("/_emulator control API", () => {
  it("advances the clock, pays, settles and refunds a session", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const before = emulator.now();
    expect(await control("/clock/advance", { seconds: 60 })).toMatchObject({
      status: 200,
      json: { now: before + 60 },
    });
    expect(await control(`/sessions/${session.id}/pay`, { method: "delayed" })).toMatchObject({
      status: 200,
      json: { session: { status: "complete", payment_status: "unpaid" } },
    });
    expect(await control(`/sessions/${session.id}/settle`, { outcome: "succeeded" })).toMatchObject(
      {
        json: { session: { payment_status: "paid" } },
      },
    );
    expect(await control("/refunds", { session: session.id, amount: 100 })).toMatchObject({
      status: 200,
      json: { refund: { amount: 100 } },
    });
    const { json } = await control("/events");
    expect((json as { events: { type: string }[] }).events[0]?.type).toBe("charge.refunded");
  });

  it("configures latency and failures, lists requests and resets", async () => {
    expect((await control("/configure", { latencyMs: 5, rateLimitPerSecond: null })).status).toBe(
      200,
    );
    expect((await control("/fail-next", { status: 503, pathPrefix: "/v1/products" })).status).toBe(
      200,
    );
    await expect(stripe.products.list()).rejects.toMatchObject({ statusCode: 503 });
    const { json } = await control("/requests");
    expect((json as { requests: { status: number }[] }).requests.map((r) => r.status)).toEqual([
      503,
    ]);
    expect((await control("/reset", {})).status).toBe(200);
    expect(emulator.requests).toHaveLength(0);
    expect((await control("/configure", { latencyMs: 0 })).status).toBe(200);
  });

  it("configures restricted keys for diagnostics stories", async () => {
    const configured = await control("/configure", {
      restrictedKeys: { rk_test_story: ["products_read"] },
    });
    expect(configured.status).toBe(200);
    const restricted = new Stripe("rk_test_story", {
      host: "localhost",
      port: emulator.port,
      protocol: "http",
      maxNetworkRetries: 0,
    });
    await expect(restricted.products.list()).resolves.toBeDefined();
    await expect(restricted.checkout.sessions.list()).rejects.toMatchObject({ statusCode: 403 });
    expect((await control("/configure", { restrictedKeys: null })).status).toBe(200);
    await expect(restricted.checkout.sessions.list()).resolves.toBeDefined();
  });

  it("answers 400 for a bad body and 404 for an unknown route or session", async () => {
    expect((await control("/clock/advance", { seconds: -1 })).status).toBe(400);
    expect((await control("/nothing")).status).toBe(404);
    expect((await control("/sessions/cs_test_nope/pay", {})).status).toBe(404);
  });
});
