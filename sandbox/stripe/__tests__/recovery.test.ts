import Stripe from "stripe";
import { RECOVERY_URL_LIFETIME_SECONDS } from "../RecoveryFlows";
import { controlRequest, sessionParams, stripeErrorOf, useEmulator } from "./emulatorClient";

const env = useEmulator({ frozenClock: true });

const DAY = 24 * 60 * 60;

function recoverableParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return sessionParams({
    after_expiration: { recovery: { enabled: true } },
    customer_email: "buyer@example.com",
    client_reference_id: "record-7",
    metadata: { appId: "12", recordIds: "7" },
    ...overrides,
  });
}

/** Follows nothing: the status and Location of a GET on the recovery URL. */
async function visit(url: string): Promise<{ status: number; location: string | null }> {
  const response = await fetch(url, { redirect: "manual" });
  await response.text();
  return { status: response.status, location: response.headers.get("location") };
}

describe("POST /v1/checkout/sessions with after_expiration[recovery]", () => {
  it("shows after_expiration and recovered_from null when recovery was not asked for", async () => {
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({ after_expiration: null, recovered_from: null });
  });

  it("carries the recovery settings, with no URL and no expiry while the session is open", async () => {
    const session = await env.stripe.checkout.sessions.create(
      recoverableParams({
        after_expiration: { recovery: { enabled: true, allow_promotion_codes: true } },
      }),
    );
    expect(session.after_expiration).toEqual({
      recovery: { enabled: true, allow_promotion_codes: true, expires_at: null, url: null },
    });
    expect(session.recovered_from).toBeNull();
  });

  it("requires after_expiration[recovery][enabled]", async () => {
    const error = await stripeErrorOf(
      env.stripe.checkout.sessions.create(
        sessionParams({
          after_expiration: {
            recovery: { allow_promotion_codes: true } as unknown as { enabled: boolean },
          },
        }),
      ),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      param: "after_expiration[recovery][enabled]",
    });
  });
});

describe("a recovery-enabled session that expires", () => {
  it("gets a recovery URL valid 30 days, shown by the session and its expired event", async () => {
    const session = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(session.id);
    const expired = await env.stripe.checkout.sessions.retrieve(session.id);
    const recovery = expired.after_expiration?.recovery;
    expect(recovery?.url).toMatch(new RegExp(`^${env.emulator.url}/c/recover/\\w+$`));
    expect(recovery?.expires_at).toBe(env.emulator.now() + RECOVERY_URL_LIFETIME_SECONDS);
    expect(RECOVERY_URL_LIFETIME_SECONDS).toBe(30 * DAY);
    const [event] = (await env.stripe.events.list({ type: "checkout.session.expired" })).data;
    expect((event?.data.object as Stripe.Checkout.Session).after_expiration?.recovery?.url).toBe(
      recovery?.url,
    );
  });

  it("gets one when the clock expires it, and when the control API does", async () => {
    const byClock = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.emulator.advanceClock(DAY + 1);
    const byControl = await env.stripe.checkout.sessions.create(recoverableParams());
    expect(
      (await controlRequest(env.emulator, `/sessions/${byControl.id}/expire`, {})).status,
    ).toBe(200);
    for (const id of [byClock.id, byControl.id]) {
      const expired = await env.stripe.checkout.sessions.retrieve(id);
      expect(expired.status).toBe("expired");
      expect(expired.after_expiration?.recovery?.url).toContain("/c/recover/");
    }
  });

  it("gets no URL without recovery enabled", async () => {
    const session = await env.stripe.checkout.sessions.create(
      sessionParams({ after_expiration: { recovery: { enabled: false } } }),
    );
    await env.stripe.checkout.sessions.expire(session.id);
    const expired = await env.stripe.checkout.sessions.retrieve(session.id);
    expect(expired.after_expiration?.recovery).toMatchObject({ enabled: false, url: null });
  });
});

