import type Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { checkoutLanguage, formatDateTime, languageFromAcceptLanguage } from "../checkoutPageTexts";
import { sessionParams, startWithClient } from "./emulatorClient";

describe("checkoutLanguage", () => {
  it("speaks the session's locale, ja and en, and English for the others", () => {
    expect(checkoutLanguage("ja", "en-US")).toBe("ja");
    expect(checkoutLanguage("en", "ja")).toBe("en");
    expect(checkoutLanguage("en-GB", "ja")).toBe("en");
    expect(checkoutLanguage("fr", "ja")).toBe("en");
  });

  it("follows the browser's Accept-Language for auto or no locale", () => {
    expect(checkoutLanguage("auto", "ja-JP,ja;q=0.9,en;q=0.8")).toBe("ja");
    expect(checkoutLanguage(null, "fr-FR, en;q=0.5, ja;q=0.7")).toBe("ja");
    expect(checkoutLanguage("auto", undefined)).toBe("en");
    expect(languageFromAcceptLanguage("de, *;q=0.1")).toBe("en");
    expect(languageFromAcceptLanguage("ja;q=0, en")).toBe("en");
  });
});

describe("formatDateTime", () => {
  const at = Date.UTC(2026, 11, 8, 5, 30) / 1000;
  it("writes dates as people read them, in the given time zone", () => {
    expect(formatDateTime(at, "ja", "Asia/Tokyo")).toBe("2026年12月8日 14:30");
    expect(formatDateTime(at, "en", "Asia/Tokyo")).toBe("Dec 8, 2026, 2:30 PM");
  });
});

describe("GET /c/pay/:id in the session's language", () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  beforeAll(async () => {
    ({ emulator, stripe } = await startWithClient({
      frozenClock: true,
      displayTimeZone: "Asia/Tokyo",
    }));
  });
  afterAll(() => emulator.close());

  const page = async (locale: Stripe.Checkout.SessionCreateParams.Locale, language?: string) => {
    const session = await stripe.checkout.sessions.create(sessionParams({ locale }));
    const headers: Record<string, string> = language ? { "Accept-Language": language } : {};
    return (await fetch(session.url as string, { headers })).text();
  };

  it("speaks Japanese for locale ja, with the expiry as a date", async () => {
    const html = await page("ja", "en");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("カードで支払う");
    expect(html).toContain("コンビニで支払う");
    expect(html).toMatch(/有効期限 \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/);
  });

  it("speaks English for locale en, with the expiry as a date", async () => {
    const html = await page("en", "ja");
    expect(html).toContain("Pay with card");
    expect(html).toMatch(/Expires [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M/);
  });

  it("follows the browser for locale auto", async () => {
    expect(await page("auto", "ja-JP,ja;q=0.9")).toContain("お支払い合計");
    expect(await page("auto", "en-US")).toContain("Total due");
  });

  it("shows the expiry on the clock of the emulator's display time zone", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams({ locale: "ja" }));
    const html = await (await fetch(session.url as string)).text();
    expect(html).toContain(`有効期限 ${formatDateTime(session.expires_at, "ja", "Asia/Tokyo")}`);
  });
});
