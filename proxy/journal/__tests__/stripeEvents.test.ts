import { describeStore } from "./journalAdapters";

function event(eventId: string, created: number) {
  return {
    eventId,
    type: "checkout.session.completed",
    created,
    payloadJson: `{"id":"${eventId}"}`,
  };
}

describeStore("stripeEvents", (events) => {
  it("stores an event once and says whether it was applied", () => {
    const at = new Date("2026-11-23T10:00:00Z");
    expect(events.store(event("evt_1", 100), at)).toEqual({ isNew: true, applied: false });
    expect(events.store(event("evt_1", 100), at)).toEqual({ isNew: false, applied: false });
    events.markApplied("evt_1", "applied", at);
    expect(events.store(event("evt_1", 100), at)).toEqual({ isNew: false, applied: true });
    expect(events.get("evt_1")).toMatchObject({ outcome: "applied", appliedAt: at });
  });

  it("lists unapplied events oldest first, with their failures", () => {
    const at = new Date();
    events.store(event("evt_late", 300), at);
    events.store(event("evt_early", 100), at);
    events.store(event("evt_done", 200), at);
    events.markApplied("evt_done", "no_change", at);
    events.recordFailure("evt_late", "Stripe unreachable");
    expect(events.listUnapplied(10).map((e) => [e.eventId, e.attempts, e.lastError])).toEqual([
      ["evt_early", 0, null],
      ["evt_late", 1, "Stripe unreachable"],
    ]);
    expect(events.latestCreated()).toBe(300);
  });

  it("prunes only applied events created before the limit", () => {
    const at = new Date();
    events.store(event("evt_old_applied", 100), at);
    events.markApplied("evt_old_applied", "applied", at);
    events.store(event("evt_old_unapplied", 100), at);
    events.store(event("evt_new", 500), at);
    events.markApplied("evt_new", "applied", at);
    expect(events.prune(200)).toBe(1);
    expect(events.get("evt_old_applied")).toBeUndefined();
    expect(events.get("evt_old_unapplied")).toBeDefined();
    expect(events.get("evt_new")).toBeDefined();
  });
});
