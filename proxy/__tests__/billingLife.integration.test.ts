/**
 * A record's billing life beyond its first link, through HTTP with the real adapters against the
 * emulators: a payment on any of its links reaches it and closes the others; a record paid
 * through two links says so; an expired link's recovery link takes its place, and a payment
 * through it reaches the record.
 */
import {
  addBillRecord,
  billFields,
  billingMapping,
  billingProxyPerTest,
  billRecord,
} from "./support/billingLifeKit";

const env = billingProxyPerTest();

const TWO_LINKS = billingMapping({ replaceOpenSession: false });

function stripeStatusOf(sessionId: string) {
  return env.stripe.state.sessions.find((s) => s.id === sessionId)?.status;
}

/** A record with two links, both paid before either webhook came. */
async function recordPaidThroughBothLinks() {
  const recordId = addBillRecord(env);
  const older = await billRecord(env, recordId, TWO_LINKS);
  const newer = await billRecord(env, recordId, TWO_LINKS);
  env.stripe.holdWebhooks();
  await env.stripe.payWithCard(older);
  await env.stripe.payWithCard(newer);
  await env.stripe.releaseWebhooks();
  await env.stripe.flushWebhooks();
  return { recordId, older, newer };
}

describe("a record with two open links", () => {
  it("shows paid when the older link is paid, and the newer link is expired in Stripe", async () => {
    const recordId = addBillRecord(env);
    const older = await billRecord(env, recordId, TWO_LINKS);
    const newer = await billRecord(env, recordId, TWO_LINKS);
    expect(stripeStatusOf(older)).toBe("open");

    await env.stripe.payWithCard(older);
    await env.stripe.flushWebhooks();
    expect(stripeStatusOf(newer)).toBe("expired");
    await env.stripe.flushWebhooks(); // the newer link's expired event changes nothing
    expect(billFields(env, recordId)).toMatchObject({
      sessionId: older,
      status: "complete",
      paymentStatus: "paid",
      error: "",
    });
  });

  it("says in the error field and in the diagnostics that both links were paid", async () => {
    const { recordId, older, newer } = await recordPaidThroughBothLinks();

    expect(billFields(env, recordId)).toMatchObject({
      paymentStatus: "paid",
      error: `Paid more than once (sessions ${older}, ${newer}): decide which payment to refund in Stripe.`,
    });
    const diagnostics = await env.call("GET", "/v1/diagnostics");
    const app = diagnostics.body.kintone.apps.find((a: { appId: string }) => a.appId === env.appId);
    expect(app.ok).toBe(false);
    expect(app.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `record ${recordId} was paid more than once \\(sessions ${older}, ${newer}\\).*#record-paid-twice$`,
        ),
      ),
    );
  });

  it("shows the payment it keeps, with the error cleared, once one of the two is refunded", async () => {
    const { recordId, older, newer } = await recordPaidThroughBothLinks();
    const shownBefore = String(billFields(env, recordId).sessionId);
    expect([older, newer]).toContain(shownBefore);
    const refunded = shownBefore;
    const kept = refunded === older ? newer : older;

    await env.stripe.refundSession(refunded, 500);
    await env.stripe.flushWebhooks();

    expect(billFields(env, recordId)).toMatchObject({
      sessionId: kept,
      status: "complete",
      paymentStatus: "paid",
      error: "",
    });
  });

  it("keeps the paid-twice error while both payments are kept (a partial refund)", async () => {
    const { recordId, older } = await recordPaidThroughBothLinks();

    await env.stripe.refundSession(older, 200);
    await env.stripe.flushWebhooks();

    expect(billFields(env, recordId).error).toMatch(/^Paid more than once/);
  });
});

// Needs the mapping's `afterExpirationRecovery` sent to Stripe as `after_expiration.recovery` and
// Stripe's `after_expiration.recovery.url` / `recovered_from` read back (the Stripe adapter's
// session params and session mapping).
describe("a record whose link expired, with recovery", () => {
  const RECOVERING = billingMapping({ afterExpirationRecovery: true });

  async function expiredWithRecovery() {
    const recordId = addBillRecord(env);
    const sessionId = await billRecord(env, recordId, RECOVERING);
    await env.stripe.advanceClock(25 * 60 * 60);
    await env.stripe.flushWebhooks();
    const expired = env.stripe.state.sessions.find((s) => s.id === sessionId)!;
    return { recordId, sessionId, recoveryUrl: expired.after_expiration!.recovery!.url! };
  }

  it("gets the recovery link in recoveryUrl and in url", async () => {
    const { recordId, recoveryUrl } = await expiredWithRecovery();
    expect(recoveryUrl).toMatch(/^http/);
    expect(billFields(env, recordId)).toMatchObject({
      status: "expired",
      recoveryUrl,
      url: recoveryUrl,
    });
  });

  it("shows paid, with the recovered session's id, once paid through the recovery link", async () => {
    const { recordId, sessionId } = await expiredWithRecovery();
    const recovered = await env.stripe.recoverSession(sessionId);
    await env.stripe.payWithCard(recovered.id);
    await env.stripe.flushWebhooks();
    expect(billFields(env, recordId)).toMatchObject({
      sessionId: recovered.id,
      status: "complete",
      paymentStatus: "paid",
    });
    const answer = await env.call("GET", `/v1/checkouts/${recovered.id}`);
    expect(answer.body.session).toMatchObject({ paymentStatus: "paid", recordIds: [recordId] });
  });
});
