/** @jest-environment jsdom */
import type { SessionViewAnswer } from "../../../core/api/proxyApi";
import type { PageVisibility, PollScheduler } from "../../detail/confirmationPoller";
import { messages } from "../../i18n/messages";
import type { StripeJs } from "../loadStripeJs";
import { PAY_HERE_CLASS, payOnThisDevice } from "../payOnThisDevice";
import { recordPayHere } from "../recordPayHere";

const t = messages.en;
const SECRET = "cs_1_secret_abc";
const SETTINGS = { publishableKey: "pk_test_abc", stripeJsUrl: "https://js.example.com/s.js" };

function sessionView(overrides: Partial<SessionViewAnswer> = {}): SessionViewAnswer {
  return {
    id: "cs_1",
    url: null,
    status: "open",
    paymentStatus: "unpaid",
    amountTotal: 880,
    currency: "jpy",
    customerEmail: null,
    expiresAt: "2026-12-08T00:00:00Z",
    appId: "1",
    recordIds: ["3"],
    clientSecret: SECRET,
    ...overrides,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Timers the test runs by hand; the page stays visible. */
function handTimers() {
  const pending: Array<() => void> = [];
  const scheduler: PollScheduler = {
    setTimeout: (callback) => pending.push(callback),
    clearTimeout: () => undefined,
  };
  const visibility: PageVisibility = { isHidden: () => false, onChange: () => () => undefined };
  return { scheduler, visibility, runNext: () => pending.shift()?.() };
}

/** A Stripe.js double: records the key, the client secret it was given and what it mounted. */
function fakeStripe() {
  const seen = {
    keys: [] as string[],
    secrets: [] as string[],
    mounted: 0,
    destroyed: 0,
    onComplete: undefined as (() => void) | undefined,
  };
  const Stripe: StripeJs = (key) => {
    seen.keys.push(key);
    return {
      createEmbeddedCheckoutPage: async ({ fetchClientSecret, onComplete }) => {
        seen.onComplete = onComplete;
        seen.secrets.push(await fetchClientSecret());
        return {
          mount: (target) => {
            seen.mounted += 1;
            target.append(document.createElement("iframe"));
          },
          destroy: () => (seen.destroyed += 1),
        };
      },
    };
  };
  return { seen, loadStripe: jest.fn(async () => Stripe) };
}

/** `settings: null`: no publishable key saved. */
function render(answers: SessionViewAnswer[], settings: typeof SETTINGS | null = SETTINGS) {
  const timers = handTimers();
  const stripe = fakeStripe();
  const getSession = jest.fn(async () => ({ session: answers.shift() ?? sessionView() }));
  const onSettled = jest.fn();
  const root = payOnThisDevice(document, {
    messages: t,
    sessionId: "cs_1",
    settings: settings ?? undefined,
    getSession,
    onSettled,
    loadStripe: stripe.loadStripe,
    scheduler: timers.scheduler,
    visibility: timers.visibility,
  });
  document.body.replaceChildren(root);
  const open = root.querySelector<HTMLButtonElement>(`.${PAY_HERE_CLASS}-open`)!;
  const dialog = () => document.querySelector(`dialog.${PAY_HERE_CLASS}-dialog`);
  return { root, open, dialog, stripe, getSession, onSettled, timers };
}

describe("Pay on this device", () => {
  it("opens Stripe's embedded Checkout in a dialog with the publishable key and the session's client secret", async () => {
    const { open, dialog, stripe } = render([]);
    expect(open.textContent).toBe("Pay on this device");
    open.click();
    await flush();
    expect(stripe.loadStripe).toHaveBeenCalledWith(document, SETTINGS.stripeJsUrl);
    expect(stripe.seen).toMatchObject({ keys: ["pk_test_abc"], secrets: [SECRET], mounted: 1 });
    expect(dialog()?.querySelector(`.${PAY_HERE_CLASS}-frame iframe`)).not.toBeNull();
    expect(dialog()?.textContent).toContain(t.qrWaiting);
  });

  it("shows the record paid, in the dialog and on the screen, once the session is paid", async () => {
    const paid = sessionView({ status: "complete", paymentStatus: "paid" });
    const { root, open, dialog, stripe, onSettled, timers } = render([sessionView(), paid]);
    open.click();
    await flush();
    timers.runNext();
    await flush();
    expect(onSettled).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "billed", state: "paid" }),
    );
    expect(stripe.seen.destroyed).toBe(1);
    expect(dialog()?.querySelector("iframe")).toBeNull();
    const state = root.querySelector(`.${PAY_HERE_CLASS}-state-paid`);
    expect(state?.textContent).toBe(`Paid${t.qrPaid}`);
    expect(dialog()?.querySelector(`.${PAY_HERE_CLASS}-state-paid`)).not.toBeNull();
    expect(open.disabled).toBe(true);
  });

  it("shows the record paid at once when Stripe.js reports the payment complete in the dialog, which can then be closed", async () => {
    const paid = sessionView({ status: "complete", paymentStatus: "paid" });
    const { root, open, dialog, stripe, getSession, onSettled } = render([sessionView(), paid]);
    open.click();
    await flush();
    expect(stripe.seen.onComplete).toEqual(expect.any(Function));
    stripe.seen.onComplete!();
    await flush();
    expect(getSession).toHaveBeenCalledTimes(2);
    expect(onSettled).toHaveBeenCalledWith(
      expect.objectContaining({ kind: "billed", state: "paid" }),
    );
    expect(dialog()?.querySelector(`.${PAY_HERE_CLASS}-state-paid`)).not.toBeNull();
    expect(root.querySelector(`.${PAY_HERE_CLASS}-state-paid`)?.textContent).toBe(
      `Paid${t.qrPaid}`,
    );
    dialog()?.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-modal-close")?.click();
    expect(dialog()).toBeNull();
  });

  it("keeps following the session when the proxy does not know the payment yet at onComplete", async () => {
    const paid = sessionView({ status: "complete", paymentStatus: "paid" });
    const { open, stripe, onSettled, timers } = render([sessionView(), sessionView(), paid]);
    open.click();
    await flush();
    stripe.seen.onComplete!();
    await flush();
    expect(onSettled).not.toHaveBeenCalled();
    timers.runNext();
    await flush();
    expect(onSettled).toHaveBeenCalledWith(expect.objectContaining({ state: "paid" }));
  });

  it("says the payment can no longer be made when the session has no client secret, and loads no Stripe.js", async () => {
    const { open, dialog, stripe } = render([sessionView({ clientSecret: undefined })]);
    open.click();
    await flush();
    expect(dialog()?.textContent).toContain(t.payHereNotOpen);
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it("says what to check when Stripe.js cannot be loaded", async () => {
    const { open, dialog, stripe } = render([]);
    stripe.loadStripe.mockRejectedValueOnce(new Error("offline"));
    open.click();
    await flush();
    expect(dialog()?.textContent).toContain(t.payHereLoadFailed);
  });

  it("is disabled, saying what is missing, without a publishable key", () => {
    const { open } = render([], null);
    expect(open.disabled).toBe(true);
    expect(open.title).toBe(t.payHereNotConfigured);
  });

  it("destroys the checkout when the dialog is closed", async () => {
    const { open, dialog, stripe } = render([]);
    open.click();
    await flush();
    dialog()?.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-modal-close")?.click();
    expect(stripe.seen.destroyed).toBe(1);
    expect(dialog()).toBeNull();
  });
});

describe("recordPayHere", () => {
  const client = { getSession: jest.fn() };
  const base = { messages: t, embeddedCheckout: SETTINGS, client };

  it("is offered for an embedded app's open session", () => {
    const node = recordPayHere(document, {
      ...base,
      mapping: { uiMode: "embedded" },
      checkout: { sessionId: "cs_1", status: "open" },
    });
    expect(node?.querySelector("button")?.textContent).toBe("Pay on this device");
  });

  it("is not offered for hosted sessions, records without a session, or closed sessions", () => {
    const open = { sessionId: "cs_1", status: "open" };
    expect(recordPayHere(document, { ...base, mapping: {}, checkout: open })).toBeNull();
    const embedded = { uiMode: "embedded" as const };
    expect(recordPayHere(document, { ...base, mapping: embedded, checkout: {} })).toBeNull();
    for (const status of ["complete", "expired"]) {
      const checkout = { sessionId: "cs_1", status };
      expect(recordPayHere(document, { ...base, mapping: embedded, checkout })).toBeNull();
    }
  });
});
