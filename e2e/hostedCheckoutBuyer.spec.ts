/**
 * The buyer on the Stripe emulator's hosted page of a session that collects a phone number, the
 * billing address and a shipping address in Japan: they type them, pay by card, and the completed
 * session holds them in customer_details and collected_information.shipping_details.
 * A screenshot goes to e2e/artifacts/ for a human to judge the look.
 */
import type { Browser } from "playwright-core";
import Stripe from "stripe";
import { startStripeEmulator, type StripeEmulator } from "../sandbox/stripe/StripeEmulator";
import { TOKYO_STRIPE_ADDRESS } from "../testkit/buyerAddresses";
import { launchChromium, saveScreenshot } from "./browser";
import { useStoryPages } from "./storyKit";

let emulator: StripeEmulator;
let stripe: Stripe;
let browser: Browser;

beforeAll(async () => {
  emulator = await startStripeEmulator({ frozenClock: true });
  stripe = new Stripe("sk_test_buyerStory123", {
    host: "localhost",
    port: emulator.port,
    protocol: "http",
    maxNetworkRetries: 0,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
});

afterEach(() => {
  expect(story.pageErrors).toEqual([]);
});

const story = useStoryPages(() => browser);

describe("the hosted checkout page's buyer fields", () => {
  it("takes the buyer's name, phone and addresses, and the paid session records them", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      success_url: `${emulator.url}/_emulator/health?session={CHECKOUT_SESSION_ID}`,
      line_items: [
        {
          price_data: { currency: "jpy", unit_amount: 1800, product_data: { name: "Sencha" } },
          quantity: 1,
        },
      ],
      phone_number_collection: { enabled: true },
      billing_address_collection: "required",
      shipping_address_collection: { allowed_countries: ["JP"] },
    });
    await story.page.goto(session.url ?? "");
    const page = story.page;
    await page.getByLabel("Name").fill("山田 太郎");
    await page.getByLabel("Phone").fill("+81312345678");
    const billing = page.getByTestId("billing-address");
    await billing.getByLabel("Country").fill("JP");
    await billing.getByLabel("Postal code").fill("150-0002");
    await billing.getByLabel("State / prefecture").fill("東京都");
    await billing.getByLabel("City").fill("渋谷区");
    await billing.getByLabel("Address line 1").fill("渋谷2-1");
    const shipping = page.getByTestId("shipping-address");
    await shipping.getByLabel("Postal code").fill("100-0001");
    await shipping.getByLabel("State / prefecture").fill("東京都");
    await shipping.getByLabel("City").fill("千代田区");
    await shipping.getByLabel("Address line 1").fill("千代田1-1");
    await shipping.getByLabel("Address line 2").fill("千代田ビル3F");
    await saveScreenshot(page, "stripe-hosted-checkout-buyer-fields");
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/_emulator/health"),
      page.getByRole("button", { name: "Pay with card" }).click(),
    ]);

    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid.payment_status).toBe("paid");
    expect(paid.customer_details).toMatchObject({
      name: "山田 太郎",
      phone: "+81312345678",
      address: { country: "JP", postal_code: "150-0002", city: "渋谷区", line1: "渋谷2-1" },
    });
    expect(paid.collected_information?.shipping_details).toEqual({
      name: "山田 太郎",
      address: TOKYO_STRIPE_ADDRESS,
    });
  });
});
