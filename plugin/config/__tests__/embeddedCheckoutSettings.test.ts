/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import {
  checkPublishableKey,
  checkStripeJsUrl,
  DEFAULT_STRIPE_JS_URL,
  readEmbeddedCheckoutSettings,
} from "../embeddedCheckoutSettings";
import { ORDER_FORM_FIELDS, installFakeKintone, removeFakeKintone } from "./fakeKintone";
import { renderSettingsForTest } from "./settingsScreenKit";

jest.mock("uuid", () => {
  let next = 0;
  return { v4: () => `kuc-id-${++next}` };
});

const SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz";
const t = messages.en;

afterEach(removeFakeKintone);

/** Made of parts, so that no text here looks like a live key to a secret scanner: none is real. */
const FAKE_LIVE_SECRET_KEY = ["sk", "live", "notARealKey"].join("_");
const FAKE_LIVE_RESTRICTED_KEY = ["rk", "live", "notARealKey"].join("_");

describe("checkPublishableKey", () => {
  it.each(["pk_test_51AbCdEf", "pk_live_51AbCdEf", "  pk_test_abc  "])("takes %p", (typed) => {
    expect(checkPublishableKey(typed)).toEqual({ ok: true, publishableKey: typed.trim() });
  });

  it("takes an empty key as 'off'", () => {
    expect(checkPublishableKey(" ")).toEqual({ ok: true, publishableKey: undefined });
  });

  it("refuses a secret key and a restricted key, which must never reach the browser", () => {
    expect(checkPublishableKey(FAKE_LIVE_SECRET_KEY)).toEqual({ ok: false, problem: "secret" });
    expect(checkPublishableKey("sk_test_51AbCdEf")).toEqual({ ok: false, problem: "secret" });
    expect(checkPublishableKey(FAKE_LIVE_RESTRICTED_KEY)).toEqual({
      ok: false,
      problem: "restricted",
    });
  });

  it.each(["pk_51AbCdEf", "whsec_abc", "pk_test_", "pk_test_a b"])("refuses %p", (typed) => {
    expect(checkPublishableKey(typed)).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("checkStripeJsUrl", () => {
  it("uses Stripe's own address when left empty", () => {
    expect(checkStripeJsUrl("")).toEqual({ ok: true, stripeJsUrl: DEFAULT_STRIPE_JS_URL });
    expect(DEFAULT_STRIPE_JS_URL).toBe("https://js.stripe.com/dahlia/stripe.js");
  });

  it("takes https anywhere and http on this machine, keeping the script's path", () => {
    expect(checkStripeJsUrl("https://js.stripe.com/clover/stripe.js")).toEqual({
      ok: true,
      stripeJsUrl: "https://js.stripe.com/clover/stripe.js",
    });
    expect(checkStripeJsUrl("http://localhost:12111/_emulator/stripe.js")).toEqual({
      ok: true,
      stripeJsUrl: "http://localhost:12111/_emulator/stripe.js",
    });
  });

  it.each(["http://js.example.com/stripe.js", "javascript:alert(1)", "not a url"])(
    "refuses %p",
    (typed) => expect(checkStripeJsUrl(typed)).toEqual({ ok: false }),
  );
});

describe("readEmbeddedCheckoutSettings", () => {
  it("reads the stored key and address", () => {
    const stored = { publishableKey: "pk_test_abc", stripeJsUrl: "https://js.stripe.com/v3/" };
    expect(readEmbeddedCheckoutSettings(stored)).toEqual(stored);
  });

  it("falls back to Stripe's address, and ignores a stored secret key", () => {
    expect(readEmbeddedCheckoutSettings({ publishableKey: "pk_test_abc" })).toEqual({
      publishableKey: "pk_test_abc",
      stripeJsUrl: DEFAULT_STRIPE_JS_URL,
    });
    expect(readEmbeddedCheckoutSettings({ publishableKey: "sk_test_abc" })).toBeUndefined();
    expect(readEmbeddedCheckoutSettings({})).toBeUndefined();
  });
});

describe("the settings screen's publishable key", () => {
  async function filledScreen() {
    const fake = installFakeKintone();
    const rendered = await renderSettingsForTest({ fields: ORDER_FORM_FIELDS });
    const { screen, components, container } = rendered;
    components("proxyUrl")[0]!.value = "https://proxy.example.com/";
    container.querySelector<HTMLInputElement>("#ksc-settings-proxy-secret")!.value = SECRET;
    screen.state.lineItem.name = { mode: "field", field: "customer_name", text: "" };
    screen.state.lineItem.unitPrice = { mode: "const", field: "", text: "1800" };
    screen.state.successUrl = "https://shop.example.com/thanks";
    return { fake, ...rendered };
  }

  it("refuses to save a secret key, says why on the field, and stores nothing", async () => {
    const { fake, screen, components } = await filledScreen();
    const [key] = components("publishableKey");
    key!.value = FAKE_LIVE_SECRET_KEY;
    await expect(screen.save()).resolves.toBe(false);
    expect(key!.error).toBe(t.errorPublishableKeySecret);
    expect(fake.config).toEqual({});
  });

  it("stores a publishable key and the Stripe.js address as public config", async () => {
    const { fake, screen, components } = await filledScreen();
    components("publishableKey")[0]!.value = "pk_live_51AbCdEf";
    components("stripeJsUrl")[0]!.value = "https://js.stripe.com/clover/stripe.js";
    await expect(screen.save()).resolves.toBe(true);
    expect(fake.config).toMatchObject({
      publishableKey: "pk_live_51AbCdEf",
      stripeJsUrl: "https://js.stripe.com/clover/stripe.js",
    });
    expect(JSON.stringify(fake.config)).not.toContain(SECRET);
  });

  it("stores neither without a key", async () => {
    const { fake, screen } = await filledScreen();
    await expect(screen.save()).resolves.toBe(true);
    expect(Object.keys(fake.config).sort()).toEqual(["mapping", "proxyUrl"]);
  });
});
