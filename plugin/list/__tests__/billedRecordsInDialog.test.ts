/** @jest-environment jsdom */
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { messages, type Language } from "../../i18n/messages";
import type { KintoneApi } from "../KintoneApi";
import { openCheckoutDialog, type CheckoutDialog } from "../openCheckoutDialog";
import { fakeProxy, previewAnswer, proxyError, recordIdsOf, type ProxyRoute } from "./fakeProxy";

/** Orders in every billing state: [id, checkout status, payment status]. */
const ORDERS: Array<[string, string, string]> = [
  ["1", "", ""],
  ["2", "complete", "paid"],
  ["3", "complete", "unpaid"], // konbini chosen, not paid yet
  ["4", "open", "unpaid"],
  ["5", "complete", "refunded"],
  ["6", "complete", "disputed"],
];

const properties = {
  customer: { type: "SINGLE_LINE_TEXT", code: "customer", label: "Customer" },
  state: { type: "DROP_DOWN", code: "state", label: "Checkout status" },
  payment: { type: "DROP_DOWN", code: "payment", label: "Payment status" },
};

const listApi: KintoneApi = async (path) => {
  if (path === "/k/v1/app/form/fields.json") return { properties };
  return {
    records: ORDERS.map(([id, state, payment]) => ({
      $id: { value: id },
      $revision: { value: "1" },
      customer: { value: `Customer ${id}` },
      state: { value: state },
      payment: { value: payment },
    })),
    totalCount: String(ORDERS.length),
  };
};

const baseMapping: MappingConfig = {
  version: 1,
  source: { type: "records" },
  grouping: "perRecord",
  lineItem: { name: { field: "customer" }, unitPrice: { const: 1000 } },
  currency: "JPY",
  successUrl: "https://example.com/done",
  writeBack: { status: "state", paymentStatus: "payment" },
};

let dialog: CheckoutDialog;

const previewEverything: ProxyRoute = (call) => previewAnswer(recordIdsOf(call), "perRecord");

