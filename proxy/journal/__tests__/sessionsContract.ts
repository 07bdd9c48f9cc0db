import { storeContract } from "./storeContract";
import { aSession } from "./journalFixtures";

export const sessionsContract = storeContract("sessions", (sessions) => {
  it("keeps sessions with their records and mapping", async () => {
    await sessions.save(aSession("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }));
    expect(await sessions.get("cs_1")).toEqual(
      aSession("cs_1", { recordIds: ["1", "2"], mappingJson: '{"v":1}' }),
    );
    expect((await sessions.findOpenForRecord("12", "2")).map((s) => s.sessionId)).toEqual(["cs_1"]);
    expect(await sessions.findOpenForRecord("13", "2")).toEqual([]);
  });

  it("moves a session's status only forward", async () => {
    await sessions.save(aSession("cs_1"));
    await sessions.updateState("cs_1", { status: "complete", paymentStatus: "paid" });
    await sessions.updateState("cs_1", { status: "expired" });
    await sessions.updateState("cs_1", { status: "open" });
    expect(await sessions.get("cs_1")).toMatchObject({ status: "complete", paymentStatus: "paid" });
    expect(await sessions.findOpenForRecord("12", "1")).toEqual([]);
  });

  it("keeps what it learns of a session's money: refunds, dispute, payment intent, recovery link", async () => {
    await sessions.save(aSession("cs_1"));
    await sessions.updateState("cs_1", {
      status: "expired",
      amountRefunded: 200,
      refund: "partial",
      dispute: "open",
      paymentIntentId: "pi_1",
      recoveryUrl: "https://checkout.example/r/1",
    });
    await sessions.updateState("cs_1", { paymentIntentId: "pi_other" });
    expect(await sessions.get("cs_1")).toMatchObject({
      amountRefunded: 200,
      refund: "partial",
      dispute: "open",
      paymentIntentId: "pi_1",
      recoveryUrl: "https://checkout.example/r/1",
    });
  });

  it("finds the records paid through more than one session, with those sessions", async () => {
    const paid = { status: "complete" as const, paymentStatus: "paid" as const };
    await sessions.save(aSession("cs_a", { ...paid, recordIds: ["1", "2"] }));
    await sessions.save(
      aSession("cs_b", { ...paid, recordIds: ["1"], createdAt: new Date("2026-01-10T01:00:00Z") }),
    );
    await sessions.save(aSession("cs_c", { ...paid, paymentStatus: "refunded", recordIds: ["2"] }));
    await sessions.save(aSession("cs_d", { ...paid, appId: "13", recordIds: ["1"] }));
    expect(
      (await sessions.findRecordsPaidMoreThanOnce("12")).map((entry) => ({
        recordId: entry.recordId,
        sessions: entry.sessions.map((s) => s.sessionId),
      })),
    ).toEqual([{ recordId: "1", sessions: ["cs_a", "cs_b"] }]);
  });

  it("knows each record's newest session", async () => {
    await sessions.save(aSession("cs_old", { createdAt: new Date("2026-01-01T00:00:00Z") }));
    await sessions.save(aSession("cs_new", { createdAt: new Date("2026-01-02T00:00:00Z") }));
    expect(await sessions.latestIdForRecord("12", "1")).toBe("cs_new");
    expect(await sessions.latestIdForRecord("12", "9")).toBeUndefined();
    expect((await sessions.listForRecord("12", "1")).map((s) => s.sessionId)).toEqual([
      "cs_old",
      "cs_new",
    ]);
    expect(await sessions.listForRecord("13", "1")).toEqual([]);
  });

  it("lists only a record's complete sessions for the paid guard, oldest first", async () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    const complete_ = (paymentStatus: "paid" | "unpaid") => ({
      status: "complete" as const,
      paymentStatus,
    });
    await sessions.save(aSession("cs_open", { createdAt: day(1) }));
    await sessions.save(aSession("cs_paid", { createdAt: day(2), ...complete_("paid") }));
    await sessions.save(aSession("cs_expired", { createdAt: day(3), status: "expired" }));
    await sessions.save(aSession("cs_unpaid", { createdAt: day(4), ...complete_("unpaid") }));
    await sessions.save(
      aSession("cs_other_record", { recordIds: ["2"], createdAt: day(5), ...complete_("paid") }),
    );
    const complete = await sessions.listCompleteForRecord("12", "1");
    expect(complete.map((s) => [s.sessionId, s.paymentStatus])).toEqual([
      ["cs_paid", "paid"],
      ["cs_unpaid", "unpaid"],
    ]);
    expect(await sessions.listCompleteForRecord("12", "9")).toEqual([]);
  });

  it("lists sessions newest first, by app and record, page by page", async () => {
    for (let i = 1; i <= 5; i++) {
      await sessions.save(
        aSession(`cs_${i}`, {
          recordIds: [String(i % 2)],
          createdAt: new Date(Date.UTC(2026, 0, i)),
        }),
      );
    }
    await sessions.save(aSession("cs_other_app", { appId: "99" }));
    const first = await sessions.list({ appId: "12", limit: 2 });
    expect(first.sessions.map((s) => s.sessionId)).toEqual(["cs_5", "cs_4"]);
    expect(first.hasMore).toBe(true);
    const rest = await sessions.list({ appId: "12", limit: 10, startingAfter: "cs_4" });
    expect(rest.sessions.map((s) => s.sessionId)).toEqual(["cs_3", "cs_2", "cs_1"]);
    expect(rest.hasMore).toBe(false);
    expect(
      (await sessions.list({ appId: "12", recordId: "0", limit: 10 })).sessions.map(
        (s) => s.sessionId,
      ),
    ).toEqual(["cs_4", "cs_2"]);
  });

  it("finds a session by its payment intent, the first link winning", async () => {
    await sessions.linkPaymentIntent("pi_1", "cs_1");
    await sessions.linkPaymentIntent("pi_1", "cs_2");
    expect(await sessions.idForPaymentIntent("pi_1")).toBe("cs_1");
    expect(await sessions.idForPaymentIntent("pi_2")).toBeUndefined();
  });
});
