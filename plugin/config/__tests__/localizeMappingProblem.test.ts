import { validateMappingConfig } from "../../../core/mapping/parseMappingConfig";
import { testMapping } from "../../__tests__/testMapping";
import { messages } from "../../i18n/messages";
import { localizeMappingProblem } from "../localizeMappingProblem";

const base = testMapping({ successUrl: "https://shop.example.com/thanks", writeBack: {} });

/** The problem core itself reports for a mapping, so a change in core's wording shows here. */
function coreProblem(overrides: Record<string, unknown>): string {
  const result = validateMappingConfig({ ...base, ...overrides });
  if (result.ok) throw new Error("expected a problem");
  const [first] = result.problems;
  if (first === undefined) throw new Error("expected a problem");
  return first.message;
}

const lineItem = (extra: Record<string, unknown>) => ({ lineItem: { ...base.lineItem, ...extra } });

describe("localizeMappingProblem", () => {
  it.each([
    [{ currency: "XXX" }, '"XXX" は Stripe が扱う通貨ではありません。'],
    [
      lineItem({ image: { field: "f", index: 0, all: true } }),
      "ファイルの番号と「すべての画像」は同時に指定できません。",
    ],
    [lineItem({ unitPrice: { const: "12.5" } }), '"12.5" は価格として使えません'],
    [lineItem({ quantity: { const: "1.5" } }), '"1.5" は整数ではありません。'],
    [lineItem({ quantity: { const: "0" } }), "1〜999999 の範囲で指定してください。"],
    [
      lineItem({ minQuantity: { const: "5" }, maxQuantity: { const: "2" } }),
      "最大 2 が最小 5 より小さくなっています。",
    ],
    [
      lineItem({ quantity: { const: "9" }, maxQuantity: { const: "5" } }),
      "数量 9 が最大 5 を超えています。",
    ],
    [
      lineItem({ quantity: { const: "1" }, minQuantity: { const: "2" } }),
      "数量 1 が最小 2 を下回っています。",
    ],
    [
      { successUrl: "ftp://shop.example.com/" },
      "http:// または https:// で始まる URL を入力してください。",
    ],
    [
      { writeBack: { url: "a", sessionId: "a" } },
      "フィールド a は「url」の書き戻しにも使われています。",
    ],
  ])("says core's problem for %j in Japanese", (overrides, japanese) => {
    expect(localizeMappingProblem(coreProblem(overrides), messages.ja)).toContain(japanese);
  });

  it("shows a problem it does not know as core wrote it", () => {
    expect(localizeMappingProblem("Invalid input", messages.ja)).toBe("Invalid input");
  });
});
