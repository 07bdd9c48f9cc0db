import type Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { pricedItem, sessionParams, startWithClient, stripeErrorOf } from "./emulatorClient";

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startWithClient({ frozenClock: true }));
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const create = (overrides: Partial<Stripe.Checkout.SessionCreateParams>) =>
  stripe.checkout.sessions.create(sessionParams(overrides));
const refusal = (overrides: Partial<Stripe.Checkout.SessionCreateParams>) =>
  stripeErrorOf(create(overrides));
const EMBEDDED = {
  ui_mode: "embedded_page",
  success_url: undefined,
  cancel_url: undefined,
  return_url: "https://example.com/return?s={CHECKOUT_SESSION_ID}",
} as const;

describe("POST /v1/checkout/sessions with Checkout options", () => {
  it("makes an embedded session with a client secret and no url", async () => {
    const session = await create(EMBEDDED);
    expect(session).toMatchObject({
      ui_mode: "embedded_page",
      url: null,
      return_url: EMBEDDED.return_url,
    });
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_`));
  });

  it("refuses an embedded session without return_url, or with success_url", async () => {
    expect(await refusal({ ...EMBEDDED, return_url: undefined })).toMatchObject({
      param: "return_url",
    });
    expect(await refusal({ ...EMBEDDED, success_url: "https://example.com/ok" })).toMatchObject({
      param: "success_url",
    });
  });

  it("stores redirect_on_completion of an embedded session, always by default", async () => {
    expect(await create(EMBEDDED)).toMatchObject({ redirect_on_completion: "always" });
    expect(await create({ ...EMBEDDED, redirect_on_completion: "if_required" })).toMatchObject({
      redirect_on_completion: "if_required",
      return_url: EMBEDDED.return_url,
    });
    expect(await create({})).toMatchObject({ redirect_on_completion: null });
  });

  it("needs return_url unless redirect_on_completion is never", async () => {
    const noReturn = { ...EMBEDDED, return_url: undefined };
    expect(await refusal({ ...noReturn, redirect_on_completion: "if_required" })).toMatchObject({
      type: "StripeInvalidRequestError",
      param: "return_url",
    });
    expect(await create({ ...noReturn, redirect_on_completion: "never" })).toMatchObject({
      redirect_on_completion: "never",
      return_url: null,
    });
  });

  it("refuses redirect_on_completion on a hosted session, and an unknown value", async () => {
    expect(await refusal({ redirect_on_completion: "if_required" })).toMatchObject({
      type: "StripeInvalidRequestError",
      param: "redirect_on_completion",
    });
    const unknown = {
      ...EMBEDDED,
      redirect_on_completion: "sometimes",
    } as unknown as Partial<Stripe.Checkout.SessionCreateParams>;
    expect(await refusal(unknown)).toMatchObject({ param: "redirect_on_completion" });
  });

  it("refuses the ui_mode values older API versions took", async () => {
    const old = await stripeErrorOf(
      stripe.checkout.sessions.create({ ...sessionParams(), ui_mode: "embedded" }),
    );
    expect(old).toMatchObject({ param: "ui_mode" });
  });

  it("refuses return_url on a hosted session", async () => {
    expect(await refusal({ return_url: "https://example.com/r" })).toMatchObject({
      param: "return_url",
    });
  });

  it("keeps allowed_payment_method_types and refuses konbini or PayPay with another currency than JPY", async () => {
    const session = await create({ allowed_payment_method_types: ["konbini", "paypay"] });
    expect(session.allowed_payment_method_types).toEqual(["konbini", "paypay"]);
    const usd = await refusal({
      allowed_payment_method_types: ["card", "konbini"],
      line_items: [pricedItem("usd", 1000)],
    });
    expect(usd).toMatchObject({ param: "allowed_payment_method_types" });
    expect(usd.message).toContain("jpy");
  });

  it("takes konbini's expires_after_days from 1 to 60 only", async () => {
    const konbini = (days: number): Partial<Stripe.Checkout.SessionCreateParams> => ({
      allowed_payment_method_types: ["konbini"],
      payment_method_options: { konbini: { expires_after_days: days } },
    });
    await expect(create({ ...konbini(60) })).resolves.toMatchObject({
      payment_method_options: { konbini: { expires_after_days: 60 } },
    });
    expect(await refusal({ ...konbini(61) })).toMatchObject({
      param: "payment_method_options[konbini][expires_after_days]",
    });
  });

  it("keeps custom fields and refuses a fourth one or a key that is not alphanumeric", async () => {
    const field = (key: string) => ({
      key,
      label: { type: "custom" as const, custom: "Label" },
      type: "text" as const,
    });
    const session = await create({ custom_fields: [field("a"), field("b"), field("c")] });
    expect(session.custom_fields.map((f) => f.key)).toEqual(["a", "b", "c"]);
    expect(await refusal({ custom_fields: ["a", "b", "c", "d"].map(field) })).toMatchObject({
      param: "custom_fields",
    });
    expect(await refusal({ custom_fields: [field("delivery-date")] })).toMatchObject({
      param: "custom_fields[0][key]",
    });
  });

  it("refuses a custom text over 1,200 characters and more than 5 shipping options", async () => {
    expect(await refusal({ custom_text: { submit: { message: "x".repeat(1201) } } })).toMatchObject(
      {
        param: "custom_text[submit][message]",
      },
    );
    const rates = ["1", "2", "3", "4", "5", "6"].map((n) => ({ shipping_rate: `shr_${n}` }));
    expect(await refusal({ shipping_options: rates })).toMatchObject({ param: "shipping_options" });
  });

  it("takes an existing customer and refuses one it does not know", async () => {
    const customer = await stripe.customers.create({ email: "hanako@example.com" });
    await expect(create({ customer: customer.id })).resolves.toMatchObject({
      customer: customer.id,
    });
    expect(await refusal({ customer: "cus_missing" })).toMatchObject({ code: "resource_missing" });
  });
});
