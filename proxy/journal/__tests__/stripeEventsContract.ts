import { storeContract } from "./storeContract";

function event(eventId: string, created: number) {
  return {
    eventId,
    type: "checkout.session.completed",
    created,
    payloadJson: `{"id":"${eventId}"}`,
  };
}

export const stripeEventsContract = storeContract("stripeEvents", (events) => {
  it("stores an event once and says whether it was applied", async () => {
    const at = new Date("2026-11-23T10:00:00Z");
    expect(await events.store(event("evt_1", 100), at)).toEqual({ isNew: true, applied: false });
    expect(await events.store(event("evt_1", 100), at)).toEqual({ isNew: false, applied: false });
    await events.markApplied("evt_1", "applied", at);
    expect(await events.store(event("evt_1", 100), at)).toEqual({ isNew: false, applied: true });
    expect(await events.get("evt_1")).toMatchObject({ outcome: "applied", appliedAt: at });
  });

  it("lists unapplied events oldest first, with their failures", async () => {
    const at = new Date();
    await events.store(event("evt_late", 300), at);
    await events.store(event("evt_early", 100), at);
    await events.store(event("evt_done", 200), at);
    await events.markApplied("evt_done", "no_change", at);
    await events.recordFailure("evt_late", "Stripe unreachable");
    expect(
      (await events.listUnapplied(10)).map((e) => [e.eventId, e.attempts, e.lastError]),
    ).toEqual([
      ["evt_early", 0, null],
      ["evt_late", 1, "Stripe unreachable"],
    ]);
    expect(await events.latestCreated()).toBe(300);
  });

  it("prunes only applied events created before the limit", async () => {
    const at = new Date();
    await events.store(event("evt_old_applied", 100), at);
    await events.markApplied("evt_old_applied", "applied", at);
    await events.store(event("evt_old_unapplied", 100), at);
    await events.store(event("evt_new", 500), at);
    await events.markApplied("evt_new", "applied", at);
    expect(await events.prune(200)).toBe(1);
    expect(await events.get("evt_old_applied")).toBeUndefined();
    expect(await events.get("evt_old_unapplied")).toBeDefined();
    expect(await events.get("evt_new")).toBeDefined();
  });
});
