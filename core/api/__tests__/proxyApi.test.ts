import {
  createCheckoutsBodySchema,
  errorAnswerSchema,
  MAX_RECORDS_PER_CHECKOUT_REQUEST,
  sessionAnswerSchema,
} from "../proxyApi";

const mapping = JSON.stringify({ version: 1 });

describe("createCheckoutsBodySchema", () => {
  it("accepts string and numeric ids and reads dryRun as a boolean", () => {
    const body = createCheckoutsBodySchema.parse({
      appId: 12,
      records: [{ id: "1", revision: "3" }, { id: 2 }],
      mapping,
      dryRun: "true",
    });
    expect(body).toEqual({
      appId: "12",
      records: [{ id: "1", revision: "3" }, { id: "2" }],
      mapping,
      dryRun: true,
    });
  });

  it("refuses more than 100 records", () => {
    const records = Array.from({ length: MAX_RECORDS_PER_CHECKOUT_REQUEST + 1 }, (_, i) => ({
      id: String(i + 1),
    }));
    const result = createCheckoutsBodySchema.safeParse({ appId: "1", records, mapping });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/at most 100 records/);
  });

  it("refuses a record named twice, a non-numeric id and an empty selection", () => {
    for (const records of [[{ id: "1" }, { id: "1" }], [{ id: "1 or 1=1" }], []]) {
      expect(createCheckoutsBodySchema.safeParse({ appId: "1", records, mapping }).success).toBe(
        false,
      );
    }
  });

  it("refuses a mapping sent as an object instead of a JSON string", () => {
    const result = createCheckoutsBodySchema.safeParse({
      appId: "1",
      records: [{ id: "1" }],
      mapping: { version: 1 },
    });
    expect(result.success).toBe(false);
  });
});

describe("answers", () => {
  it("parses a session answer and rejects a payment status outside the contract", () => {
    const session = {
      id: "cs_test_1",
      url: "https://checkout.stripe.com/c/pay/cs_test_1",
      status: "complete",
      paymentStatus: "partially_refunded",
      amountTotal: 1999,
      currency: "usd",
      customerEmail: null,
      expiresAt: "2026-11-24T10:00:00.000Z",
      appId: "12",
      recordIds: ["1"],
    };
    expect(sessionAnswerSchema.parse({ session }).session.paymentStatus).toBe("partially_refunded");
    expect(
      sessionAnswerSchema.safeParse({ session: { ...session, paymentStatus: "settled" } }).success,
    ).toBe(false);
  });

  it("parses an error answer with details", () => {
    const answer = errorAnswerSchema.parse({
      error: { code: "RECORD_CHANGED", message: "changed", details: [{ recordId: "1" }] },
    });
    expect(answer.error.code).toBe("RECORD_CHANGED");
  });
});
