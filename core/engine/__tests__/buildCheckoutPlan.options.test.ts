/** buildCheckoutPlan: the Checkout options that depend on records — customer, Prices, JPY-only methods. */
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import type { KnownPrice } from "../CheckoutPlan";
import { mapping, record, text } from "./kintoneFixtures";
import { issuesOf, onlyItem, sessionsOf } from "./readPlan";

const JPY_PRICE: KnownPrice = { unitAmount: 1200, currency: "jpy", active: true, recurring: false };

describe("buildCheckoutPlan: Checkout options", () => {
  it("takes the session's customer from the first record's field", () => {
    const plan = buildCheckoutPlan(
      [record("1", { customer: text(" cus_ABC123 ") })],
      mapping({ customer: { field: "customer" } }),
    );
    expect(sessionsOf(plan)[0]?.customer).toBe("cus_ABC123");
  });

  it("leaves the customer out when the field is empty", () => {
    const plan = buildCheckoutPlan(
      [record("1", { customer: text("") })],
      mapping({ customer: { field: "customer" } }),
    );
    expect(sessionsOf(plan)[0]).not.toHaveProperty("customer");
  });

  it("reports a customer that is no cus_ id, naming the field", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("4", { customer: text("alice") })],
        mapping({ customer: { field: "customer" } }),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ recordId: "4", field: "customer", code: "INVALID_CUSTOMER_ID" }),
    ]);
  });

  it("reports konbini for a record whose currency is not JPY", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("2", { currency: text("USD") })],
        mapping({ currency: { field: "currency" }, paymentMethodTypes: ["konbini"] }),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        recordId: "2",
        field: "currency",
        code: "PAYMENT_METHOD_CURRENCY",
      }),
    ]);
  });

  it("prices a line from its known Stripe Price, in that Price's currency", () => {
    const plan = buildCheckoutPlan(
      [record("1")],
      mapping({}, { priceId: { const: "price_123" } }),
      { prices: new Map([["price_123", JPY_PRICE]]) },
    );
    expect(onlyItem(plan)).toMatchObject({ priceId: "price_123", unitAmount: 1200 });
    expect(sessionsOf(plan)[0]).toMatchObject({ currency: "jpy", amountTotal: 1200 });
  });

  it("reports a Price that Stripe does not know, or one that is recurring", () => {
    const recurring = { ...JPY_PRICE, recurring: true };
    const unknown = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { priceId: { const: "price_404" } })),
    );
    expect(unknown).toEqual([expect.objectContaining({ code: "PRICE_NOT_FOUND" })]);
    const refused = issuesOf(
      buildCheckoutPlan([record("1")], mapping({}, { priceId: { const: "price_r" } }), {
        prices: new Map([["price_r", recurring]]),
      }),
    );
    expect(refused).toEqual([expect.objectContaining({ code: "PRICE_UNSUPPORTED" })]);
  });

  it("fills an embedded session's return URL instead of a success URL", () => {
    const plan = buildCheckoutPlan(
      [record("9")],
      mapping({
        successUrl: undefined,
        uiMode: "embedded",
        returnUrl: "https://shop.example.com/r/{{$id}}?s={CHECKOUT_SESSION_ID}",
      }),
    );
    const [session] = sessionsOf(plan);
    expect(session?.returnUrl).toBe("https://shop.example.com/r/9?s={CHECKOUT_SESSION_ID}");
    expect(session).not.toHaveProperty("successUrl");
  });
});
