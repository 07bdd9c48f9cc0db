/** @jest-environment jsdom */
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { messages } from "../../i18n/messages";
import type { KintoneApi } from "../KintoneApi";
import { openCheckoutDialog, type CheckoutDialog } from "../openCheckoutDialog";
import {
  createdAnswer,
  fakeProxy,
  previewAnswer,
  proxyError,
  recordIdsOf,
  type ProxyRoute,
} from "./fakeProxy";

const mapping = (grouping: "single" | "perRecord"): MappingConfig => ({
  version: 1,
  source: { type: "records" },
  grouping,
  lineItem: { name: { field: "product_name" }, unitPrice: { field: "unit_price" } },
  currency: "JPY",
  successUrl: "https://example.com/done",
  writeBack: { url: "checkout_url", status: "checkout_status" },
});

const properties = {
  record_no: { type: "RECORD_NUMBER", code: "record_no", label: "Record number" },
  product_name: { type: "SINGLE_LINE_TEXT", code: "product_name", label: "Name" },
  unit_price: { type: "NUMBER", code: "unit_price", label: "Price" },
  checkout_status: { type: "DROP_DOWN", code: "checkout_status", label: "Checkout status" },
  checkout_url: { type: "LINK", code: "checkout_url", label: "Checkout URL" },
};

function record(id: number) {
  return {
    $id: { type: "__ID__", value: String(id) },
    $revision: { type: "__REVISION__", value: "3" },
    record_no: { type: "RECORD_NUMBER", value: `P-${id}` },
    product_name: { type: "SINGLE_LINE_TEXT", value: `Product ${id}` },
    checkout_status: { type: "DROP_DOWN", value: id === 2 ? "open" : "" },
  };
}

const api: KintoneApi = async (path) => {
  if (path === "/k/v1/app/form/fields.json") return { properties };
  return { records: [3, 2, 1].map(record), totalCount: "3" };
};

let dialog: CheckoutDialog;
const reload = jest.fn();

