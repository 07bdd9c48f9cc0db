/** @jest-environment jsdom */
import type { PreviewSession } from "../../../core/api/proxyApi";
import { messages } from "../../i18n/messages";
import { renderPreviewSessions } from "../renderPreview";

const monthly = { interval: "month" as const, intervalCount: 1 };
const line = (name: string, unitAmount: number, recurring?: typeof monthly) => ({
  recordId: "1",
  name,
  unitAmount,
  quantity: 1,
  imageCount: 0,
  ...(recurring ? { recurring } : {}),
});
const session = (lineItems: PreviewSession["lineItems"]): PreviewSession => ({
  recordIds: ["1"],
  currency: "jpy",
  amountTotal: lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0),
  amountTax: 0,
  taxes: [],
  lineItems,
});

function shown(preview: PreviewSession, language: "ja" | "en") {
  const texts = { messages: messages[language], language, nameRecord: (id: string) => id };
  const root = renderPreviewSessions(document, [preview], texts);
  const cells = [...root.querySelectorAll("tr.kintone-stripe-checkout-line")].map((row) =>
    [...row.querySelectorAll("td.number")].map((cell) => cell.textContent),
  );
  const total = root.querySelector(".kintone-stripe-checkout-session-total td.number")!;
  return { cells, total: total.textContent };
}

describe("the list dialog's preview of a subscription", () => {
  it("shows a monthly line and its total per month, in English and Japanese", () => {
    const membership = session([line("Membership", 5000, monthly)]);
    expect(shown(membership, "en")).toEqual({
      cells: [["¥5,000 / month", "1", "¥5,000 / month"]],
      total: "¥5,000 / month",
    });
    expect(shown(membership, "ja").total).toBe("￥5,000 / 月");
  });

  it("keeps a one-time line beside it once, and then the total as the first payment", () => {
    const withJoiningFee = session([line("Membership", 5000, monthly), line("Joining fee", 3000)]);
    expect(shown(withJoiningFee, "en")).toEqual({
      cells: [
        ["¥5,000 / month", "1", "¥5,000 / month"],
        ["¥3,000", "1", "¥3,000"],
      ],
      total: "¥8,000",
    });
  });
});
