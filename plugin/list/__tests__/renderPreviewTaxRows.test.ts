/** @jest-environment jsdom */
import type { PreviewSession } from "../../../core/api/proxyApi";
import { messages } from "../../i18n/messages";
import { renderPreviewSessions } from "../renderPreview";

const line = (recordId: string, unitAmount: number, quantity: number, taxRate: string) => ({
  recordId,
  name: `Item ${recordId}`,
  unitAmount,
  quantity,
  imageCount: 0,
  taxRate,
});

const INCLUSIVE: PreviewSession = {
  recordIds: ["1", "2"],
  currency: "jpy",
  amountTotal: 3260,
  amountTax: 260,
  taxes: [
    { ratePercent: "10", amount: 100, taxableAmount: 1100 },
    { ratePercent: "8", amount: 160, taxableAmount: 2160 },
  ],
  lineItems: [line("1", 1100, 1, "10"), line("2", 1080, 2, "8")],
};

const EXCLUSIVE: PreviewSession = {
  ...INCLUSIVE,
  taxes: [
    { ratePercent: "10", amount: 100, taxableAmount: 1000 },
    { ratePercent: "8", amount: 160, taxableAmount: 2000 },
  ],
  lineItems: [line("1", 1000, 1, "10"), line("2", 1000, 2, "8")],
};

function summaryRows(session: PreviewSession, language: "ja" | "en"): string[][] {
  const texts = { messages: messages[language], language, nameRecord: (id: string) => id };
  const table = renderPreviewSessions(document, [session], texts).querySelector("table")!;
  return [...table.querySelectorAll("tbody tr:not(.kintone-stripe-checkout-line)")].map((row) =>
    [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? ""),
  );
}

describe("the preview's tax per rate", () => {
  it("shows subtotal, the tax included at each rate and the total, in Japanese", () => {
    expect(summaryRows(INCLUSIVE, "ja")).toEqual([
      ["小計", "￥3,260"],
      ["（うち消費税 10% 対象 ￥1,100）", "￥100"],
      ["（うち消費税 8% 対象 ￥2,160）", "￥160"],
      ["合計", "￥3,260"],
    ]);
  });

  it("shows the tax added at each rate when prices exclude it, in English", () => {
    expect(summaryRows(EXCLUSIVE, "en")).toEqual([
      ["Subtotal", "¥3,000"],
      ["Consumption tax 10% on ¥1,000", "¥100"],
      ["Consumption tax 8% on ¥2,000", "¥160"],
      ["Total", "¥3,260"],
    ]);
  });

  it.each([
    [INCLUSIVE, "単価 (税込)"],
    [EXCLUSIVE, "単価 (税抜)"],
  ])("heads the unit prices as they are given, tax included or excluded", (session, header) => {
    const texts = {
      messages: messages.ja,
      language: "ja" as const,
      nameRecord: (id: string) => id,
    };
    const table = renderPreviewSessions(document, [session], texts).querySelector("table")!;
    expect(table.querySelectorAll("thead th")[1]?.textContent).toBe(header);
  });

  it("shows only the total for a session without tax rates", () => {
    const untaxed = { ...INCLUSIVE, amountTax: 0, taxes: [] };
    expect(summaryRows(untaxed, "en")).toEqual([["Total", "¥3,260"]]);
  });
});
