import { describeStore } from "./journalAdapters";

describeStore("writeBacks", (writeBacks) => {
  it("merges pending write-backs per record, newer values first, and clears written fields", () => {
    const due = new Date("2026-01-10T00:00:00Z");
    writeBacks.add("12", "1", { status: { value: "open" }, url: { value: "u" } }, "down", due);
    writeBacks.add("12", "1", { status: { value: "complete" } }, "down", due);
    expect(writeBacks.listDue(due, 10)).toEqual([
      expect.objectContaining({
        recordId: "1",
        fields: { status: { value: "complete" }, url: { value: "u" } },
      }),
    ]);
    writeBacks.clearFields("12", "1", ["status"]);
    expect(writeBacks.listDue(due, 10)[0]?.fields).toEqual({ url: { value: "u" } });
    writeBacks.recordFailure("12", "1", "still down", new Date("2026-01-10T01:00:00Z"));
    expect(writeBacks.listDue(due, 10)).toEqual([]);
    writeBacks.clearFields("12", "1", ["url"]);
    expect(writeBacks.count()).toBe(0);
  });

  it("drops a record once every field it is owed is written, and only that record", () => {
    const due = new Date("2026-01-10T00:00:00Z");
    writeBacks.add("12", "1", { status: { value: "open" }, url: { value: "u" } }, "down", due);
    writeBacks.add("12", "2", { status: { value: "open" } }, "down", due);
    writeBacks.clearFields("12", "1", ["url", "status", "session_id"]);
    expect(writeBacks.listDue(due, 10)).toEqual([
      expect.objectContaining({
        appId: "12",
        recordId: "2",
        fields: { status: { value: "open" } },
      }),
    ]);
    writeBacks.clearFields("12", "3", ["status"]);
    writeBacks.clearFields("13", "2", ["status"]);
    expect(writeBacks.count()).toBe(1);
  });

  it("keeps the error and the earlier attempt time of a record already owed values", () => {
    const early = new Date("2026-01-10T00:00:00Z");
    const late = new Date("2026-01-10T02:00:00Z");
    writeBacks.add("12", "1", { status: { value: "open" } }, "down", early);
    writeBacks.add("12", "1", { url: { value: "u" } }, "still down", late);
    expect(writeBacks.listDue(early, 10)).toEqual([
      expect.objectContaining({
        fields: { status: { value: "open" }, url: { value: "u" } },
        attempts: 0,
        nextAttemptAt: early,
        lastError: "still down",
      }),
    ]);
  });
});
