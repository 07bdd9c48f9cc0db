import { TOKYO_STRIPE_ADDRESS } from "../../../testkit/buyerAddresses";
import { controlRequest, sessionParams, stripeErrorOf, useEmulator } from "./emulatorClient";

const under = useEmulator({ frozenClock: true });
const control = (path: string, body?: unknown) => controlRequest(under.emulator, path, body);

const tokyo = TOKYO_STRIPE_ADDRESS;

describe("POST /_emulator/sessions/:id/pay with buyer details", () => {
  it("records name, phone and billing address in customer_details and the shipping address in collected_information", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    const paid = await control(`/sessions/${session.id}/pay`, {
      method: "card",
      buyer: {
        name: "山田 太郎",
        email: "taro@example.com",
        phone: "+81312345678",
        address: tokyo,
        shipping: { name: "山田 花子", address: { ...tokyo, line2: null } },
      },
    });
    expect(paid.status).toBe(200);
    const retrieved = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.customer_details).toMatchObject({
      name: "山田 太郎",
      email: "taro@example.com",
      phone: "+81312345678",
      address: tokyo,
    });
    expect(retrieved.collected_information?.shipping_details).toEqual({
      name: "山田 花子",
      address: { ...tokyo, line2: null },
    });
  });

  it("records a default name and no phone or addresses when the buyer gave none", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    await control(`/sessions/${session.id}/pay`, { method: "card" });
    const retrieved = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.customer_details).toMatchObject({
      name: "Emulated Customer",
      phone: null,
      address: null,
    });
    expect(retrieved.collected_information?.shipping_details).toBeNull();
    expect(retrieved.customer).toBeNull();
  });

  it("makes a customer on completion when the session has customer_creation always", async () => {
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({ customer_creation: "always" }),
    );
    await control(`/sessions/${session.id}/pay`, { method: "card" });
    const retrieved = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.customer).toMatch(/^cus_/);
  });

  it("answers 400 for an address part Stripe does not have", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    const answer = await control(`/sessions/${session.id}/pay`, {
      buyer: { address: { street: "1 Main St" } },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).toContain("buyer.address.street");
  });
});

describe("POST /v1/checkout/sessions › shipping_address_collection", () => {
  it("accepts allowed countries and returns them on the session", async () => {
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({ shipping_address_collection: { allowed_countries: ["JP", "US"] } }),
    );
    expect(session.shipping_address_collection).toEqual({ allowed_countries: ["JP", "US"] });
  });

  it("refuses a country that is not a two-letter code", async () => {
    const error = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({
          shipping_address_collection: { allowed_countries: ["Japan" as never] },
        }),
      ),
    );
    expect(error.statusCode).toBe(400);
    expect(error.param).toBe("shipping_address_collection[allowed_countries][0]");
  });
});

describe("the hosted page's buyer fields", () => {
  it("asks for a name only, when the session collects nothing more", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain('name="name"');
    expect(html).not.toContain('name="phone"');
    expect(html).not.toContain('data-testid="shipping-address"');
  });

  it("asks for phone, billing and shipping address when the session collects them, and records what was typed", async () => {
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({
        phone_number_collection: { enabled: true },
        billing_address_collection: "required",
        shipping_address_collection: { allowed_countries: ["JP"] },
      }),
    );
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain('name="phone"');
    expect(html).toContain('data-testid="billing-address"');
    expect(html).toContain('<option value="JP">JP</option>');
    const form = new URLSearchParams({
      name: "Jane Doe",
      phone: "+14155550100",
      billing_country: "US",
      billing_line1: "123 Main St",
      billing_city: "Springfield",
      billing_state: "IL",
      billing_postal_code: "62701",
      shipping_country: "JP",
      shipping_postal_code: "100-0001",
      shipping_state: "東京都",
      shipping_city: "千代田区",
      shipping_line1: "千代田1-1",
    });
    const response = await fetch(`${session.url}/card`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(response.status).toBe(303);
    const retrieved = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.customer_details).toMatchObject({
      name: "Jane Doe",
      phone: "+14155550100",
      address: { country: "US", line1: "123 Main St", city: "Springfield", line2: null },
    });
    expect(retrieved.collected_information?.shipping_details).toEqual({
      name: "Jane Doe",
      address: { ...tokyo, line2: null },
    });
  });
});
