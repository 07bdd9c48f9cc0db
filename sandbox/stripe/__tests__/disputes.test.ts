import { controlRequest, sessionParams, useEmulator } from "./emulatorClient";

const env = useEmulator({ frozenClock: true });

/** A session paid by card (1000 JPY), with its payment intent and charge ids. */
async function paidSession(): Promise<{
  sessionId: string;
  paymentIntent: string;
  charge: string;
}> {
  const session = await env.stripe.checkout.sessions.create(sessionParams());
  await env.emulator.payWithCard(session.id);
  const paymentIntent = (await env.stripe.checkout.sessions.retrieve(session.id))
    .payment_intent as string;
  const charge = (await env.stripe.paymentIntents.retrieve(paymentIntent)).latest_charge as string;
  return { sessionId: session.id, paymentIntent, charge };
}

async function eventTypes(): Promise<string[]> {
  const events = await env.stripe.events.list({ type: "charge.dispute.*" });
  return events.data.map((event) => event.type).reverse();
}

describe("openDispute", () => {
  it("disputes the paid charge in full: needs_response, Stripe's shape, charge.dispute.created", async () => {
    const { sessionId, paymentIntent, charge } = await paidSession();
    const dispute = await env.emulator.openDispute(sessionId);
    expect(dispute.id).toMatch(/^dp_/);
    expect(dispute).toMatchObject({
      object: "dispute",
      amount: 1000,
      currency: "jpy",
      charge,
      payment_intent: paymentIntent,
      status: "needs_response",
      reason: "fraudulent",
      created: env.emulator.now(),
      livemode: false,
      evidence_details: { has_evidence: false, past_due: false, submission_count: 0 },
    });
    expect((await env.stripe.charges.retrieve(charge)).disputed).toBe(true);
    expect(await eventTypes()).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
    ]);
    const [created] = (await env.stripe.events.list({ types: ["charge.dispute.created"] })).data;
    expect(created?.data.object).toMatchObject({ id: dispute.id, status: "needs_response" });
    expect(env.emulator.state.disputes.map((d) => d.id)).toEqual([dispute.id]);
  });

  it("disputes part of the amount when asked, through POST /_emulator/disputes", async () => {
    const { sessionId, paymentIntent } = await paidSession();
    const bySession = await controlRequest(env.emulator, "/disputes", {
      session: sessionId,
      amount: 400,
    });
    expect(bySession.status).toBe(200);
    expect(bySession.json).toMatchObject({
      dispute: { amount: 400, payment_intent: paymentIntent },
    });
    const other = await paidSession();
    const byIntent = await controlRequest(env.emulator, "/disputes", {
      payment_intent: other.paymentIntent,
    });
    expect(byIntent.json).toMatchObject({ dispute: { amount: 1000, charge: other.charge } });
    const listed = await controlRequest(env.emulator, "/disputes");
    expect(listed.json).toMatchObject({
      disputes: [{ charge: other.charge }, { payment_intent: paymentIntent }],
    });
  });

  it("refuses an unpaid session, a second dispute of one charge and a bad amount (400)", async () => {
    const unpaid = await env.stripe.checkout.sessions.create(sessionParams());
    await expect(env.emulator.openDispute(unpaid.id)).rejects.toThrow(/has no payment/);
    expect((await controlRequest(env.emulator, "/disputes", { session: unpaid.id })).status).toBe(
      400,
    );
    expect((await controlRequest(env.emulator, "/disputes", {})).status).toBe(400);
    const { sessionId } = await paidSession();
    await expect(env.emulator.openDispute(sessionId, { amount: 1001 })).rejects.toThrow(
      /between 1/,
    );
    await env.emulator.openDispute(sessionId);
    const again = await controlRequest(env.emulator, "/disputes", { session: sessionId });
    expect(again).toMatchObject({
      status: 400,
      json: { error: { message: /already been disputed/ } },
    });
  });
});

