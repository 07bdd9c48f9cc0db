import { ProxyError } from "../../api/ProxyError";
import { describeProxyError } from "../describeProxyError";
import { messages } from "../messages";

const CODES = [
  ["BAD_REQUEST", 400],
  ["UNAUTHORIZED", 401],
  ["RECORD_NOT_FOUND", 404],
  ["SESSION_NOT_FOUND", 404],
  ["RECORD_CHANGED", 409],
  ["SESSION_NOT_OPEN", 409],
  ["RECORD_ALREADY_PAID", 409],
  ["VALIDATION_FAILED", 422],
  ["STRIPE_ERROR", 502],
  ["KINTONE_ERROR", 502],
  ["UNREACHABLE", 0],
  ["BAD_ANSWER", 200],
  ["NOT_FOUND", 404],
  ["RATE_LIMITED", 429],
] as const;

describe("describeProxyError", () => {
  it.each(["ja", "en"] as const)("gives every code its own actionable message (%s)", (language) => {
    const texts = CODES.map(
      ([code, status]) =>
        describeProxyError(new ProxyError(code, "upstream says no", status), messages[language])
          .message,
    );
    expect(new Set(texts).size).toBe(CODES.length);
    for (const text of texts) expect(text).not.toContain("{");
    const unknown = describeProxyError(
      new ProxyError("INTERNAL", "x", 500),
      messages[language],
    ).message;
    expect(unknown).toContain("INTERNAL");
    expect(texts).not.toContain(unknown);
  });

  it("tells the user a changed record needs a reload and nothing was charged", () => {
    const error = new ProxyError("RECORD_CHANGED", "changed", 409, [
      { recordId: "12", expected: "3", actual: "4" },
    ]);
    expect(describeProxyError(error, messages.ja)).toEqual({
      message:
        "他のユーザーがレコードを変更しました。画面を再読み込みしてください。請求は行われていません。",
      details: ["レコード 12"],
    });
    expect(describeProxyError(error, messages.en).message).toBe(
      "Another user changed the record. Reload the page. Nothing was charged.",
    );
  });

  it("lists record, row, field and message of each validation problem", () => {
    const error = new ProxyError("VALIDATION_FAILED", "2 problems", 422, [
      { recordId: "3", field: "unit_price", message: "is not a number" },
      { recordId: "5", row: 2, field: "item_quantity", message: "is above 99" },
      "not a detail",
    ]);
    expect(describeProxyError(error, messages.en).details).toEqual([
      "Record 3 · unit_price: is not a number",
      "Record 5 · row 2 · item_quantity: is above 99",
    ]);
    const named = describeProxyError(error, messages.ja, (id) => `No.${id}`);
    expect(named.details[1]).toBe("No.5 · 2 行目 · item_quantity: is above 99");
  });

  it("names each record already billed, its state and session, and how to bill it again", () => {
    const error = new ProxyError("RECORD_ALREADY_PAID", "already paid", 409, [
      { recordId: "3", sessionId: "cs_a", paymentStatus: "paid" },
      { recordId: "4", sessionId: "cs_b", paymentStatus: "unpaid" },
      { recordId: "5", sessionId: "cs_c", paymentStatus: "dispute_lost" },
      { recordId: 6 },
    ]);
    expect(describeProxyError(error, messages.en, (id) => `Order ${id}`)).toEqual({
      message: messages.en.proxyErrorRecordAlreadyPaid,
      details: [
        "Order 3: Paid (session cs_a)",
        "Order 4: Awaiting payment (session cs_b)",
        "Order 5: Dispute lost (session cs_c)",
      ],
    });
    const ja = describeProxyError(error, messages.ja);
    expect(ja.message).toContain("新しい決済リンクは作成していません");
    expect(ja.message).toContain("支払い済みのレコードにも請求できる");
    expect(ja.details[0]).toBe("レコード 3: 支払い済み (セッション cs_a)");
    expect(messages.en.proxyErrorRecordAlreadyPaid).toContain("Allow billing a paid record again");
  });

  it("passes Stripe's and kintone's safe messages on", () => {
    expect(
      describeProxyError(
        new ProxyError("STRIPE_ERROR", "Your card was declined.", 502),
        messages.en,
      ).message,
    ).toBe("Stripe refused the request: Your card was declined.");
    expect(
      describeProxyError(new ProxyError("KINTONE_ERROR", "GAIA_RE01", 502), messages.ja).message,
    ).toContain("GAIA_RE01");
  });

  it("describes an error that is not the proxy's as unexpected", () => {
    expect(describeProxyError(new TypeError("x is undefined"), messages.en)).toEqual({
      message: "Something went wrong: x is undefined",
      details: [],
    });
  });
});
