import { billedState } from "../billedState";

const writeBack = { status: "state", paymentStatus: "payment" };
const record = (state: string, payment: string) => ({
  state: { value: state },
  payment: { value: payment },
});
const statusLabels = {
  status: { open: "受付中", complete: "完了", expired: "期限切れ" },
  paymentStatus: { unpaid: "未決済", paid: "入金済み", refunded: "返金済み" },
};

describe("billedState with the app's own status texts", () => {
  it("reads 入金済み as paid", () => {
    expect(billedState(record("完了", "入金済み"), writeBack, statusLabels)).toBe("paid");
  });

  it("reads a complete checkout still 未決済 as a payment on its way", () => {
    expect(billedState(record("完了", "未決済"), writeBack, statusLabels)).toBe("awaiting_payment");
  });

  it("still reads the codes, for records written before the labels were set", () => {
    expect(billedState(record("complete", "paid"), writeBack, statusLabels)).toBe("paid");
  });

  it("lets a refunded or an open record be billed again", () => {
    expect(billedState(record("完了", "返金済み"), writeBack, statusLabels)).toBeUndefined();
    expect(billedState(record("受付中", "未決済"), writeBack, statusLabels)).toBeUndefined();
  });

  it("knows nothing of a text that is neither a label nor a code", () => {
    expect(billedState(record("完了", "支払済"), writeBack, statusLabels)).toBeUndefined();
  });
});
