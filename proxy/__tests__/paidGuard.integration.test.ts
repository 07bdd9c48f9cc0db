/**
 * The paid guard, through HTTP with the real adapters against the emulators: a record already
 * paid gets no second link — from a checkout, a preview or a job — unless the app bills repeatedly.
 */
import { waitFor } from "../../testkit/waitFor";
import {
  addBillRecord,
  billFields,
  billingMapping,
  billingProxyPerTest,
  billRecord,
} from "./support/billingLifeKit";

const env = billingProxyPerTest();

const mapping = (overrides: Record<string, unknown> = {}) =>
  billingMapping({
    writeBack: {
      url: "checkout_url",
      sessionId: "session_id",
      status: "status",
      paymentStatus: "pay_status",
      paidAt: "paid_at",
      error: "error",
    },
    ...overrides,
  });

const sessionCreates = () =>
  env.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")
    .length;

/** A new link for the record, refused with 409 RECORD_ALREADY_PAID naming its paid session. */
async function expectRefusedAsPaid(recordId: string, sessionId: string) {
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: [{ id: recordId }],
    mapping: mapping(),
  });
  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({
    error: {
      code: "RECORD_ALREADY_PAID",
      details: [{ recordId, sessionId, paymentStatus: "paid" }],
    },
  });
}

async function paidRecord() {
  const recordId = addBillRecord(env);
  const sessionId = await billRecord(env, recordId, mapping());
  await env.stripe.payWithCard(sessionId);
  await env.stripe.flushWebhooks();
  expect(billFields(env, recordId).paymentStatus).toBe("paid");
  return { recordId, sessionId };
}

describe("POST /v1/checkouts for a paid record", () => {
  it("answers 409 RECORD_ALREADY_PAID, sends nothing to Stripe and leaves the record paid", async () => {
    const { recordId, sessionId } = await paidRecord();
    const paidAt = env.field(recordId, "paid_at");
    expect(paidAt).not.toBe("");
    const creates = sessionCreates();

    await expectRefusedAsPaid(recordId, sessionId);
    expect(sessionCreates()).toBe(creates);
    expect(billFields(env, recordId)).toMatchObject({ sessionId, paymentStatus: "paid" });
    expect(env.field(recordId, "paid_at")).toBe(paidAt);
  });

  it("refuses a preview of it the same way", async () => {
    const { recordId } = await paidRecord();
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: mapping(),
      dryRun: true,
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: "RECORD_ALREADY_PAID" } });
  });

  it("makes a new link with allowRepeatPayment", async () => {
    const { recordId, sessionId } = await paidRecord();
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: mapping({ allowRepeatPayment: true }),
    });
    expect(answer.status).toBe(201);
    const [made] = (answer.body as { sessions: { id: string }[] }).sessions;
    expect(made?.id).not.toBe(sessionId);
  });

  it("bills a fully refunded record again", async () => {
    const { recordId, sessionId } = await paidRecord();
    await env.stripe.refundSession(sessionId);
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId).paymentStatus).toBe("refunded");
    await billRecord(env, recordId, mapping());
  });
});

describe("POST /v1/checkouts for a record paid a moment ago", () => {
  it("answers 409, makes no new session and writes the earlier session's true state", async () => {
    const recordId = addBillRecord(env);
    const sessionId = await billRecord(env, recordId, mapping());
    env.stripe.holdWebhooks();
    await env.stripe.payWithCard(sessionId);
    const creates = sessionCreates();

    await expectRefusedAsPaid(recordId, sessionId);
    expect(sessionCreates()).toBe(creates);
    expect(billFields(env, recordId)).toMatchObject({
      sessionId,
      status: "complete",
      paymentStatus: "paid",
    });
    await env.stripe.releaseWebhooks();
    expect(billFields(env, recordId)).toMatchObject({ status: "complete", paymentStatus: "paid" });
  });
});

describe("POST /v1/jobs with a paid record", () => {
  it("reports the paid record as RECORD_ALREADY_PAID and bills the other", async () => {
    const { recordId: paid } = await paidRecord();
    const unpaid = addBillRecord(env);
    const submitted = await env.call("POST", "/v1/jobs", {
      appId: env.appId,
      records: [{ id: paid }, { id: unpaid }],
      mapping: mapping({ grouping: "perRecord" }),
    });
    expect(submitted.status).toBe(202);
    const { id } = (submitted.body as { job: { id: string } }).job;

    type Job = { status: string; errors?: { recordId: string; code: string }[] };
    let job: Job | undefined;
    await waitFor(async () => {
      job = ((await env.call("GET", `/v1/jobs/${id}`)).body as { job: Job }).job;
      return job.status !== "queued" && job.status !== "running";
    });
    expect(job).toMatchObject({
      status: "partially_failed",
      errors: [{ recordId: paid, code: "RECORD_ALREADY_PAID" }],
    });
    expect(billFields(env, paid).paymentStatus).toBe("paid");
    expect(billFields(env, unpaid)).toMatchObject({ status: "open", paymentStatus: "unpaid" });
  });
});
