import { describeStore } from "./journalAdapters";
import { aSession } from "./journalFixtures";

describeStore("sessions", (sessions) => {
  it("keeps sessions with their records and mapping", () => {
    sessions.save(aSession("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }));
    expect(sessions.get("cs_1")).toEqual(
      aSession("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }),
    );
    expect(sessions.findOpenForRecord("12", "2").map((s) => s.sessionId)).toEqual(["cs_1"]);
    expect(sessions.findOpenForRecord("13", "2")).toEqual([]);
  });

  it("moves a session's status only forward", () => {
    sessions.save(aSession("cs_1"));
    sessions.updateState("cs_1", { status: "complete", paymentStatus: "paid" });
    sessions.updateState("cs_1", { status: "expired" });
    sessions.updateState("cs_1", { status: "open" });
    expect(sessions.get("cs_1")).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(sessions.findOpenForRecord("12", "1")).toEqual([]);
  });

  it("keeps what it learns of a session's money: refunds, dispute, payment intent, recovery link", () => {
    sessions.save(aSession("cs_1"));
    sessions.updateState("cs_1", {
      status: "expired",
      amountRefunded: 200,
      refund: "partial",
      dispute: "open",
      paymentIntentId: "pi_1",
      recoveryUrl: "https://checkout.example/r/1",
    });
    sessions.updateState("cs_1", { paymentIntentId: "pi_other" });
    expect(sessions.get("cs_1")).toMatchObject({
      amountRefunded: 200,
      refund: "partial",
      dispute: "open",
      paymentIntentId: "pi_1",
      recoveryUrl: "https://checkout.example/r/1",
    });
  });

  it("finds the records paid through more than one session, with those sessions", () => {
    const paid = { status: "complete" as const, paymentStatus: "paid" as const };
    sessions.save(aSession("cs_a", { ...paid, recordIds: ["1", "2"] }));
    sessions.save(
      aSession("cs_b", { ...paid, recordIds: ["1"], createdAt: new Date("2026-01-10T01:00:00Z") }),
    );
    sessions.save(aSession("cs_c", { ...paid, paymentStatus: "refunded", recordIds: ["2"] }));
    sessions.save(aSession("cs_d", { ...paid, appId: "13", recordIds: ["1"] }));
    expect(
      sessions.findRecordsPaidMoreThanOnce("12").map((entry) => ({
        recordId: entry.recordId,
        sessions: entry.sessions.map((s) => s.sessionId),
      })),
    ).toEqual([{ recordId: "1", sessions: ["cs_a", "cs_b"] }]);
  });

  it("knows each record's newest session", () => {
    sessions.save(aSession("cs_old", { createdAt: new Date("2026-01-01T00:00:00Z") }));
    sessions.save(aSession("cs_new", { createdAt: new Date("2026-01-02T00:00:00Z") }));
    expect(sessions.latestIdForRecord("12", "1")).toBe("cs_new");
    expect(sessions.latestIdForRecord("12", "9")).toBeUndefined();
    expect(sessions.listForRecord("12", "1").map((s) => s.sessionId)).toEqual(["cs_old", "cs_new"]);
    expect(sessions.listForRecord("13", "1")).toEqual([]);
  });

  it("lists sessions newest first, by app and record, page by page", () => {
    for (let i = 1; i <= 5; i++) {
      sessions.save(
        aSession(`cs_${i}`, {
          recordIds: [String(i % 2)],
          createdAt: new Date(Date.UTC(2026, 0, i)),
        }),
      );
    }
    sessions.save(aSession("cs_other_app", { appId: "99" }));
    const first = sessions.list({ appId: "12", limit: 2 });
    expect(first.sessions.map((s) => s.sessionId)).toEqual(["cs_5", "cs_4"]);
    expect(first.hasMore).toBe(true);
    const rest = sessions.list({ appId: "12", limit: 10, startingAfter: "cs_4" });
    expect(rest.sessions.map((s) => s.sessionId)).toEqual(["cs_3", "cs_2", "cs_1"]);
    expect(rest.hasMore).toBe(false);
    expect(
      sessions.list({ appId: "12", recordId: "0", limit: 10 }).sessions.map((s) => s.sessionId),
    ).toEqual(["cs_4", "cs_2"]);
  });

  it("finds a session by its payment intent, the first link winning", () => {
    sessions.linkPaymentIntent("pi_1", "cs_1");
    sessions.linkPaymentIntent("pi_1", "cs_2");
    expect(sessions.idForPaymentIntent("pi_1")).toBe("cs_1");
    expect(sessions.idForPaymentIntent("pi_2")).toBeUndefined();
  });
});
