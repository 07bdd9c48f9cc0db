/** @jest-environment jsdom */
import "./textEncoderForJsdom";
import type { SessionViewAnswer } from "../../../core/api/proxyApi";
import type { PageVisibility, PollScheduler } from "../../detail/confirmationPoller";
import { messages } from "../../i18n/messages";
import { liveLinkQrCode } from "../liveLinkQrCode";
import { qrCodePanel } from "../qrCodePanel";

const LINK = "https://pay.example.com/c/pay/cs_1";

function sessionView(overrides: Partial<SessionViewAnswer> = {}): SessionViewAnswer {
  return {
    id: "cs_1",
    url: LINK,
    status: "open",
    paymentStatus: "unpaid",
    amountTotal: 2800,
    currency: "usd",
    customerEmail: "buyer@example.com",
    expiresAt: "2026-12-08T00:00:00Z",
    appId: "1",
    recordIds: ["7"],
    ...overrides,
  };
}

/** Timers run by hand, and a page whose visibility the test switches. */
function fakePage() {
  const timers: Array<{ callback: () => void; ms: number; cleared: boolean }> = [];
  const listeners = new Set<() => void>();
  let hidden = false;
  const scheduler: PollScheduler = {
    setTimeout: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const visibility: PageVisibility = {
    isHidden: () => hidden,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    scheduler,
    visibility,
    pending: () => timers.filter((t) => !t.cleared),
    /** Runs the one pending timer and lets its check settle. */
    async tick() {
      const timer = timers.find((t) => !t.cleared)!;
      timer.cleared = true;
      timer.callback();
      await settle();
    },
    setHidden(value: boolean) {
      hidden = value;
      listeners.forEach((listener) => listener());
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(answers: SessionViewAnswer[]) {
  const page = fakePage();
  const getSession = jest.fn(async () => ({ session: answers.shift() ?? sessionView() }));
  const onSettled = jest.fn();
  const panel = qrCodePanel(document, {
    messages: messages.en,
    language: "en",
    sessionId: "cs_1",
    url: LINK,
    getSession,
    onSettled,
    scheduler: page.scheduler,
    visibility: page.visibility,
  });
  document.body.replaceChildren(panel);
  const toggle = panel.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-qr-toggle")!;
  const part = (name: string) =>
    panel.querySelector<HTMLElement>(`.kintone-stripe-checkout-qr-${name}`);
  return { page, getSession, onSettled, panel, toggle, part };
}

describe("the record's QR code of the live link", () => {
  it("shows the code with the amount and the customer under it once asked", async () => {
    const { toggle, part, getSession } = render([sessionView()]);
    expect(part("panel")!.hidden).toBe(true);
    expect(getSession).not.toHaveBeenCalled();
    toggle.click();
    await settle();
    expect(part("panel")!.hidden).toBe(false);
    expect(part("code")).not.toBeNull();
    expect(part("amount-value")!.textContent).toBe("$28.00");
    expect(part("customer-value")!.textContent).toBe("buyer@example.com");
    expect(part("state")!.textContent).toBe("Waiting for the payment…");
    expect(toggle.textContent).toBe("Hide QR code");
  });

  it("follows the session and turns to paid when the payment lands, removing the code", async () => {
    const { toggle, part, page, onSettled } = render([
      sessionView(),
      sessionView(),
      sessionView({ status: "complete", paymentStatus: "paid" }),
    ]);
    toggle.click();
    await settle();
    await page.tick();
    expect(part("state")!.textContent).toBe("Waiting for the payment…");
    expect(page.pending().map((t) => t.ms)).toEqual([4000]); // backing off
    await page.tick();
    expect(part("state")!.textContent).toBe("PaidThe payment was received.");
    expect(part("state")!.classList).toContain("kintone-stripe-checkout-qr-state-paid");
    expect(part("code")).toBeNull();
    expect(page.pending()).toEqual([]);
    expect(onSettled).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "billed", state: "paid" }),
    );
  });

  it("says the link no longer works when the session expired meanwhile", async () => {
    const { toggle, part } = render([sessionView({ status: "expired" })]);
    toggle.click();
    await settle();
    expect(part("state")!.textContent).toBe("This link no longer works. Create a new one.");
    expect(part("code")).toBeNull();
  });

  it("stops asking when hidden again, and while the page is hidden", async () => {
    const { toggle, page, getSession } = render([]);
    toggle.click();
    await settle();
    expect(page.pending()).toHaveLength(1);
    page.setHidden(true);
    expect(page.pending()).toEqual([]);
    page.setHidden(false);
    expect(page.pending()).toHaveLength(1);
    toggle.click();
    expect(page.pending()).toEqual([]);
    expect(getSession).toHaveBeenCalledTimes(1);
  });
});

describe("liveLinkQrCode", () => {
  const writeBack = { url: "url", sessionId: "sid", status: "status", customerName: "name" };
  const offered = (fields: Record<string, string>) =>
    liveLinkQrCode(document, {
      messages: messages.ja,
      language: "ja",
      record: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }])),
      writeBack,
      checkout: { url: fields.url, sessionId: fields.sid, status: fields.status },
      client: { getSession: async () => ({ session: sessionView() }) },
    });

  it("is offered for a live link, naming the record's customer, in the user's language", () => {
    const qr = offered({ url: LINK, sid: "cs_1", status: "open", name: "山田 太郎" });
    expect(qr?.querySelector(".kintone-stripe-checkout-qr-toggle")?.textContent).toBe(
      "QRコードを表示",
    );
    expect(qr?.querySelector(".kintone-stripe-checkout-qr-customer-value")?.textContent).toBe(
      "山田 太郎",
    );
  });

  it("is not offered without a link or once the session closed", () => {
    expect(offered({ sid: "cs_1", status: "open" })).toBeNull();
    expect(offered({ url: LINK, sid: "cs_1", status: "complete" })).toBeNull();
    expect(offered({ url: LINK, sid: "cs_1", status: "expired" })).toBeNull();
  });
});
