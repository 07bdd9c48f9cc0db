import { billedState, billedStateOf, blocksNewLink } from "../billedState";

const writeBack = { status: "state", paymentStatus: "payment" };
const record = (state: string, payment: string) => ({
  state: { value: state },
  payment: { value: payment },
});

describe("billedState", () => {
  it.each([
    ["complete", "paid", "paid"],
    ["complete", "partially_refunded", "partially_refunded"],
    ["complete", "disputed", "disputed"],
    ["complete", "dispute_lost", "dispute_lost"],
    ["complete", "no_payment_required", "no_payment_required"],
    ["complete", "unpaid", "awaiting_payment"],
  ])("calls a %s checkout with payment %s billed (%s)", (status, payment, expected) => {
    expect(billedState(record(status, payment), writeBack)).toBe(expected);
  });

  it.each([
    ["open", "unpaid"],
    ["expired", "unpaid"],
    ["complete", "refunded"],
    ["complete", "failed"],
    ["", ""],
  ])("lets a %s checkout with payment %p be billed again", (status, payment) => {
    expect(billedState(record(status, payment), writeBack)).toBeUndefined();
  });

  it("cannot tell without a payment status field, and leaves it to the proxy", () => {
    expect(billedState(record("complete", "paid"), { status: "state" })).toBeUndefined();
  });

  it("cannot see an async payment on its way without the checkout status", () => {
    expect(billedState(record("complete", "unpaid"), { paymentStatus: "payment" })).toBeUndefined();
    expect(billedState(record("", "paid"), { paymentStatus: "payment" })).toBe("paid");
  });

  it("reads the state the proxy names in RECORD_ALREADY_PAID", () => {
    expect(billedStateOf("unpaid", true)).toBe("awaiting_payment");
    expect(billedStateOf("refunded", true)).toBeUndefined();
  });
});

describe("blocksNewLink", () => {
  it("blocks a billed record unless the app allows repeat payments", () => {
    expect(blocksNewLink("paid", {})).toBe(true);
    expect(blocksNewLink("paid", { allowRepeatPayment: false })).toBe(true);
    expect(blocksNewLink("paid", { allowRepeatPayment: true })).toBe(false);
    expect(blocksNewLink(undefined, {})).toBe(false);
  });
});
