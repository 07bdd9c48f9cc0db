/** @jest-environment jsdom */
import { testMapping } from "../../__tests__/testMapping";
import { messages } from "../../i18n/messages";
import {
  createdAnswer,
  fakeProxy,
  previewAnswer,
  proxyError,
  type ProxyRoute,
} from "../../list/__tests__/fakeProxy";
import { addDetailButtons, DETAIL_BUTTONS_ID } from "../addDetailButtons";

const mapping = testMapping({ currency: "USD" });

const session = (status: string) => ({
  status: 200,
  body: {
    session: {
      id: "cs_1",
      url: "https://pay/cs_1",
      status,
      paymentStatus: "unpaid",
      amountTotal: 2800,
      currency: "usd",
      customerEmail: null,
      expiresAt: "2026-11-24T00:00:00Z",
      appId: "1",
      recordIds: ["7"],
    },
  },
});

let space: HTMLElement;
const reload = jest.fn();
const copy = jest.fn(async () => true);
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function render(
  fields: Record<string, string>,
  routes: Record<string, ProxyRoute> = {},
  settingsMapping = mapping,
  language: "ja" | "en" = "en",
) {
  const proxy = fakeProxy(routes);
  const record = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v }]));
  addDetailButtons(space, {
    messages: messages[language],
    language,
    appId: "1",
    recordId: "7",
    record: { $revision: { value: "5" }, ...record },
    settings: { mapping: settingsMapping, client: proxy.client },
    reload,
    copy,
  });
  return proxy;
}

const buttonOf = (name: string) =>
  space.querySelector<HTMLButtonElement>(`.kintone-stripe-checkout-detail-${name}`)!;
/** Whether create, sync, expire and copy are disabled, in that order. */
const disabledButtons = () =>
  ["create", "sync", "expire", "copy"].map((name) => buttonOf(name).disabled);
const confirmButton = (which: "ok" | "cancel") =>
  document.querySelector<HTMLButtonElement>(
    `dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-${which}`,
  );

/** Clicks the button and answers what the confirmation it opens says. */
const confirmationOf = async (name: string) => {
  buttonOf(name).click();
  await settle();
  return document.querySelector("dialog.kintone-stripe-checkout-confirm")?.textContent;
};

beforeEach(() => {
  document.body.replaceChildren();
  space = document.createElement("div");
  document.body.append(space);
  reload.mockClear();
  copy.mockClear();
});

