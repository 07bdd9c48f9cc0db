/** @jest-environment jsdom */
import { testMapping } from "../../../__tests__/testMapping";
import { addDetailButtons } from "../../../detail/addDetailButtons";
import { messages } from "../../../i18n/messages";
import { LAST_ERROR_CLASS } from "../../../billing/lastErrorNote";
import { fakeProxy, previewAnswer, recordIdsOf } from "../../__tests__/fakeProxy";
import type { KintoneApi } from "../../KintoneApi";
import { openCheckoutDialog } from "../../openCheckoutDialog";
import { RECENT_JOBS_CLASS } from "../recentJobs";

const mapping = testMapping({ writeBack: { url: "link", status: "state", error: "why" } });
const properties = {
  name: { type: "SINGLE_LINE_TEXT", code: "name", label: "Name" },
  price: { type: "NUMBER", code: "price", label: "Price" },
  state: { type: "DROP_DOWN", code: "state", label: "Status" },
  why: { type: "MULTI_LINE_TEXT", code: "why", label: "Error" },
};
const records = [
  { $id: { value: "3" }, $revision: { value: "2" }, name: { value: "Tea" }, why: { value: "" } },
  {
    $id: { value: "9" },
    $revision: { value: "4" },
    name: { value: "Cup" },
    why: { value: "No payment link made: price: is empty" },
  },
];
const fetched: unknown[] = [];
const api: KintoneApi = async (path, _method, params) => {
  if (path === "/k/v1/app/form/fields.json") return { properties };
  fetched.push(params);
  return { records, totalCount: String(records.length) };
};
const job = {
  id: "job_1",
  status: "partially_failed",
  total: 2,
  done: 1,
  failed: 1,
  createdAt: "2026-12-07T09:00:00.000Z",
  errors: [{ recordId: "9", code: "VALIDATION_FAILED", message: "price: is empty" }],
};

function open() {
  const proxy = fakeProxy({
    "GET v1/jobs": () => ({ status: 200, body: { jobs: [job] } }),
    "POST v1/checkouts": (c) => previewAnswer(recordIdsOf(c), "perRecord"),
  });
  const dialog = openCheckoutDialog({
    document,
    messages: messages.en,
    language: "en",
    api,
    client: proxy.client,
    appId: "1",
    query: "",
    mapping,
    reload: () => undefined,
    previewDelayMs: 0,
  });
  return { dialog, proxy };
}

describe("the list dialog's recent jobs and records' last errors", () => {
  it("shows the app's job again after the dialog is closed and opened again", async () => {
    const first = open();
    await Promise.all([first.dialog.loaded, first.dialog.jobsLoaded]);
    const section = () => document.querySelector(`.${RECENT_JOBS_CLASS}`)!;
    expect(section().textContent).toContain("1 of 2 records done, 1 failed");
    first.dialog.modal.close();
    expect(document.querySelector(`.${RECENT_JOBS_CLASS}`)).toBeNull();

    const again = open();
    await Promise.all([again.dialog.loaded, again.dialog.jobsLoaded]);
    expect(section().textContent).toContain("Record 9: price: is empty");
    expect(
      again.proxy.calls.filter((c) => c.method === "GET" && c.path === "v1/jobs"),
    ).toHaveLength(1);
    again.dialog.modal.close();
  });

  it("reads each record's error field and shows it in its row", async () => {
    const { dialog } = open();
    await dialog.loaded;
    expect(fetched.at(-1)).toMatchObject({ fields: expect.arrayContaining(["why"]) });
    const row = (id: string) =>
      document.querySelector(`tr.kintone-stripe-checkout-record[data-record-id="${id}"]`)!;
    expect(row("3").querySelector(`.${LAST_ERROR_CLASS}`)).toBeNull();
    expect(row("9").querySelector(`.${LAST_ERROR_CLASS}`)?.textContent).toBe(
      "Last errorNo payment link made: price: is empty",
    );
    dialog.modal.close();
  });
});

describe("the record screen", () => {
  it("shows the record's last error beside its buttons", () => {
    const space = document.createElement("div");
    document.body.append(space);
    addDetailButtons(space, {
      messages: messages.ja,
      language: "ja",
      appId: "1",
      recordId: "9",
      record: {
        $revision: { value: "4" },
        why: { value: "決済リンクを作成できませんでした: price: 空です" },
      },
      settings: { mapping, client: fakeProxy({}).client },
      reload: () => undefined,
    });
    expect(space.querySelector(`.${LAST_ERROR_CLASS}`)?.textContent).toBe(
      "前回のエラー決済リンクを作成できませんでした: price: 空です",
    );
  });
});
