import Stripe from "stripe";
import type { StripeEmulator } from "../StripeEmulator";
import { controlRequest, sessionParams, startWithClient } from "./emulatorClient";
import { Receiver, startReceiver } from "./webhookReceiver";

const SECRET = "whsec_emulatorHoldSecret";

let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  ({ emulator, stripe } = await startWithClient({
    webhook: { url: receiver.url, secret: SECRET },
    webhookRetry: { initialDelayMs: 20, maxAttempts: 3 },
  }));
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
beforeEach(() => {
  emulator.reset();
  receiver.received.length = 0;
  receiver.failures.length = 0;
});

function receivedTypes(): string[] {
  return receiver.received.map(
    ({ body, signature }) => Stripe.webhooks.constructEvent(body, signature, SECRET).type,
  );
}

describe("holding webhooks back (paid a moment ago, the webhook not yet here)", () => {
  it("makes and lists events while held, and delivers none of them", async () => {
    emulator.holdWebhooks();
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);
    await emulator.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    const completed = await stripe.events.list({ type: "checkout.session.completed" });
    expect(completed.data[0]?.data.object).toMatchObject({ id: session.id, status: "complete" });
    expect(completed.data[0]?.pending_webhooks).toBe(1);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      payment_status: "paid",
    });
  });

  it("release delivers the held events in the order they happened, then sends as usual", async () => {
    emulator.holdWebhooks();
    const session = await stripe.checkout.sessions.create(sessionParams());
    await emulator.payWithCard(session.id);
    await emulator.releaseWebhooks();
    const inOrder = emulator.state.events.map((event) => event.type);
    expect(inOrder).toContain("checkout.session.completed");
    expect(receivedTypes()).toEqual(inOrder);
    await stripe.products.create({ name: "After" });
    await emulator.flushWebhooks();
    expect(receivedTypes().at(-1)).toBe("product.created");
  });

  it("works through POST /_emulator/webhooks/hold and /release", async () => {
    expect((await controlRequest(emulator, "/webhooks/hold", {})).status).toBe(200);
    await stripe.products.create({ name: "Held" });
    await emulator.flushWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect((await controlRequest(emulator, "/webhooks/release", {})).status).toBe(200);
    expect(receivedTypes()).toEqual(["product.created"]);
  });

  it("reset forgets the held events and stops holding", async () => {
    emulator.holdWebhooks();
    await stripe.products.create({ name: "Forgotten" });
    emulator.reset();
    await emulator.releaseWebhooks();
    expect(receiver.received).toHaveLength(0);
    await stripe.products.create({ name: "Sent" });
    await emulator.flushWebhooks();
    expect(receivedTypes()).toEqual(["product.created"]);
  });
});
