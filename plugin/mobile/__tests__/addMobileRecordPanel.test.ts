/** @jest-environment jsdom */
import "../../qr/__tests__/textEncoderForJsdom";
import { testMapping } from "../../__tests__/testMapping";
import { messages } from "../../i18n/messages";
import { fakeProxy, type ProxyRoute } from "../../list/__tests__/fakeProxy";
import { addMobileRecordPanel, MOBILE_PANEL_ID } from "../addMobileRecordPanel";

const mapping = testMapping({
  currency: "USD",
  writeBack: { sessionId: "sid", url: "link", status: "state", paymentStatus: "paid" },
});
const LINK = "https://pay.example.com/c/pay/cs_1";
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let space: HTMLElement;

function render(
  fields: Record<string, string>,
  options: {
    language?: "ja" | "en";
    navigator?: Partial<Navigator>;
    configured?: boolean;
    routes?: Record<string, ProxyRoute>;
  } = {},
) {
  const language = options.language ?? "en";
  const record = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }]));
  return addMobileRecordPanel(space, {
    messages: messages[language],
    language,
    appId: "1",
    recordId: "7",
    record: { $revision: { value: "5" }, ...record },
    settings:
      options.configured === false
        ? undefined
        : { mapping, client: fakeProxy(options.routes ?? {}).client },
    reload: jest.fn(),
    navigator: options.navigator as Navigator | undefined,
  })!;
}

const text = (selector: string) => space.querySelector(selector)?.textContent;

beforeEach(() => {
  document.body.replaceChildren();
  space = document.createElement("div");
  document.body.append(space);
});

describe("the mobile record screen's Stripe panel", () => {
  it("says the payment state in words, coloured by it, with the link to read and tap", () => {
    render({ sid: "cs_1", link: LINK, state: "open", paid: "unpaid" });
    const pill = space.querySelector(".kintone-stripe-checkout-mobile-state span")!;
    expect(pill.textContent).toBe("Link open");
    expect(pill.classList).toContain("kintone-stripe-checkout-status-open");
    const anchor = space.querySelector<HTMLAnchorElement>(
      ".kintone-stripe-checkout-mobile-link-url",
    )!;
    expect(anchor.textContent).toBe(LINK);
    expect(anchor.href).toBe(LINK);
  });

  it("shows a billed record as paid, in Japanese for a Japanese user", () => {
    render({ sid: "cs_1", link: LINK, state: "complete", paid: "paid" }, { language: "ja" });
    const pill = space.querySelector(".kintone-stripe-checkout-mobile-state span")!;
    expect(pill.classList).toContain("kintone-stripe-checkout-billed-paid");
    expect(pill.textContent).toBe(messages.ja.billedPaid);
    expect(text(".kintone-stripe-checkout-mobile-title")).toBe("Stripe 決済");
  });

  it("offers the desktop's own actions with the desktop's rules", () => {
    render({});
    const names = ["create", "sync", "expire", "copy"];
    const buttons = names.map((n) =>
      space.querySelector<HTMLButtonElement>(`.kintone-stripe-checkout-detail-${n}`),
    );
    expect(buttons.map((b) => b?.disabled)).toEqual([false, true, true, true]);
    expect(text(".kintone-stripe-checkout-mobile-link-none")).toBe("No payment link yet.");
  });

  it("hands the link to the phone's share sheet where there is one", async () => {
    const share = jest.fn(async () => undefined);
    render({ sid: "cs_1", link: LINK, state: "open" }, { navigator: { share } });
    space.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-mobile-share")!.click();
    await settle();
    expect(share).toHaveBeenCalledWith({ title: "Payment link", url: LINK });
    expect(
      space.querySelector<HTMLElement>(".kintone-stripe-checkout-mobile-share-note")!.hidden,
    ).toBe(true);
  });

  it("says so when sharing failed, and nothing when the user closed the sheet", async () => {
    const abort = Object.assign(new Error("closed"), { name: "AbortError" });
    const share = jest.fn().mockRejectedValueOnce(abort).mockRejectedValueOnce(new Error("no"));
    render({ sid: "cs_1", link: LINK, state: "open" }, { navigator: { share } });
    const button = space.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-mobile-share")!;
    const note = space.querySelector<HTMLElement>(".kintone-stripe-checkout-mobile-share-note")!;
    button.click();
    await settle();
    expect(note.hidden).toBe(true);
    button.click();
    await settle();
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe(messages.en.shareFailed);
  });

  it("shows a closed session's link as text only, with nothing to share", () => {
    const share = jest.fn();
    render({ sid: "cs_1", link: LINK, state: "expired" }, { navigator: { share } });
    expect(text(".kintone-stripe-checkout-mobile-link-closed")).toBe(LINK);
    expect(space.querySelector(".kintone-stripe-checkout-mobile-link-url")).toBeNull();
    expect(space.querySelector(".kintone-stripe-checkout-mobile-share")).toBeNull();
  });

  it("offers no Share where the browser has no share sheet", () => {
    render({ sid: "cs_1", link: LINK, state: "open" }, { navigator: {} });
    expect(space.querySelector(".kintone-stripe-checkout-mobile-share")).toBeNull();
  });

  it("turns its state to paid when the QR code's session is paid, without a reload", async () => {
    const paid = {
      id: "cs_1",
      url: LINK,
      status: "complete",
      paymentStatus: "paid",
      amountTotal: 2800,
      currency: "usd",
      customerEmail: null,
      expiresAt: "2026-12-08T00:00:00Z",
      appId: "1",
      recordIds: ["7"],
    };
    render(
      { sid: "cs_1", link: LINK, state: "open", paid: "unpaid" },
      { routes: { "GET v1/checkouts/cs_1": () => ({ status: 200, body: { session: paid } }) } },
    );
    space.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-qr-toggle")!.click();
    for (let i = 0; i < 5; i += 1) await settle();
    expect(space.querySelector(".kintone-stripe-checkout-qr-state")?.textContent).toBe(
      "PaidThe payment was received.",
    );
    const pill = space.querySelector(".kintone-stripe-checkout-mobile-state span")!;
    expect(pill.classList).toContain("kintone-stripe-checkout-billed-paid");
    expect(space.querySelectorAll(".kintone-stripe-checkout-mobile-state")).toHaveLength(1);
  });

  it("says the plugin is not set up, once however often the screen is shown", () => {
    render({}, { configured: false });
    render({}, { configured: false });
    expect(document.querySelectorAll(`#${MOBILE_PANEL_ID}`)).toHaveLength(1);
    expect(space.textContent).toContain(messages.en.notConfigured);
  });
});
