import { recordErrorText } from "../billingErrorText";
import { appFieldLabels } from "../appFieldLabels";
import { ValidationFailedError } from "../../errors/ValidationFailedError";
import type { FormField } from "../../ports/RecordStore";

const FORM: FormField[] = [
  { code: "price", label: "価格", type: "NUMBER" },
  {
    code: "items",
    label: "明細",
    type: "SUBTABLE",
    fields: [{ code: "item_qty", label: "数量", type: "NUMBER" }],
  },
];

describe("appFieldLabels", () => {
  it("knows the labels of fields and of subtable columns", async () => {
    const labelOf = await appFieldLabels({ getFormFields: () => Promise.resolve(FORM) }, "12");
    expect([labelOf("price"), labelOf("item_qty"), labelOf("unknown")]).toEqual([
      "価格",
      "数量",
      undefined,
    ]);
  });

  it("knows no label when kintone cannot be read, so the codes stay", async () => {
    const labelOf = await appFieldLabels(
      { getFormFields: () => Promise.reject(new Error("kintone is down")) },
      "12",
    );
    expect(labelOf("price")).toBeUndefined();
  });
});

describe("recordErrorText with the app's labels", () => {
  const refusal = new ValidationFailedError([
    {
      recordId: "7",
      row: 2,
      field: "item_qty",
      message: "2 行目: 「item_qty」は整数で入力してください。",
    },
    { recordId: "7", field: "price", message: "値を入力してください" },
  ]);

  it("names each field by its label, once, and the code nowhere", async () => {
    const labelOf = await appFieldLabels({ getFormFields: () => Promise.resolve(FORM) }, "12");
    const text = recordErrorText(refusal, "7", "ja", labelOf)!;
    expect(text).toBe(
      "決済リンクを作成できませんでした: 2 行目: 「数量」は整数で入力してください。価格: 値を入力してください。",
    );
    expect(text).not.toMatch(/item_qty|price/);
  });
});
