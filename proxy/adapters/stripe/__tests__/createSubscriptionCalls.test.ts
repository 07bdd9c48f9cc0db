import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway, dashboard, sessionRequest } = useGatewayTestKit();

const metadata = { kintone_app_id: "12", kintone_record_ids: "1" };

/** A paid monthly ¥5,000 membership made through the gateway; its subscription id. */
async function paidMembership(): Promise<string> {
  const payments = gateway();
  const session = await payments.createCheckoutSession(
    sessionRequest({
      lineItems: [
        {
          product: { name: "Membership" },
          unitAmount: 5000,
          quantity: 1,
          recurring: { interval: "month", intervalCount: 1 },
        },
      ],
      metadata,
      subscription: { metadata },
    }),
  );
  await emulator.payWithCard(session.id);
  const paid = await payments.retrieveCheckoutSession(session.id);
  expect(paid?.subscriptionId).toMatch(/^sub_/);
  return paid!.subscriptionId!;
}

describe("the gateway's subscriptions", () => {
  it("reads a subscription: its state, its items' period end and the session's metadata", async () => {
    const id = await paidMembership();
    const stored = emulator.state.subscriptions.find((s) => s.id === id)!;
    expect(await gateway().retrieveSubscription(id)).toEqual({
      id,
      status: "active",
      currentPeriodEnd: stored.items.data[0]!.current_period_end,
      cancelAtPeriodEnd: false,
      metadata,
    });
  });

  it("cancels at the period's end, keeping the subscription active until then", async () => {
    const id = await paidMembership();
    expect(await gateway().cancelSubscription(id, { atPeriodEnd: true })).toMatchObject({
      id,
      status: "active",
      cancelAtPeriodEnd: true,
    });
  });

  it("cancels now, and answers a canceled subscription's state when asked again", async () => {
    const id = await paidMembership();
    const payments = gateway();
    expect(await payments.cancelSubscription(id, { atPeriodEnd: false })).toMatchObject({
      status: "canceled",
    });
    expect(await payments.cancelSubscription(id, { atPeriodEnd: true })).toMatchObject({
      status: "canceled",
    });
  });

  it("answers null for a subscription Stripe does not know", async () => {
    expect(await gateway().retrieveSubscription("sub_unknown")).toBeNull();
    expect(await gateway().cancelSubscription("sub_unknown", { atPeriodEnd: true })).toBeNull();
  });
});

describe("the gateway's Prices", () => {
  it("read a recurring Price's period, so a line naming it bills every period", async () => {
    const price = await dashboard().prices.create({
      currency: "jpy",
      unit_amount: 5000,
      recurring: { interval: "month", interval_count: 3 },
      product_data: { name: "Quarterly membership" },
    });
    expect(await gateway().retrievePrice(price.id)).toEqual({
      id: price.id,
      unitAmount: 5000,
      currency: "jpy",
      active: true,
      recurring: true,
      recurringInterval: { interval: "month", intervalCount: 3 },
    });
  });
});
