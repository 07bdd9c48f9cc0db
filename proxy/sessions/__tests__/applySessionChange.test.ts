import { applySessionChange } from "../applySessionChange";
import { journalSession, oneRecordSetup } from "./sessionFixtures";
import { APP } from "../../../testkit/productRecords";

async function setup() {
  const made = oneRecordSetup();
  await made.journal.sessions.save(journalSession(made.recordId));
  return made;
}

describe("applySessionChange", () => {
  it("moves the journal forward and writes its whole state into the records", async () => {
    const { deps, journal, records, recordId } = await setup();
    const applied = await applySessionChange(deps, "cs_1", (journalled) => ({
      current: journalled!,
      change: { status: "complete", paymentStatus: "paid" },
      writeUnchanged: false,
    }));
    expect(applied.changed).toBe(true);
    expect(await journal.sessions.get("cs_1")).toMatchObject({
      status: "complete",
      paymentStatus: "paid",
    });
    expect(records.field(APP, recordId, "pay_status")).toBe("paid");
  });

  it("writes nothing for a change that changes nothing, unless asked to", async () => {
    const { deps, records } = await setup();
    const stale = (writeUnchanged: boolean) =>
      applySessionChange(deps, "cs_1", (journalled) => ({
        current: journalled!,
        change: { status: "open", paymentStatus: "unpaid" },
        writeUnchanged,
      }));
    expect((await stale(false)).changed).toBe(false);
    expect(records.updates).toEqual([]);
    expect((await stale(true)).changed).toBe(false);
    expect(records.updates).toHaveLength(1);
  });

  it("applies nothing when the step is declined", async () => {
    const { deps, journal, records } = await setup();
    expect(await applySessionChange(deps, "cs_1", () => undefined)).toBeUndefined();
    expect(await journal.sessions.get("cs_1")).toMatchObject({ status: "open" });
    expect(records.updates).toEqual([]);
  });

  it("lets one change of a session run at a time: the next waits for the records' write", async () => {
    const { deps, records } = await setup();
    let releaseWrite!: () => void;
    const writeHeld = new Promise<void>((resolve) => (releaseWrite = resolve));
    const updateRecords = records.updateRecords.bind(records);
    records.updateRecords = async (...args) => {
      await writeHeld;
      return updateRecords(...args);
    };
    const seen: string[] = [];
    const change = (name: string) =>
      applySessionChange(deps, "cs_1", (journalled) => {
        seen.push(`${name}: ${journalled!.paymentStatus}, ${records.updates.length} written`);
        return {
          current: journalled!,
          change: { status: "complete", paymentStatus: "paid" },
          writeUnchanged: true,
        };
      });
    const both = Promise.all([change("first"), change("second")]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(seen).toEqual(["first: unpaid, 0 written"]);
    releaseWrite();
    await both;
    expect(seen).toEqual(["first: unpaid, 0 written", "second: paid, 1 written"]);
  });
});
