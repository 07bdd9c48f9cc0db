import { BadRequestError } from "../../errors/BadRequestError";
import { RecordAlreadyPaidError } from "../../errors/RecordAlreadyPaidError";
import { RecordChangedError } from "../../errors/RecordChangedError";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import { ValidationFailedError } from "../../errors/ValidationFailedError";
import { billingErrorsOf, MAX_ERROR_TEXT, recordErrorText } from "../billingErrorText";

const invalid = new ValidationFailedError([
  { recordId: "2", field: "price", message: "is not a number" },
  { recordId: "2", row: 3, field: "qty", message: "must be a whole number" },
  { recordId: "5", row: 1, field: "name", message: "Row 1: is empty" },
]);

describe("recordErrorText", () => {
  it("names each field and problem of the record, with its row, in English", () => {
    expect(recordErrorText(invalid, "2", "en")).toBe(
      "No payment link made: price: is not a number; qty (row 3): must be a whole number",
    );
  });

  it("says it in Japanese for a Japanese caller", () => {
    expect(recordErrorText(invalid, "2", "ja")).toBe(
      "決済リンクを作成できませんでした: price: is not a number。qty（3 行目）: must be a whole number。",
    );
  });

  it("does not repeat a row the message already names", () => {
    expect(recordErrorText(invalid, "5", "en")).toBe("No payment link made: name: Row 1: is empty");
  });

  it("names a field once when the engine's message quotes it already", () => {
    const engine = new ValidationFailedError([
      { recordId: "6", field: "unit_price", message: "「unit_price」フィールドが空です。" },
      { recordId: "6", row: 2, field: "qty", message: "2 行目: 「qty」フィールドが空です。" },
    ]);
    expect(recordErrorText(engine, "6", "ja")).toBe(
      "決済リンクを作成できませんでした: 「unit_price」フィールドが空です。2 行目: 「qty」フィールドが空です。",
    );
    const english = new ValidationFailedError([
      { recordId: "6", field: "unit_price", message: 'The field "unit_price" is empty.' },
    ]);
    expect(recordErrorText(english, "6", "en")).toBe(
      'No payment link made: The field "unit_price" is empty.',
    );
  });

  it("names the paying session of a paid record", () => {
    const paid = new RecordAlreadyPaidError([
      { recordId: "4", sessionId: "cs_paid", paymentStatus: "paid" },
    ]);
    expect(recordErrorText(paid, "4", "en")).toBe(
      "No new payment link made: the record is already paid (session cs_paid, paid).",
    );
    expect(recordErrorText(paid, "4", "ja")).toMatch(/^支払い済みのため.*cs_paid/);
  });

  it("names the revisions of a changed record", () => {
    const changed = new RecordChangedError([{ recordId: "7", expected: "3", actual: "4" }]);
    expect(recordErrorText(changed, "7", "en")).toMatch(/changed.*revision 4, expected 3/);
    expect(recordErrorText(changed, "7", "ja")).toMatch(/リビジョン 4、想定 3/);
  });

  it("gives Stripe's refusal with its code, and nothing for a missing record or kintone trouble", () => {
    expect(recordErrorText(new UpstreamError("stripe", "Stripe is busy."), "1", "en")).toBe(
      "No payment link made (STRIPE_ERROR): Stripe is busy.",
    );
    expect(recordErrorText(new RecordNotFoundError("12", ["1"]), "1", "en")).toBeUndefined();
    expect(recordErrorText(new UpstreamError("kintone", "no access"), "1", "en")).toBeUndefined();
  });

  it("hides what a bug says", () => {
    expect(recordErrorText(new Error("secret stack"), "1", "en")).toBe(
      "No payment link made (INTERNAL): something went wrong in the proxy.",
    );
  });

  it("cuts a long text to what a glance needs", () => {
    const long = new ValidationFailedError([
      { recordId: "1", field: "name", message: "x".repeat(2 * MAX_ERROR_TEXT) },
    ]);
    const text = recordErrorText(long, "1", "en")!;
    expect(text).toHaveLength(MAX_ERROR_TEXT);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("billingErrorsOf", () => {
  it("gives one reason per record a refusal names", () => {
    expect(billingErrorsOf(invalid, "en").map((e) => e.recordId)).toEqual(["2", "5"]);
  });

  it("names no record for a refusal that is not about records", () => {
    expect(billingErrorsOf(new BadRequestError("bad"), "en")).toEqual([]);
    expect(billingErrorsOf(new UpstreamError("stripe", "down"), "en")).toEqual([]);
    expect(billingErrorsOf(new RecordNotFoundError("12", ["9"]), "en")).toEqual([]);
  });
});
