/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { renderPreviewSessions } from "../renderPreview";

const session = {
  recordIds: ["1"],
  currency: "jpy",
  amountTotal: 1500,
  lineItems: [{ recordId: "1", name: "Tea", unitAmount: 500, quantity: 3, images: [] }],
};

describe("renderPreviewSessions", () => {
  it("right-aligns the header of each number column like its numbers", () => {
    const texts = {
      messages: messages.en,
      language: "en" as const,
      nameRecord: (id: string) => id,
    };
    const table = renderPreviewSessions(document, [session] as never, texts).querySelector(
      "table",
    )!;
    const headers = [...table.querySelectorAll("thead th")];
    const cells = [...table.querySelectorAll("tbody tr.kintone-stripe-checkout-line td")];
    expect(headers).toHaveLength(cells.length);
    headers.forEach((header, column) => {
      expect([header.textContent, header.classList.contains("number")]).toEqual([
        header.textContent,
        cells[column]!.classList.contains("number"),
      ]);
    });
    expect(headers.filter((header) => header.classList.contains("number"))).toHaveLength(3);
  });
});