describe("GET on the recovery URL", () => {
  it("makes an open copy of the expired session and redirects (303) to its page", async () => {
    const original = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(original.id);
    const url = (await env.stripe.checkout.sessions.retrieve(original.id)).after_expiration
      ?.recovery?.url as string;

    const first = await visit(url);
    expect(first.status).toBe(303);
    const sessions = await env.stripe.checkout.sessions.list({ status: "open" });
    expect(sessions.data).toHaveLength(1);
    const copy = sessions.data[0] as Stripe.Checkout.Session;
    expect(first.location).toBe(copy.url);
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      status: "open",
      payment_status: "unpaid",
      recovered_from: original.id,
      mode: "payment",
      currency: original.currency,
      amount_total: original.amount_total,
      metadata: original.metadata,
      client_reference_id: "record-7",
      customer_email: "buyer@example.com",
      success_url: original.success_url,
      cancel_url: original.cancel_url,
    });
    const lines = async (id: string) =>
      (await env.stripe.checkout.sessions.listLineItems(id)).data.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        price: line.price?.id,
      }));
    expect(await lines(copy.id)).toEqual(await lines(original.id));

    const second = await visit(url);
    expect(second.location).toBe(first.location);
    expect((await env.stripe.checkout.sessions.list({ status: "open" })).data).toHaveLength(1);
  });

  it("leads to the paid copy once it is paid, and makes a new copy once it expired", async () => {
    const original = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(original.id);
    const copy = await env.emulator.recoverSession(original.id);
    await env.emulator.payWithCard(copy.id);
    expect(await env.emulator.recoverSession(original.id)).toMatchObject({
      id: copy.id,
      status: "complete",
    });
    const completed = (await env.stripe.events.list({ type: "checkout.session.completed" }))
      .data[0];
    expect(completed?.data.object).toMatchObject({ id: copy.id, recovered_from: original.id });

    const other = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(other.id);
    const firstCopy = await env.emulator.recoverSession(other.id);
    await env.stripe.checkout.sessions.expire(firstCopy.id);
    const secondCopy = await env.emulator.recoverSession(other.id);
    expect(secondCopy.id).not.toBe(firstCopy.id);
    expect(secondCopy).toMatchObject({ status: "open", recovered_from: other.id });
  });

  it("answers 410 once the URL is past its 30 days, and 404 for an unknown one", async () => {
    const session = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(session.id);
    const url = (await env.stripe.checkout.sessions.retrieve(session.id)).after_expiration?.recovery
      ?.url as string;
    await env.emulator.advanceClock(RECOVERY_URL_LIFETIME_SECONDS);
    expect((await visit(url)).status).toBe(410);
    await expect(env.emulator.recoverSession(session.id)).rejects.toThrow(
      /recovery URL .* expired/,
    );
    expect((await visit(`${env.emulator.url}/c/recover/nope`)).status).toBe(404);
  });
});

describe("POST /_emulator/sessions/:id/recover", () => {
  it("answers the recovered session", async () => {
    const session = await env.stripe.checkout.sessions.create(recoverableParams());
    await env.stripe.checkout.sessions.expire(session.id);
    const { status, json } = await controlRequest(
      env.emulator,
      `/sessions/${session.id}/recover`,
      {},
    );
    expect(status).toBe(200);
    const recovered = (json as { session: Stripe.Checkout.Session }).session;
    expect(recovered).toMatchObject({ status: "open", recovered_from: session.id });
    expect(await env.emulator.recoverSession(session.id)).toMatchObject({ id: recovered.id });
  });

  it("answers 400 for a session without recovery or not expired", async () => {
    const plain = await env.stripe.checkout.sessions.create(sessionParams());
    await env.stripe.checkout.sessions.expire(plain.id);
    const open = await env.stripe.checkout.sessions.create(recoverableParams());
    for (const id of [plain.id, open.id]) {
      const { status, json } = await controlRequest(env.emulator, `/sessions/${id}/recover`, {});
      expect(status).toBe(400);
      expect(json).toMatchObject({ error: { message: expect.any(String) } });
    }
    await expect(env.emulator.recoverSession(open.id)).rejects.toThrow(/status of `open`/);
  });
});
