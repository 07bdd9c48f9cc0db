import { storeContract } from "./storeContract";

export const checkoutIntentsContract = storeContract("intents", (intents) => {
  it("reuses a checkout intent while reusable, and starts a new generation when not", async () => {
    const now = new Date("2026-01-10T00:00:00Z");
    const fresh = (generation: number) => ({
      idempotencyKey: `key-${generation}`,
      expiresAt: now,
    });
    const first = await intents.claim("base", () => true, fresh, now);
    expect(first.idempotencyKey).toBe("key-1");
    expect((await intents.claim("base", () => true, fresh, now)).idempotencyKey).toBe("key-1");
    await intents.complete("base", "key-1", "cs_1");
    expect((await intents.find("base"))?.sessionId).toBe("cs_1");
    const next = await intents.claim("base", () => false, fresh, now);
    expect(next).toMatchObject({ idempotencyKey: "key-2", sessionId: null, abandoned: false });
    await intents.abandon("base", "key-2");
    expect((await intents.find("base"))?.abandoned).toBe(true);
    const reusableUnlessAbandoned = (intent: { abandoned: boolean }) => !intent.abandoned;
    expect(await intents.claim("base", reusableUnlessAbandoned, fresh, now)).toMatchObject({
      idempotencyKey: "key-3",
      abandoned: false,
    });
  });
});
