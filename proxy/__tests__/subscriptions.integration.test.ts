/**
 * Subscriptions through HTTP with the real adapters against both emulators: a monthly ¥5,000
 * membership paid, renewed on the Stripe emulator's clock, a renewal failed, canceled at the
 * period's end; Stripe's subscription-mode limits refused before Stripe; events delivered twice
 * and out of order; the cancel route bound to its app.
 */
import { APP_BINDING_HEADER } from "../../core/api/proxyApi";
import { addOrderRecords } from "../../testkit/orderRecords";
import {
  addMemberRecord,
  connectWebhook,
  DAY_SECONDS,
  kintoneDateTime,
  memberFields,
  membershipMapping,
  newestPaidInvoiceUrl,
  payMembership,
  periodEndOf,
  subscriptionOf,
  subscriptionsProxyPerTest,
} from "./support/subscriptionsKit";

const env = subscriptionsProxyPerTest();

/** Moves the emulator's clock past the subscription's period end, and delivers what followed. */
async function passPeriodEnd(sessionId: string) {
  const end = subscriptionOf(env, sessionId).items.data[0]!.current_period_end;
  await env.stripe.advanceClock(end - env.stripe.now() + 60);
  await env.stripe.flushWebhooks();
}

function sessionCreates() {
  return env.stripe.requests.filter(
    (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
  );
}

describe("a monthly ¥5,000 membership", () => {
  it("shows active and the period a month ahead once the link is paid", async () => {
    const recordId = addMemberRecord(env);
    const paidAt = env.stripe.now();
    const sessionId = await payMembership(env, recordId);

    const subscription = subscriptionOf(env, sessionId);
    const periodEnd = subscription.items.data[0]!.current_period_end;
    expect(periodEnd - paidAt).toBeGreaterThanOrEqual(28 * DAY_SECONDS);
    expect(periodEnd - paidAt).toBeLessThanOrEqual(31 * DAY_SECONDS);
    expect(memberFields(env, recordId)).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      paidAt: kintoneDateTime(paidAt),
      subscriptionId: subscription.id,
      subscriptionStatus: "active",
      currentPeriodEnd: kintoneDateTime(periodEnd),
      error: "",
    });
    const view = await env.call("GET", `/v1/checkouts/${sessionId}`);
    expect(view.body.session).toMatchObject({
      subscriptionId: subscription.id,
      subscriptionStatus: "active",
      currentPeriodEnd: new Date(periodEnd * 1000).toISOString(),
      cancelAtPeriodEnd: false,
    });
  });

  it("moves paidAt and the period on when a renewal is paid, then shows a failed renewal as failed / past_due", async () => {
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    const firstEnd = periodEndOf(env, sessionId);

    await passPeriodEnd(sessionId);
    // The emulator renews when its clock passes the period end: the renewal is paid then.
    const renewedAt = env.stripe.now();
    const secondEnd = periodEndOf(env, sessionId);
    expect(secondEnd > firstEnd).toBe(true);
    const { id: subscriptionId } = subscriptionOf(env, sessionId);
    expect(memberFields(env, recordId)).toMatchObject({
      paymentStatus: "paid",
      paidAt: kintoneDateTime(renewedAt),
      subscriptionStatus: "active",
      currentPeriodEnd: secondEnd,
      invoiceUrl: newestPaidInvoiceUrl(env, subscriptionId),
    });
    expect(env.stripe.state.invoices.filter((i) => i.status === "paid")).toHaveLength(2);

    await env.stripe.setNextRenewal(subscriptionId, "fail");
    await passPeriodEnd(sessionId);
    expect(memberFields(env, recordId)).toMatchObject({
      paymentStatus: "failed",
      paidAt: kintoneDateTime(renewedAt),
      subscriptionStatus: "past_due",
    });
  });

  it("is canceled when the period ends after a cancel at the period's end", async () => {
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    const subscription = subscriptionOf(env, sessionId);

    const answer = await env.call("POST", `/v1/subscriptions/${subscription.id}/cancel`, {});
    expect(answer.status).toBe(200);
    expect(answer.body.subscription).toEqual({
      id: subscription.id,
      status: "active",
      cancelAtPeriodEnd: true,
      currentPeriodEnd: new Date(
        subscription.items.data[0]!.current_period_end * 1000,
      ).toISOString(),
      appId: env.appId,
      recordIds: [recordId],
    });
    await env.stripe.flushWebhooks();
    expect(memberFields(env, recordId).subscriptionStatus).toBe("active");

    await passPeriodEnd(sessionId);
    expect(subscriptionOf(env, sessionId).status).toBe("canceled");
    expect(memberFields(env, recordId).subscriptionStatus).toBe("canceled");
    const view = await env.call("GET", `/v1/checkouts/${sessionId}`);
    expect(view.body.session).toMatchObject({ subscriptionStatus: "canceled" });
  });

  it("is canceled at once with atPeriodEnd false", async () => {
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    const { id } = subscriptionOf(env, sessionId);

    const answer = await env.call("POST", `/v1/subscriptions/${id}/cancel`, {
      atPeriodEnd: false,
    });
    expect(answer.body.subscription).toMatchObject({ id, status: "canceled" });
    expect(memberFields(env, recordId).subscriptionStatus).toBe("canceled");
    await env.stripe.flushWebhooks();
    expect(memberFields(env, recordId).subscriptionStatus).toBe("canceled");
  });
});

