/** @jest-environment jsdom */
import { testMapping } from "../../__tests__/testMapping";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { messages } from "../../i18n/messages";
import { fakeProxy, proxyError, type ProxyRoute } from "../../list/__tests__/fakeProxy";
import { addDetailButtons } from "../addDetailButtons";
import { CANCEL_DIALOG_CLASS } from "../confirmCancelSubscription";
import { SUBSCRIPTION_PANEL_CLASS } from "../subscriptionPanel";

const membership: MappingConfig = {
  ...testMapping({ mode: "subscription" }),
  lineItem: {
    name: { field: "name" },
    unitPrice: { field: "price" },
    recurring: { interval: { const: "month" } },
  },
};

const subscriptionSession = (extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: {
    session: {
      id: "cs_1",
      url: null,
      status: "complete",
      paymentStatus: "paid",
      amountTotal: 5000,
      currency: "jpy",
      customerEmail: "hanako@example.com",
      expiresAt: "2026-12-08T00:00:00Z",
      appId: "1",
      recordIds: ["7"],
      subscriptionId: "sub_1",
      subscriptionStatus: "active",
      currentPeriodEnd: "2027-01-07T00:00:00Z",
      cancelAtPeriodEnd: false,
      ...extra,
    },
  },
});

const cancelled = (atPeriodEnd: boolean) => ({
  status: 200,
  body: {
    subscription: {
      id: "sub_1",
      status: atPeriodEnd ? "active" : "canceled",
      cancelAtPeriodEnd: atPeriodEnd,
      currentPeriodEnd: "2027-01-07T00:00:00Z",
      appId: "1",
      recordIds: ["7"],
    },
  },
});

let space: HTMLElement;
const reload = jest.fn();
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const storage = () => {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
};

async function render(
  routes: Record<string, ProxyRoute>,
  language: "ja" | "en" = "en",
  mapping = membership,
) {
  const proxy = fakeProxy(routes);
  const notices = storage();
  addDetailButtons(space, {
    messages: messages[language],
    language,
    appId: "1",
    recordId: "7",
    record: { $revision: { value: "5" }, sid: { value: "cs_1" }, state: { value: "complete" } },
    settings: { mapping, client: proxy.client },
    subscriptions: proxy.client,
    reload,
    storage: notices,
  });
  await settle();
  const panel = space.querySelector<HTMLElement>(`.${SUBSCRIPTION_PANEL_CLASS}`);
  return { proxy, panel, notices };
}

beforeEach(() => {
  document.body.replaceChildren();
  space = document.createElement("div");
  document.body.append(space);
  reload.mockReset();
});

describe("the record's subscription", () => {
  it("shows an active monthly membership, its amount per month and next renewal", async () => {
    const { panel } = await render({ "GET v1/checkouts/cs_1": () => subscriptionSession() });
    expect(panel?.hidden).toBe(false);
    const pill = panel!.querySelector<HTMLElement>("[data-status]")!;
    expect([pill.textContent, pill.classList.contains(`${SUBSCRIPTION_PANEL_CLASS}-good`)]).toEqual(
      ["Active", true],
    );
    expect(panel!.textContent).toContain("¥5,000 / month");
    expect(panel!.textContent).toContain("Next renewal: Jan 7, 2027");
  });

  it("says it in Japanese, and a past-due one in a warning colour", async () => {
    const { panel } = await render(
      { "GET v1/checkouts/cs_1": () => subscriptionSession({ subscriptionStatus: "past_due" }) },
      "ja",
    );
    const pill = panel!.querySelector<HTMLElement>("[data-status]")!;
    expect([
      pill.textContent,
      pill.classList.contains(`${SUBSCRIPTION_PANEL_CLASS}-warning`),
    ]).toEqual(["支払い遅延", true]);
    expect(panel!.textContent).toContain("￥5,000 / 月");
    expect(panel!.textContent).toContain("定期課金を解約");
  });

  it("says when a subscription cancelled at period end ends, and offers no second cancel", async () => {
    const { panel } = await render({
      "GET v1/checkouts/cs_1": () => subscriptionSession({ cancelAtPeriodEnd: true }),
    });
    expect(panel!.textContent).toContain("Ends on Jan 7, 2027");
    expect(panel!.querySelector(`.${SUBSCRIPTION_PANEL_CLASS}-cancel`)).toBeNull();
  });

  it("stays hidden for a one-time checkout", async () => {
    const { panel } = await render({
      "GET v1/checkouts/cs_1": () => subscriptionSession({ subscriptionId: undefined }),
    });
    expect(panel?.hidden).toBe(true);
  });

  it("is not asked for in payment mode", async () => {
    const { proxy, panel } = await render({}, "en", testMapping());
    expect(panel).toBeNull();
    expect(proxy.calls.filter((call) => call.path === "v1/checkouts/cs_1")).toEqual([]);
  });

  it("cancels at the period's end by default, after a confirmation naming the customer and amount", async () => {
    let body: unknown;
    const { panel, notices } = await render({
      "GET v1/checkouts/cs_1": () => subscriptionSession(),
      "POST v1/subscriptions/sub_1/cancel": (call) => {
        body = call.data;
        return cancelled(true);
      },
    });
    panel!.querySelector<HTMLButtonElement>(`.${SUBSCRIPTION_PANEL_CLASS}-cancel`)!.click();
    const dialog = document.querySelector<HTMLElement>(`dialog.${CANCEL_DIALOG_CLASS}`)!;
    expect(dialog.textContent).toContain("hanako@example.com");
    expect(dialog.textContent).toContain("¥5,000 / month");
    expect(dialog.textContent).toContain("At the end of the current period (Jan 7, 2027)");
    dialog.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-ok")!.click();
    await settle();
    expect(body).toEqual({ atPeriodEnd: true });
    expect(reload).toHaveBeenCalledTimes(1);
    expect([...notices.values.values()].join()).toContain(messages.en.subscriptionCancelScheduled);
  });

  it("cancels now when chosen, and sends nothing when kept", async () => {
    const bodies: unknown[] = [];
    const { panel } = await render({
      "GET v1/checkouts/cs_1": () => subscriptionSession(),
      "POST v1/subscriptions/sub_1/cancel": (call) => {
        bodies.push(call.data);
        return cancelled(false);
      },
    });
    const cancel = panel!.querySelector<HTMLButtonElement>(`.${SUBSCRIPTION_PANEL_CLASS}-cancel`)!;
    cancel.click();
    document.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-cancel")!.click();
    await settle();
    expect(bodies).toEqual([]);
    cancel.click();
    const dialog = document.querySelector<HTMLElement>(`dialog.${CANCEL_DIALOG_CLASS}`)!;
    dialog.querySelector<HTMLInputElement>('input[value="now"]')!.checked = true;
    dialog.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-ok")!.click();
    await settle();
    expect(bodies).toEqual([{ atPeriodEnd: false }]);
  });

  it("says why the proxy refused, without reloading", async () => {
    const { panel } = await render({
      "GET v1/checkouts/cs_1": () => subscriptionSession(),
      "POST v1/subscriptions/sub_1/cancel": () => proxyError(404, "SESSION_NOT_FOUND"),
    });
    panel!.querySelector<HTMLButtonElement>(`.${SUBSCRIPTION_PANEL_CLASS}-cancel`)!.click();
    document.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-ok")!.click();
    await settle();
    expect(reload).not.toHaveBeenCalled();
    expect(space.textContent).toContain(messages.en.proxyErrorSessionNotFound);
  });
});
