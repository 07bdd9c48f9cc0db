import { processTransitions } from "../processTransitions";

const state = (status: "open" | "complete" | "expired", paymentStatus = "unpaid") =>
  ({ status, paymentStatus }) as Parameters<typeof processTransitions>[0];

describe("processTransitions", () => {
  it("names a payment", () => {
    expect(processTransitions(state("open"), state("complete", "paid"))).toEqual(["paid"]);
  });

  it("names a konbini payment when it arrives, not when the checkout completes unpaid", () => {
    expect(processTransitions(state("open"), state("complete", "unpaid"))).toEqual([]);
    expect(processTransitions(state("complete"), state("complete", "paid"))).toEqual(["paid"]);
  });

  it("names an expiry", () => {
    expect(processTransitions(state("open"), state("expired"))).toEqual(["expired"]);
  });

  it("names a full refund, not a partial one", () => {
    expect(
      processTransitions(state("complete", "paid"), state("complete", "partially_refunded")),
    ).toEqual([]);
    expect(processTransitions(state("complete", "paid"), state("complete", "refunded"))).toEqual([
      "refunded",
    ]);
  });

  it("names the payment first when a refund's event came before the completion's", () => {
    expect(processTransitions(state("open"), state("complete", "refunded"))).toEqual([
      "paid",
      "refunded",
    ]);
  });

  it("names nothing for the same state again, or a dispute won", () => {
    expect(processTransitions(state("complete", "paid"), state("complete", "paid"))).toEqual([]);
    expect(processTransitions(state("complete", "disputed"), state("complete", "paid"))).toEqual(
      [],
    );
    expect(processTransitions(state("expired"), state("expired"))).toEqual([]);
  });
});
