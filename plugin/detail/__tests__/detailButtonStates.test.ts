import { detailButtonStates, readRecordCheckout } from "../detailButtonStates";

const writeBack = { sessionId: "sid", url: "link", status: "state" };

describe("detailButtonStates", () => {
  it("offers only Create on a record without a link", () => {
    expect(detailButtonStates({})).toEqual({
      create: { enabled: true, kind: "create" },
      sync: false,
      expire: false,
      copy: false,
    });
  });

  it("turns Create into Re-issue and enables everything while a link is open", () => {
    expect(detailButtonStates({ sessionId: "cs_1", url: "https://pay", status: "open" })).toEqual({
      create: { enabled: true, kind: "reissue" },
      sync: true,
      expire: true,
      copy: true,
    });
  });

  it.each(["expired", "complete"])(
    "cannot expire or copy a %s link, but can refresh it",
    (status) => {
      const states = detailButtonStates({ sessionId: "cs_1", url: "https://pay", status });
      expect(states).toMatchObject({ sync: true, expire: false, copy: false });
      expect(states.create.kind).toBe(status === "complete" ? "afterComplete" : "create");
    },
  );

  it("disables Create for a billed record unless the app allows repeat payments", () => {
    const paid = { sessionId: "cs_1", status: "complete", billed: "paid" as const };
    expect(detailButtonStates(paid).create).toEqual({
      enabled: false,
      kind: "afterComplete",
      blockedBy: "paid",
    });
    expect(detailButtonStates(paid, { allowRepeatPayment: true }).create).toEqual({
      enabled: true,
      kind: "afterComplete",
    });
  });

  it("leaves expiring to the proxy when no status field is mapped", () => {
    expect(detailButtonStates({ sessionId: "cs_1" })).toMatchObject({
      expire: true,
      sync: true,
      copy: false,
    });
  });
});

describe("readRecordCheckout", () => {
  it("reads a billed state from the payment status field", () => {
    const record = { state: { value: "complete" }, pay: { value: "disputed" } };
    expect(readRecordCheckout(record, { status: "state", paymentStatus: "pay" }).billed).toBe(
      "disputed",
    );
  });

  it("reads the mapped write-back fields, treating blanks as absent", () => {
    const record = { sid: { value: " cs_1 " }, link: { value: "" }, state: { value: "open" } };
    expect(readRecordCheckout(record, writeBack)).toEqual({
      sessionId: "cs_1",
      url: undefined,
      status: "open",
    });
    expect(readRecordCheckout(record, {})).toEqual({
      sessionId: undefined,
      url: undefined,
      status: undefined,
    });
  });
});