async function openWith(
  overrides: Partial<MappingConfig> = {},
  language: Language = "en",
  checkouts: ProxyRoute = previewEverything,
) {
  const proxy = fakeProxy({ "POST v1/checkouts": checkouts });
  dialog = openCheckoutDialog({
    document,
    messages: messages[language],
    language,
    api: listApi,
    client: proxy.client,
    appId: "2",
    query: "",
    mapping: { ...baseMapping, ...overrides },
    reload: () => undefined,
    previewDelayMs: 0,
  });
  await dialog.loaded;
  return proxy;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const recordRow = (id: string) =>
  dialog.modal.dialog.querySelector<HTMLTableRowElement>(
    `tr.kintone-stripe-checkout-record[data-record-id="${id}"]`,
  )!;
const checkboxOf = (id: string) => recordRow(id).querySelector("input")!;
const disabledIds = () => ORDERS.map(([id]) => id).filter((id) => checkboxOf(id).disabled);
const clickButton = (text: string) =>
  [...dialog.modal.dialog.querySelectorAll("button")].find((b) => b.textContent === text)!.click();

afterEach(() => document.body.replaceChildren());

describe("billed records in the list's checkout dialog", () => {
  it("shows paid, awaiting and disputed records as such, and they cannot be checked", async () => {
    await openWith();
    expect(disabledIds()).toEqual(["2", "3", "6"]);
    const badge = (id: string) =>
      recordRow(id).querySelector(".kintone-stripe-checkout-billed-badge")?.textContent;
    expect(["1", "2", "3", "4", "5", "6"].map(badge)).toEqual([
      undefined,
      "Paid",
      "Awaiting payment",
      undefined,
      undefined,
      "Disputed",
    ]);
    expect(recordRow("2").textContent).toContain(messages.en.billedReason);
    expect(recordRow("3").textContent).toContain(messages.en.billedReasonAwaiting);
    expect(checkboxOf("2").title).toContain(messages.en.billedHowToAllow);
    expect(dialog.modal.dialog.querySelector("thead")?.textContent).toContain("Payment");
    const note = dialog.modal.dialog.querySelector<HTMLElement>(
      ".kintone-stripe-checkout-billed-note",
    )!;
    expect(note.hidden).toBe(false);
    expect(note.textContent).toContain("3 billed records cannot be chosen.");
  });

  it("leaves billed records out of Select all and ignores clicks on their rows", async () => {
    const proxy = await openWith();
    clickButton("Select all");
    recordRow("2").click();
    await tick();
    expect(proxy.calls.at(-1)?.data.records).toEqual([
      { id: "1", revision: "1" },
      { id: "4", revision: "1" },
      { id: "5", revision: "1" },
    ]);
    const header = dialog.modal.dialog.querySelector<HTMLInputElement>("thead input")!;
    expect([header.checked, header.indeterminate]).toEqual([true, false]);
    expect(dialog.modal.dialog.textContent).toContain("3 selected");
  });

  it("lets every record be checked when the app allows repeat payments, still showing the badge", async () => {
    await openWith({ allowRepeatPayment: true });
    expect(disabledIds()).toEqual([]);
    expect(recordRow("2").textContent).toContain("Paid");
    expect(recordRow("2").textContent).not.toContain(messages.en.billedReason);
    expect(
      dialog.modal.dialog.querySelector<HTMLElement>(".kintone-stripe-checkout-billed-note")!
        .hidden,
    ).toBe(true);
  });

  it("behaves as before when no payment status is written back: the proxy decides", async () => {
    await openWith({ writeBack: { status: "state" } });
    expect(disabledIds()).toEqual([]);
    expect(dialog.modal.dialog.querySelector(".kintone-stripe-checkout-billed-badge")).toBeNull();
    expect(dialog.modal.dialog.querySelector("thead")?.textContent).not.toContain("Payment");
  });

  it("says it in Japanese", async () => {
    await openWith({}, "ja");
    expect(recordRow("2").textContent).toContain("支払い済み");
    expect(recordRow("3").textContent).toContain("入金待ち");
    expect(recordRow("2").textContent).toContain(messages.ja.billedReason);
    expect(dialog.modal.dialog.textContent).toContain("請求済みのレコード 3 件は選べません。");
  });

  it("explains a record paid meanwhile (409 RECORD_ALREADY_PAID) and offers a reload", async () => {
    await openWith({}, "en", (call) =>
      call.data.dryRun
        ? previewAnswer(recordIdsOf(call), "perRecord")
        : proxyError(409, "RECORD_ALREADY_PAID", [
            { recordId: "1", sessionId: "cs_paid", paymentStatus: "paid" },
          ]),
    );
    checkboxOf("1").click();
    await tick();
    dialog.modal.dialog
      .querySelector<HTMLButtonElement>(".kintone-stripe-checkout-create")!
      .click();
    await tick();
    document
      .querySelector<HTMLButtonElement>(
        "dialog.kintone-stripe-checkout-confirm .kintone-stripe-checkout-confirm-ok",
      )!
      .click();
    await tick();
    const notice = dialog.modal.dialog.querySelector(".kintone-stripe-checkout-notice-error");
    expect(notice?.textContent).toContain(messages.en.proxyErrorRecordAlreadyPaid);
    expect(notice?.textContent).toContain("Record 1: Paid (session cs_paid)");
    expect(
      dialog.modal.dialog.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-create")!
        .disabled,
    ).toBe(true);
    expect(dialog.modal.dialog.querySelector(".kintone-stripe-checkout-reload")).not.toBeNull();
  });

  it("offers to uncheck records the proxy found billed that the list could not tell", async () => {
    const proxy = await openWith({}, "en", (call) =>
      recordIdsOf(call).includes("4")
        ? proxyError(409, "RECORD_ALREADY_PAID", [
            { recordId: "4", sessionId: "cs_new", paymentStatus: "paid" },
          ])
        : previewAnswer(recordIdsOf(call), "perRecord"),
    );
    checkboxOf("1").click();
    checkboxOf("4").click();
    await tick();
    expect(dialog.modal.dialog.textContent).toContain("Record 4: Paid (session cs_new)");
    clickButton("Uncheck the billed records");
    await tick();
    expect(checkboxOf("4").checked).toBe(false);
    expect(checkboxOf("1").checked).toBe(true);
    expect(proxy.calls.at(-1)?.data.records).toEqual([{ id: "1", revision: "1" }]);
  });
});
