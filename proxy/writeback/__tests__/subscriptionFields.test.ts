import { newSubscription } from "../../subscriptions/linkSessionSubscription";
import { subscriptionFields } from "../subscriptionFields";

const writeBack = {
  paymentStatus: "pay_status",
  paidAt: "paid_at",
  subscriptionId: "sub_id",
  subscriptionStatus: "sub_status",
  currentPeriodEnd: "period_end",
};
const linked = newSubscription("sub_1", { sessionId: "cs_1", appId: "12", recordIds: ["1"] });

describe("subscriptionFields", () => {
  it("writes only the id while no event told the subscription's state", () => {
    expect(subscriptionFields({ writeBack }, linked)).toEqual({ sub_id: { value: "sub_1" } });
  });

  it("writes the state, the period end as DATETIME, and the period's payment in the app's words", () => {
    const fields = subscriptionFields(
      { writeBack, statusLabels: { paymentStatus: { failed: "決済失敗" } } },
      {
        ...linked,
        status: "past_due",
        currentPeriodEnd: Date.UTC(2027, 1, 7, 15, 43) / 1000,
        billedPeriodEnd: Date.UTC(2027, 1, 7, 15, 43) / 1000,
        paymentStatus: "failed",
        paidAt: new Date("2027-01-07T15:43:00Z"),
      },
    );
    expect(fields).toEqual({
      sub_id: { value: "sub_1" },
      sub_status: { value: "past_due" },
      period_end: { value: "2027-02-07T15:43:00Z" },
      pay_status: { value: "決済失敗" },
      paid_at: { value: "2027-01-07T15:43:00Z" },
    });
  });

  it("leaves out the fields the mapping does not name", () => {
    expect(subscriptionFields({ writeBack: {} }, { ...linked, status: "active" })).toEqual({});
  });
});
