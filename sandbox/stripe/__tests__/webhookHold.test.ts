import Stripe from "stripe";
import { controlRequest, sessionParams, useEmulator } from "./emulatorClient";
import { useReceiver } from "./webhookReceiver";

const SECRET = "whsec_emulatorHoldSecret";

const receiver = useReceiver();
const env = useEmulator(() => ({
  webhook: { url: receiver.url, secret: SECRET },
  webhookRetry: { initialDelayMs: 20, maxAttempts: 3 },
}));

function receivedTypes(): string[] {
  return receiver.received.map(
    ({ body, signature }) => Stripe.webhooks.constructEvent(body, signature, SECRET).type,
  );
}

describe("holding webhooks back (paid a moment ago, the webhook not yet here)", () => {
  it("makes and lists events while held, and delivers none of them", async () => {
    env.emulator.holdWebhooks();
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    await env.emulator.payWithCard(session.id);
    await env.emulator.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    const completed = await env.stripe.events.list({ type: "checkout.session.completed" });
    expect(completed.data[0]?.data.object).toMatchObject({ id: session.id, status: "complete" });
    expect(completed.data[0]?.pending_webhooks).toBe(1);
    expect(await env.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      payment_status: "paid",
    });
  });

  it("release delivers the held events in the order they happened, then sends as usual", async () => {
    env.emulator.holdWebhooks();
    const session = await env.stripe.checkout.sessions.create(sessionParams());
    await env.emulator.payWithCard(session.id);
    await env.emulator.releaseWebhooks();
    const inOrder = env.emulator.state.events.map((event) => event.type);
    expect(inOrder).toContain("checkout.session.completed");
    expect(receivedTypes()).toEqual(inOrder);
    await env.stripe.products.create({ name: "After" });
    await env.emulator.flushWebhooks();
    expect(receivedTypes().at(-1)).toBe("product.created");
  });

  it("works through POST /_emulator/webhooks/hold and /release", async () => {
    expect((await controlRequest(env.emulator, "/webhooks/hold", {})).status).toBe(200);
    await env.stripe.products.create({ name: "Held" });
    await env.emulator.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect((await controlRequest(env.emulator, "/webhooks/release", {})).status).toBe(200);
    expect(receivedTypes()).toEqual(["product.created"]);
  });

  it("reset forgets the held events and stops holding", async () => {
    env.emulator.holdWebhooks();
    await env.stripe.products.create({ name: "Forgotten" });
    env.emulator.reset();
    await env.emulator.releaseWebhooks();
    expect(receiver.received).toHaveLength(0);
    await env.stripe.products.create({ name: "Sent" });
    await env.emulator.flushWebhooks();
    expect(receivedTypes()).toEqual(["product.created"]);
  });
});
