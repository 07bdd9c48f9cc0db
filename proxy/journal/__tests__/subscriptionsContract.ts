import type { JournalSubscription } from "../SubscriptionStore";
import { newSubscription } from "../../subscriptions/linkSessionSubscription";
import { storeContract } from "./storeContract";

const linked = newSubscription("sub_1", { sessionId: "cs_1", appId: "12", recordIds: ["1", "2"] });

export const subscriptionsContract = storeContract("subscriptions", (subscriptions) => {
  it("keeps a subscription by its id and by its session", async () => {
    await subscriptions.save(linked);
    expect(await subscriptions.get("sub_1")).toEqual(linked);
    expect(await subscriptions.getForSession("cs_1")).toEqual(linked);
    expect(await subscriptions.get("sub_2")).toBeUndefined();
    expect(await subscriptions.getForSession("cs_2")).toBeUndefined();
  });

  it("replaces what its events told, keeping its session and records", async () => {
    await subscriptions.save(linked);
    const renewed: JournalSubscription = {
      ...linked,
      status: "past_due",
      statusAt: 1_800_000_000,
      currentPeriodEnd: 1_802_600_000,
      cancelAtPeriodEnd: true,
      billedPeriodEnd: 1_802_600_000,
      paymentStatus: "failed",
      paidPeriodEnd: 1_800_000_000,
      paidAt: new Date("2027-01-15T08:00:00Z"),
    };
    await subscriptions.save(renewed);
    expect(await subscriptions.get("sub_1")).toEqual(renewed);
  });
});
