import type Stripe from "stripe";
import { parseMajorUnits } from "../dashboardActions";
import { pricedItem, sessionParams, useEmulator } from "./emulatorClient";
import { dashboardHtml as htmlOf, pageToken as tokenOf, postDashboardForm } from "./dashboardForms";

const under = useEmulator({ frozenClock: true });

const dashboardHtml = () => htmlOf(under);
const pageToken = () => tokenOf(under);
/** Posts a Dashboard form as the page would; answers the notice the page then shows. */
const act = (path: string, fields: Record<string, string> = {}) =>
  postDashboardForm(under, path, fields);

function eventTypes(): string[] {
  return under.emulator.state.events.map((event) => event.type);
}

async function paidSession(method: "card" | "konbini" = "card"): Promise<Stripe.Checkout.Session> {
  const session = await under.stripe.checkout.sessions.create(
    sessionParams({ line_items: [pricedItem("jpy", 1800, "Mug")] }),
  );
  if (method === "card") await under.emulator.payWithCard(session.id);
  else await under.emulator.payWithDelayedMethod(session.id);
  return session;
}

describe("GET /dashboard", () => {
  it("lists the sessions newest first with their state, every value escaped", async () => {
    const older = await under.stripe.checkout.sessions.create(
      sessionParams({ metadata: { kintone_app_id: "1", kintone_record_ids: "<7>" } }),
    );
    await under.emulator.advanceClock(60);
    const newer = await under.stripe.checkout.sessions.create(
      sessionParams({ customer_email: '"><script>alert(1)</script>@example.com' }),
    );
    await under.emulator.payWithCard(newer.id);
    const html = await dashboardHtml();
    expect(html.indexOf(newer.id)).toBeLessThan(html.indexOf(older.id));
    expect(html).toContain("record &lt;7&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
    expect(html).toMatch(/complete<\/span><span class="state good">paid/);
    expect(html).toMatch(/open<\/span><span class="state plain">unpaid/);
  });

  it("is what a browser opening the emulator's address is sent to", async () => {
    const response = await fetch(`${under.emulator.url}/`, {
      headers: { Accept: "text/html" },
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
  });
});

describe("the Dashboard's language", () => {
  it("speaks the browser's language, or the one ?lang= names", async () => {
    const page = async (query: string, acceptLanguage: string) =>
      (
        await fetch(`${under.emulator.url}/dashboard${query}`, {
          headers: { "Accept-Language": acceptLanguage },
        })
      ).text();
    expect(await page("", "ja-JP,ja;q=0.9")).toContain("Stripe エミュレーターのダッシュボード");
    expect(await page("?lang=en", "ja")).toContain("Stripe emulator Dashboard");
    expect(await page("", "fr")).toContain('<html lang="en">');
  });

  it("answers an action in the language the page's form carries", async () => {
    const session = await paidSession();
    const notice = await act(`sessions/${session.id}/refund`, { amount: "300", lang: "ja" });
    expect(notice).toBe(
      `${session.id} から ¥300 を返金しました (refund.created, charge.refunded)。`,
    );
  });
});

describe("POST /dashboard actions", () => {
  it("settles a konbini payment: checkout.session.async_payment_succeeded", async () => {
    const session = await paidSession("konbini");
    expect(await act(`sessions/${session.id}/settle`, { outcome: "succeeded" })).toContain("paid");
    expect(eventTypes()).toContain("checkout.session.async_payment_succeeded");
    expect((await under.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("paid");
  });

  it("fails a konbini payment: checkout.session.async_payment_failed", async () => {
    const session = await paidSession("konbini");
    expect(await act(`sessions/${session.id}/settle`, { outcome: "failed" })).toContain("failed");
    expect(eventTypes()).toContain("checkout.session.async_payment_failed");
  });

  it("refunds the amount entered in major units: refund.created and charge.refunded", async () => {
    const session = await paidSession();
    expect(await act(`sessions/${session.id}/refund`, { amount: "500" })).toContain("¥500");
    expect(eventTypes()).toEqual(expect.arrayContaining(["refund.created", "charge.refunded"]));
    expect(under.emulator.state.refunds.map((refund) => refund.amount)).toEqual([500]);
    expect(await dashboardHtml()).toContain("refunded ¥500");
  });

  it("refunds what remains when the amount is left empty", async () => {
    const session = await paidSession();
    await act(`sessions/${session.id}/refund`, { amount: "" });
    expect(under.emulator.state.refunds.map((refund) => refund.amount)).toEqual([1800]);
  });

  it("says why a refund larger than the payment is refused", async () => {
    const session = await paidSession();
    expect(await act(`sessions/${session.id}/refund`, { amount: "99999" })).toMatch(
      /^error: Refund amount .* is greater than unrefunded amount/,
    );
    expect(under.emulator.state.refunds).toEqual([]);
  });

  it("opens a dispute and loses it: charge.dispute.created then charge.dispute.closed", async () => {
    const session = await paidSession();
    await act(`sessions/${session.id}/dispute`);
    expect(eventTypes()).toContain("charge.dispute.created");
    const [dispute] = under.emulator.state.disputes;
    expect(await act(`disputes/${dispute?.id}/close`, { outcome: "lost" })).toContain("lost");
    expect(under.emulator.state.disputes[0]?.status).toBe("lost");
    expect(eventTypes()).toContain("charge.dispute.closed");
    expect(eventTypes()).not.toContain("charge.dispute.funds_reinstated");
  });

  it("wins a dispute: charge.dispute.funds_reinstated", async () => {
    const session = await paidSession();
    await act(`sessions/${session.id}/dispute`);
    await act(`disputes/${under.emulator.state.disputes[0]?.id}/close`, { outcome: "won" });
    expect(eventTypes()).toContain("charge.dispute.funds_reinstated");
  });

  it("lets an open session expire: checkout.session.expired", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    expect(await act(`sessions/${session.id}/expire`)).toContain("expired");
    expect(eventTypes()).toContain("checkout.session.expired");
  });

  it("refuses a form without the page's token, or from another site", async () => {
    const session = await paidSession("konbini");
    const post = (headers: Record<string, string>, token: string) =>
      fetch(`${under.emulator.url}/dashboard/sessions/${session.id}/settle`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: `outcome=succeeded&token=${token}`,
        redirect: "manual",
      });
    const token = await pageToken();
    expect((await post({}, "forged")).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" }, token)).status).toBe(403);
    expect((await post({ "Sec-Fetch-Site": "cross-site" }, token)).status).toBe(403);
    expect(eventTypes()).not.toContain("checkout.session.async_payment_succeeded");
  });
});

describe("parseMajorUnits", () => {
  it("reads amounts as people type them in the currency's units", () => {
    expect(parseMajorUnits("1,800", "jpy")).toBe(1800);
    expect(parseMajorUnits("12.5", "usd")).toBe(1250);
    expect(parseMajorUnits("12", "usd")).toBe(1200);
    expect(parseMajorUnits(" ", "usd")).toBeUndefined();
    expect(() => parseMajorUnits("12.5", "jpy")).toThrow("whole units");
    expect(() => parseMajorUnits("1.234", "usd")).toThrow("at most 2 decimals");
  });
});