describe("the record's buttons", () => {
  it("are disabled as the record's checkout state says", () => {
    render({});
    expect(disabledButtons()).toEqual([false, true, true, true]);
    expect(buttonOf("create").textContent).toBe("Create payment link");

    render({ sid: "cs_1", link: "https://pay/cs_1", state: "open" });
    expect(space.querySelectorAll(`#${DETAIL_BUTTONS_ID}`)).toHaveLength(1);
    expect(disabledButtons()).toEqual([false, false, false, false]);
    expect(buttonOf("create").textContent).toBe("Re-issue payment link");
  });

  it("shows the amount before creating, and creates with the record's revision only when confirmed", async () => {
    const { calls } = render(
      {},
      {
        "POST v1/checkouts": (c) =>
          c.data.dryRun
            ? previewAnswer(["7"], "perRecord", 2800, "usd")
            : createdAnswer(["7"], "perRecord"),
      },
    );
    expect(await confirmationOf("create")).toContain("$28.00");
    confirmButton("ok")!.click();
    await settle();
    expect(calls.map((c) => c.data.dryRun)).toEqual([true, false]);
    expect(calls[1]?.data.records).toEqual([{ id: "7", revision: "5" }]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("warns that re-issuing stops the current link, and does nothing on Back", async () => {
    const { calls } = render(
      { sid: "cs_1", link: "https://pay/cs_1", state: "open" },
      {
        "POST v1/checkouts": () => previewAnswer(["7"], "perRecord", 2800, "usd"),
      },
    );
    expect(await confirmationOf("create")).toContain("The current link will stop working");
    confirmButton("cancel")!.click();
    await settle();
    expect(calls.filter((c) => c.data.dryRun === false)).toHaveLength(0);
    expect(reload).not.toHaveBeenCalled();
    expect(buttonOf("create").disabled).toBe(false);
  });

  it("expires only after confirmation, then reloads", async () => {
    const { calls } = render(
      { sid: "cs_1", link: "https://pay/cs_1", state: "open" },
      { "POST v1/checkouts/cs_1/expire": () => session("expired") },
    );
    buttonOf("expire").click();
    await settle();
    expect(calls).toHaveLength(0);
    confirmButton("ok")!.click();
    await settle();
    expect(calls.map((c) => c.path)).toEqual(["v1/checkouts/cs_1/expire"]);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("refreshes the status without asking, and shows a proxy error in the user's words", async () => {
    const { calls } = render(
      { sid: "cs_1", state: "open" },
      { "POST v1/checkouts/cs_1/sync": () => proxyError(404, "SESSION_NOT_FOUND") },
    );
    buttonOf("sync").click();
    await settle();
    expect(calls.map((c) => c.path)).toEqual(["v1/checkouts/cs_1/sync"]);
    expect(space.textContent).toContain(messages.en.proxyErrorSessionNotFound);
    expect(reload).not.toHaveBeenCalled();
    expect(buttonOf("sync").disabled).toBe(false);
  });

  it("copies the record's link", async () => {
    render({ sid: "cs_1", link: "https://pay/cs_1", state: "open" });
    buttonOf("copy").click();
    await settle();
    expect(copy).toHaveBeenCalledWith("https://pay/cs_1");
    expect(space.textContent).toContain("Copied");
  });

  it("disables Create on a paid record and says why, in the user's language", () => {
    const withPayment = testMapping({
      writeBack: { sessionId: "sid", url: "link", status: "state", paymentStatus: "pay" },
    });
    const paid = { sid: "cs_1", state: "complete", pay: "paid" };
    render(paid, {}, withPayment);
    expect(disabledButtons()).toEqual([true, false, true, true]);
    const caption = space.querySelector(".kintone-stripe-checkout-detail-blocked");
    expect(caption?.textContent).toContain("Paid");
    expect(caption?.textContent).toContain(messages.en.billedReason);
    expect(caption?.textContent).toContain(messages.en.billedHowToAllow);
    expect(buttonOf("create").title).toContain(messages.en.billedReason);

    render({ sid: "cs_1", state: "complete", pay: "unpaid" }, {}, withPayment, "ja");
    expect(buttonOf("create").disabled).toBe(true);
    expect(space.textContent).toContain("入金待ち");
    expect(space.textContent).toContain(messages.ja.billedReasonAwaiting);
  });

  it("offers Create on a paid record when the app allows repeat payments", () => {
    const repeat = testMapping({
      allowRepeatPayment: true,
      writeBack: { sessionId: "sid", status: "state", paymentStatus: "pay" },
    });
    render({ sid: "cs_1", state: "complete", pay: "paid" }, {}, repeat);
    expect(buttonOf("create").disabled).toBe(false);
    expect(space.querySelector(".kintone-stripe-checkout-detail-blocked")).toBeNull();
  });

  it("explains a 409 RECORD_ALREADY_PAID: which record, and that no link was made", async () => {
    render(
      {},
      {
        "POST v1/checkouts": () =>
          proxyError(409, "RECORD_ALREADY_PAID", [
            { recordId: "7", sessionId: "cs_9", paymentStatus: "partially_refunded" },
          ]),
      },
    );
    buttonOf("create").click();
    await settle();
    expect(space.textContent).toContain(messages.en.proxyErrorRecordAlreadyPaid);
    expect(space.textContent).toContain("Record 7: Partially refunded (session cs_9)");
    expect(reload).not.toHaveBeenCalled();
  });

  it("says the plugin is not set up instead of offering buttons", () => {
    addDetailButtons(space, {
      messages: messages.ja,
      language: "ja",
      appId: "1",
      recordId: "7",
      record: {},
      reload,
    });
    expect(space.querySelectorAll("button")).toHaveLength(0);
    expect(space.textContent).toBe(messages.ja.notConfigured);
  });
});
