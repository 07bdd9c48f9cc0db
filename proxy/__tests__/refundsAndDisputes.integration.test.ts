/**
 * Refunds and disputes of a paid record, through HTTP with the real adapters against the
 * emulators: Stripe's events reach the record forward only, whatever order they come in.
 */
import {
  addBillRecord,
  billFields,
  billingMapping,
  billingProxyPerTest,
  billRecord,
  paymentIntentOf,
} from "./support/billingLifeKit";
import { postEvent, stripeClient } from "./support/webhooksKit";

const env = billingProxyPerTest();

const HANDLED = [
  "checkout.session.completed",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
];

async function paidRecord() {
  const recordId = addBillRecord(env);
  const sessionId = await billRecord(env, recordId, billingMapping());
  await env.stripe.payWithCard(sessionId);
  await env.stripe.flushWebhooks();
  return { recordId, sessionId };
}

describe("a paid record's refunds", () => {
  it("shows partially_refunded then refunded, with the exact amount refunded each time", async () => {
    const { recordId, sessionId } = await paidRecord();
    await env.stripe.refundSession(sessionId, 200);
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId)).toMatchObject({
      paymentStatus: "partially_refunded",
      refunded: "200",
    });

    await env.stripe.refundSession(sessionId, 300);
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId)).toMatchObject({ paymentStatus: "refunded", refunded: "500" });
    expect(env.field(recordId, "payment_intent")).toBe(paymentIntentOf(env, sessionId));
  });

  it("answers the refunded amount in GET /v1/checkouts/:id", async () => {
    const { sessionId } = await paidRecord();
    await env.stripe.refundSession(sessionId, 200);
    await env.stripe.flushWebhooks();
    const answer = await env.call("GET", `/v1/checkouts/${sessionId}`);
    expect(answer.body.session).toMatchObject({
      paymentStatus: "partially_refunded",
      amountRefunded: 200,
    });
  });
});

describe("a paid record's dispute", () => {
  it("shows disputed when the dispute opens, then dispute_lost when it is lost", async () => {
    const { recordId, sessionId } = await paidRecord();
    const dispute = await env.stripe.openDispute(sessionId);
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId).paymentStatus).toBe("disputed");

    await env.stripe.closeDispute(dispute.id, "lost");
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId).paymentStatus).toBe("dispute_lost");
  });

  it("shows paid again when the dispute is won, partially_refunded if part was refunded", async () => {
    const { recordId, sessionId } = await paidRecord();
    await env.stripe.refundSession(sessionId, 100);
    const dispute = await env.stripe.openDispute(sessionId, { amount: 400 });
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId).paymentStatus).toBe("disputed");

    await env.stripe.closeDispute(dispute.id, "won");
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId)).toMatchObject({
      paymentStatus: "partially_refunded",
      refunded: "100",
    });
  });
});

describe("a bill's events in reverse order", () => {
  it("end where they end in their order: complete, dispute_lost, the refunded amount", async () => {
    const recordId = addBillRecord(env);
    const sessionId = await billRecord(env, recordId, billingMapping());
    env.stripe.configure({ webhook: undefined });
    await env.stripe.payWithCard(sessionId);
    await stripeClient(env).refunds.create({
      payment_intent: paymentIntentOf(env, sessionId),
      amount: 150,
    });
    const dispute = await env.stripe.openDispute(sessionId, { amount: 350 });
    await env.stripe.closeDispute(dispute.id, "lost");
    const events = env.stripe.state.events.filter((e) => HANDLED.includes(e.type));
    expect(events).toHaveLength(4);

    for (const event of [...events].reverse()) {
      expect((await postEvent(env, JSON.stringify(event))).status).toBe(200);
    }
    expect(billFields(env, recordId)).toMatchObject({
      sessionId,
      status: "complete",
      paymentStatus: "dispute_lost",
      refunded: "150",
    });
  });
});
