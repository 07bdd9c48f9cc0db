import { messages } from "../../i18n/messages";
import { describeSyncChange } from "../describeSyncChange";

const t = messages.en;

describe("describeSyncChange", () => {
  it("gives one line per state that changed, each in words", () => {
    const after = { status: "complete", paymentStatus: "paid" } as const;
    expect(describeSyncChange({ status: "open", paymentStatus: "unpaid" }, after, t)).toEqual([
      `Link: ${t.statusOpen} → ${t.statusComplete}`,
      `Payment: ${t.paymentStatusUnpaid} → ${t.billedPaid}`,
    ]);
    expect(describeSyncChange({ status: "complete", paymentStatus: "unpaid" }, after, t)).toEqual([
      `Payment: ${t.paymentStatusUnpaid} → ${t.billedPaid}`,
    ]);
  });

  it("says nothing changed, or that it cannot tell when the record shows neither state", () => {
    const after = { status: "open", paymentStatus: "unpaid" } as const;
    expect(describeSyncChange({ status: "open", paymentStatus: "unpaid" }, after, t)).toEqual([]);
    expect(describeSyncChange({ status: "open" }, after, t)).toEqual([]);
    expect(describeSyncChange({}, after, t)).toBeUndefined();
  });
});