describe("closeDispute", () => {
  it("won: status won, charge.dispute.closed then funds_reinstated", async () => {
    const { sessionId } = await paidSession();
    const dispute = await env.emulator.openDispute(sessionId);
    expect(await env.emulator.closeDispute(dispute.id, "won")).toMatchObject({ status: "won" });
    expect(await eventTypes()).toEqual([
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
      "charge.dispute.closed",
      "charge.dispute.funds_reinstated",
    ]);
    const [closed] = (await env.stripe.events.list({ type: "charge.dispute.closed" })).data;
    expect(closed?.data).toMatchObject({
      object: { id: dispute.id, status: "won" },
      previous_attributes: { status: "needs_response" },
    });
  });

  it("lost, through POST /_emulator/disputes/:id/close: status lost, the charge stays disputed", async () => {
    const { sessionId, charge } = await paidSession();
    const dispute = await env.emulator.openDispute(sessionId);
    const { status, json } = await controlRequest(env.emulator, `/disputes/${dispute.id}/close`, {
      outcome: "lost",
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ dispute: { id: dispute.id, status: "lost" } });
    expect((await env.stripe.charges.retrieve(charge)).disputed).toBe(true);
    const types = (
      await env.stripe.events.list({ types: ["charge.dispute.created", "charge.dispute.closed"] })
    ).data.map((event) => event.type);
    expect(types).toEqual(["charge.dispute.closed", "charge.dispute.created"]);
  });

  it("refuses to close a closed dispute (400), a bad outcome (400), an unknown one (404)", async () => {
    const { sessionId } = await paidSession();
    const dispute = await env.emulator.openDispute(sessionId);
    await env.emulator.closeDispute(dispute.id, "lost");
    await expect(env.emulator.closeDispute(dispute.id, "won")).rejects.toThrow(/already closed/);
    const close = (id: string, outcome: string) =>
      controlRequest(env.emulator, `/disputes/${id}/close`, { outcome });
    expect((await close(dispute.id, "won")).status).toBe(400);
    expect((await close(dispute.id, "maybe")).status).toBe(400);
    expect((await close("dp_nope", "won")).status).toBe(404);
  });
});

describe("GET /v1/disputes", () => {
  it("retrieves a dispute and lists them newest first, filtered by charge or payment_intent", async () => {
    const first = await paidSession();
    const a = await env.emulator.openDispute(first.sessionId);
    await env.emulator.advanceClock(10);
    const second = await paidSession();
    const b = await env.emulator.openDispute(second.sessionId);
    expect(await env.stripe.disputes.retrieve(a.id)).toMatchObject({ id: a.id, amount: 1000 });
    expect((await env.stripe.disputes.list()).data.map((d) => d.id)).toEqual([b.id, a.id]);
    expect(
      (await env.stripe.disputes.list({ charge: first.charge })).data.map((d) => d.id),
    ).toEqual([a.id]);
    const byIntent = await env.stripe.disputes.list({ payment_intent: second.paymentIntent });
    expect(byIntent.data.map((d) => d.id)).toEqual([b.id]);
    await expect(env.stripe.disputes.retrieve("dp_nope")).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("POST /v1/refunds on a disputed charge", () => {
  it("answers 400 charge_disputed while the chargeback stands, and refunds again once it is won", async () => {
    const { sessionId, paymentIntent } = await paidSession();
    const dispute = await env.emulator.openDispute(sessionId);
    await expect(
      env.stripe.refunds.create({ payment_intent: paymentIntent, amount: 100 }),
    ).rejects.toMatchObject({ statusCode: 400, code: "charge_disputed" });
    await env.emulator.closeDispute(dispute.id, "lost");
    await expect(
      env.stripe.refunds.create({ payment_intent: paymentIntent }),
    ).rejects.toMatchObject({ code: "charge_disputed" });

    const other = await paidSession();
    const won = await env.emulator.openDispute(other.sessionId);
    await env.emulator.closeDispute(won.id, "won");
    await expect(
      env.stripe.refunds.create({ payment_intent: other.paymentIntent, amount: 100 }),
    ).resolves.toMatchObject({ amount: 100, status: "succeeded" });
  });
});