describe("subscription events delivered twice and out of order", () => {
  it("end in the record state of events delivered once in order", async () => {
    // Two memberships paid at the same moment live the same life. The first one's events are
    // delivered as they happen; the second one's payment is kept from the proxy, so its renewals
    // come before it, and then all its events come again: newest first, then in order.
    const inOrder = addMemberRecord(env);
    const inOrderSession = await payMembership(env, inOrder);
    env.stripe.configure({ webhook: undefined });
    const shuffled = addMemberRecord(env);
    const shuffledSession = await payMembership(env, shuffled);
    const shuffledSubscription = subscriptionOf(env, shuffledSession).id;
    const isShuffleds = (event: { data: { object: unknown } }) => {
      const object = JSON.stringify(event.data.object);
      return object.includes(shuffledSubscription) || object.includes(shuffledSession);
    };
    connectWebhook(env);
    await passPeriodEnd(inOrderSession); // both renew, paid
    await env.stripe.setNextRenewal(subscriptionOf(env, inOrderSession).id, "fail");
    await env.stripe.setNextRenewal(shuffledSubscription, "fail");
    await passPeriodEnd(inOrderSession); // both renewals fail

    const events = env.stripe.state.events.filter(isShuffleds);
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        "checkout.session.completed",
        "customer.subscription.created",
        "customer.subscription.updated",
        "invoice.paid",
        "invoice.payment_failed",
      ]),
    );
    for (const event of [...events].reverse()) await env.stripe.resendEvent(event.id);
    await env.stripe.flushWebhooks();
    for (const event of events) await env.stripe.resendEvent(event.id);
    await env.stripe.flushWebhooks();

    const expected = memberFields(env, inOrder);
    expect(expected).toMatchObject({ paymentStatus: "failed", subscriptionStatus: "past_due" });
    expect(memberFields(env, shuffled)).toEqual({
      ...expected,
      subscriptionId: shuffledSubscription,
      invoiceUrl: newestPaidInvoiceUrl(env, shuffledSubscription),
    });
  });
});

describe("the event catch-up", () => {
  it("brings a membership whose webhooks never came to its renewed state", async () => {
    env.stripe.configure({ webhook: undefined });
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    await passPeriodEnd(sessionId);
    expect(memberFields(env, recordId).subscriptionStatus).toBe("");

    await env.proxy.catchUpEvents();
    expect(memberFields(env, recordId)).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
      subscriptionId: subscriptionOf(env, sessionId).id,
      subscriptionStatus: "active",
      currentPeriodEnd: periodEndOf(env, sessionId),
    });
  });
});

describe("subscription mode refused before Stripe", () => {
  it("answers 422 for a konbini-only mapping, and asks Stripe nothing", async () => {
    const recordId = addMemberRecord(env);
    env.stripe.clearRequests();
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: membershipMapping({ paymentMethodTypes: ["konbini"] }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(sessionCreates()).toEqual([]);
  });

  it("answers 422 for more than 20 recurring lines, and asks Stripe nothing", async () => {
    const recordIds = addOrderRecords(
      env,
      Array.from({ length: 21 }, (_, i) => ({ name: `Member ${i + 1}`, price: "5000" })),
    );
    env.stripe.clearRequests();
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: recordIds.map((id) => ({ id })),
      mapping: membershipMapping(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    expect(sessionCreates()).toEqual([]);
  });
});

describe("POST /v1/subscriptions/:id/cancel", () => {
  it("answers 404 SESSION_NOT_FOUND for another app's subscription, and leaves it running", async () => {
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    const { id } = subscriptionOf(env, sessionId);

    const answer = await env.call(
      "POST",
      `/v1/subscriptions/${id}/cancel`,
      { atPeriodEnd: false },
      { headers: { [APP_BINDING_HEADER]: String(Number(env.appId) + 1) } },
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("SESSION_NOT_FOUND");
    expect(subscriptionOf(env, sessionId)).toMatchObject({
      status: "active",
      cancel_at_period_end: false,
    });
  });

  it("answers 404 SESSION_NOT_FOUND for a subscription no checkout of this proxy made", async () => {
    const answer = await env.call("POST", "/v1/subscriptions/sub_unknown/cancel", {});
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("SESSION_NOT_FOUND");
  });
});

describe("the paid guard", () => {
  it("refuses a new link for a record whose subscription runs, and allows one once it is canceled", async () => {
    const recordId = addMemberRecord(env);
    const sessionId = await payMembership(env, recordId);
    const again = () =>
      env.call("POST", "/v1/checkouts", {
        appId: env.appId,
        records: [{ id: recordId }],
        mapping: membershipMapping(),
      });
    const refused = await again();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("RECORD_ALREADY_PAID");

    const { id } = subscriptionOf(env, sessionId);
    await env.call("POST", `/v1/subscriptions/${id}/cancel`, { atPeriodEnd: false });
    expect((await again()).status).toBe(201);
  });
});