async function open(
  grouping: "single" | "perRecord",
  routes: Record<string, ProxyRoute>,
  viewApi: KintoneApi = api,
) {
  const proxy = fakeProxy(routes);
  dialog = openCheckoutDialog({
    document,
    messages: messages.en,
    language: "en",
    api: viewApi,
    client: proxy.client,
    appId: "1",
    query: "",
    mapping: mapping(grouping),
    reload,
    previewDelayMs: 0,
    pollMs: 0,
  });
  await dialog.loaded;
  return proxy;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const body = () => dialog.modal.dialog;
const check = async (id: string) => {
  body()
    .querySelector<HTMLInputElement>(
      `tr.kintone-stripe-checkout-record[data-record-id="${id}"] input`,
    )!
    .click();
  await settle();
};
const createButton = () =>
  body().querySelector<HTMLButtonElement>(".kintone-stripe-checkout-create")!;
const confirmDialog = () => document.querySelector("dialog.kintone-stripe-checkout-confirm");

/** Create, then OK in the confirmation; `settled`: wait for the answer too. */
const confirmCreate = async (settled = true) => {
  createButton().click();
  await settle();
  confirmDialog()!.querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-ok")!.click();
  if (settled) await settle();
};

afterEach(() => {
  document.body.replaceChildren();
  reload.mockClear();
});

describe("the list's checkout dialog", () => {
  it("lists the view's records with their record number and identifying fields", async () => {
    await open("single", {});
    const rows = [...body().querySelectorAll("tr.kintone-stripe-checkout-record")];
    expect(rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["", "P-3", "Product 3", "No link yet"],
      ["", "P-2", "Product 2", "Link open"],
      ["", "P-1", "Product 1", "No link yet"],
    ]);
    expect(body().querySelector("thead")?.textContent).toBe("Record numberNameCheckout status");
    expect(body().textContent).toContain("3 records in this view");
    expect(createButton().disabled).toBe(true);
  });

  it("previews what the checked records will charge, with the total", async () => {
    const { calls } = await open("single", {
      "POST v1/checkouts": (c) => previewAnswer(recordIdsOf(c), "single", 1500),
    });
    await check("1");
    await check("3");
    expect(calls.at(-1)?.data).toMatchObject({
      dryRun: true,
      records: [
        { id: "3", revision: "3" },
        { id: "1", revision: "3" },
      ],
    });
    expect(body().querySelectorAll(".kintone-stripe-checkout-line")).toHaveLength(2);
    expect(body().querySelector(".kintone-stripe-checkout-preview-grand-total")?.textContent).toBe(
      "Payment links: 1 · Total: ¥3,000",
    );
    expect(createButton().disabled).toBe(false);
    expect(createButton().textContent).toBe("Create 1 payment link");
  });

  it("shows each problem next to its record and blocks Create until it is unchecked", async () => {
    await open("single", {
      "POST v1/checkouts": (call) =>
        recordIdsOf(call).includes("2")
          ? proxyError(422, "VALIDATION_FAILED", [
              { recordId: "2", field: "unit_price", message: "is empty" },
            ])
          : previewAnswer(recordIdsOf(call), "single"),
    });
    await check("1");
    await check("2");
    const issueRow = body().querySelector<HTMLElement>(
      'tr.kintone-stripe-checkout-issue-row[data-record-id="2"]',
    )!;
    expect(issueRow.hidden).toBe(false);
    // Named by its label, as the user knows the field.
    expect(issueRow.textContent).toBe("Price: is empty");
    expect(
      body().querySelector<HTMLElement>('tr.kintone-stripe-checkout-issue-row[data-record-id="1"]')!
        .hidden,
    ).toBe(true);
    expect(createButton().disabled).toBe(true);

    [...body().querySelectorAll("button")]
      .find((b) => b.textContent === messages.en.uncheckProblemRecords)!
      .click();
    await settle();
    expect(issueRow.hidden).toBe(true);
    expect(createButton().disabled).toBe(false);
  });

  it("asks for confirmation naming count and total; Back creates nothing", async () => {
    const { calls } = await open("perRecord", {
      "POST v1/checkouts": (c) =>
        c.data.dryRun
          ? previewAnswer(recordIdsOf(c), "perRecord", 1800)
          : createdAnswer(recordIdsOf(c), "perRecord"),
    });
    await check("1");
    await check("2");
    createButton().click();
    await settle();
    expect(confirmDialog()?.textContent).toContain("Payment links: 2 · Records: 2 · Total: ¥3,600");
    // Record 2 has an open link that the new one replaces.
    expect(confirmDialog()?.textContent).toContain(
      "1 record's open link is replaced and stops working.",
    );
    confirmDialog()!
      .querySelector<HTMLButtonElement>(".kintone-stripe-checkout-confirm-cancel")!
      .click();
    await settle();
    expect(calls.filter((c) => c.data.dryRun === false)).toHaveLength(0);
  });

  it("creates after confirmation with the revisions the user saw, then offers the links and a reload", async () => {
    const { calls } = await open("single", {
      "POST v1/checkouts": (c) =>
        c.data.dryRun
          ? previewAnswer(recordIdsOf(c), "single")
          : createdAnswer(recordIdsOf(c), "single"),
    });
    await check("1");
    await check("2");
    await check("3");
    await confirmCreate();
    const create = calls.filter((c) => c.data.dryRun === false);
    expect(create).toHaveLength(1);
    expect(create[0]?.data.records).toEqual([
      { id: "3", revision: "3" },
      { id: "2", revision: "3" },
      { id: "1", revision: "3" },
    ]);
    expect(body().textContent).toContain("1 payment link created.");
    const url = body().querySelector<HTMLInputElement>(".kintone-stripe-checkout-link-url")!;
    expect(url.value).toBe("https://checkout.example.com/c/pay/cs_test_3_2_1");
    expect(reload).not.toHaveBeenCalled();
    body().querySelector<HTMLButtonElement>(".kintone-stripe-checkout-reload")!.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("says a changed record must be reloaded, and that nothing was charged", async () => {
    await open("single", {
      "POST v1/checkouts": (c) =>
        c.data.dryRun
          ? previewAnswer(recordIdsOf(c), "single")
          : proxyError(409, "RECORD_CHANGED", [{ recordId: "1", expected: "3", actual: "4" }]),
    });
    await check("1");
    await confirmCreate();
    const notice = body().querySelector(".kintone-stripe-checkout-notice-error");
    expect(notice?.textContent).toContain(messages.en.proxyErrorRecordChanged);
    expect(notice?.textContent).toContain("Record P-1");
    expect(body().querySelector(".kintone-stripe-checkout-reload")).not.toBeNull();
    // Creating again would only fail the same way: the user must reload first.
    expect(createButton().disabled).toBe(true);
  });

  it("runs a per-record batch of more than 100 as a job with a progress bar and a summary", async () => {
    const many = Array.from({ length: 150 }, (_, i) => record(i + 1));
    const manyApi: KintoneApi = async (path) =>
      path === "/k/v1/app/form/fields.json" ? { properties } : { records: many, totalCount: "150" };
    const seenProgress: number[] = [];
    const polls = [
      { id: "j1", status: "running", total: 150, done: 60, failed: 0 },
      {
        id: "j1",
        status: "partially_failed",
        total: 150,
        done: 149,
        failed: 1,
        errors: [{ recordId: "9", code: "STRIPE_ERROR", message: "card_declined" }],
      },
    ];
    const routes: Record<string, ProxyRoute> = {
      "POST v1/checkouts": (c) => previewAnswer(recordIdsOf(c), "perRecord"),
      "POST v1/jobs": () => ({ status: 202, body: { job: { id: "j1", status: "queued" } } }),
      "GET v1/jobs/j1": () => {
        seenProgress.push(body().querySelector("progress")?.value ?? -1);
        return { status: 200, body: { job: polls.shift() } };
      },
    };
    const proxy = await open("perRecord", routes, manyApi);
    [...body().querySelectorAll("button")].find((b) => b.textContent === "Select all")!.click();
    await settle();
    expect(
      proxy.calls.filter((c) => c.path === "v1/checkouts").map((c) => recordIdsOf(c).length),
    ).toEqual([100, 50]);
    await confirmCreate(false);
    for (let i = 0; i < 100 && !body().textContent?.includes("created"); i++) await settle();
    expect(
      proxy.calls.find((c) => c.method === "POST" && c.path === "v1/jobs")?.data.records,
    ).toHaveLength(150);
    expect(seenProgress).toEqual([0, 60]);
    expect(body().textContent).toContain("149 payment links created.");
    expect(body().textContent).toContain("1 record failed:");
    expect(body().textContent).toContain("Record P-9: Stripe refused the request: card_declined");
  });
});
