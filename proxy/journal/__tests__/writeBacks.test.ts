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
});
