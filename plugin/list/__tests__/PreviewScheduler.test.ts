import { PreviewScheduler, type PreviewState } from "../PreviewScheduler";
import { fakeProxy, previewAnswer, proxyError, recordIdsOf } from "./fakeProxy";

const refs = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => ({ id: String(from + i), revision: "1" }));

/** Lets the fake proxy's promises settle between timer steps. */
async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe("PreviewScheduler", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("waits until the selection stops changing, then previews only the last selection", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": (c) => previewAnswer(recordIdsOf(c), "perRecord"),
    });
    const states: PreviewState[] = [];
    const scheduler = new PreviewScheduler(client, "1", (s) => states.push(s), 400);
    scheduler.request(refs(1));
    jest.advanceTimersByTime(200);
    scheduler.request(refs(2));
    jest.advanceTimersByTime(200);
    scheduler.request(refs(3));
    jest.advanceTimersByTime(399);
    await flush();
    expect(calls).toHaveLength(0);

    jest.advanceTimersByTime(1);
    await flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.data).toMatchObject({ appId: "1", dryRun: true, records: refs(3) });
    expect(states.at(-1)).toMatchObject({ finished: true, done: 3, total: 3 });
    expect(states.at(-1)?.sessions).toHaveLength(3);
  });

  it("asks for at most 100 records per dry run", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": (c) => previewAnswer(recordIdsOf(c), "perRecord"),
    });
    const states: PreviewState[] = [];
    new PreviewScheduler(client, "1", (s) => states.push(s), 0).request(refs(250));
    jest.advanceTimersByTime(0);
    await flush();
    expect(calls.map((c) => recordIdsOf(c).length)).toEqual([100, 100, 50]);
    expect(calls[1] && recordIdsOf(calls[1])[0]).toBe("101");
    const last = states.at(-1);
    expect(last?.finished).toBe(true);
    expect(last?.sessions).toHaveLength(250);
    // Progress was reported batch by batch.
    expect(states.filter((s) => !s.finished).map((s) => s.done)).toEqual([0, 100, 200, 250]);
  });

  it("files each problem under its record and still previews the good records of the batch", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": (call) => {
        const ids = recordIdsOf(call);
        if (ids.includes("2")) {
          return proxyError(422, "VALIDATION_FAILED", [
            { recordId: "2", field: "unit_price", message: "not a number" },
            { recordId: "2", row: 1, field: "quantity", message: "too many" },
          ]);
        }
        return previewAnswer(ids, "single");
      },
    });
    const states: PreviewState[] = [];
    new PreviewScheduler(client, "1", (s) => states.push(s), 0).request(refs(3));
    jest.advanceTimersByTime(0);
    await flush();
    expect(calls.map(recordIdsOf)).toEqual([
      ["1", "2", "3"],
      ["1", "3"],
    ]);
    const last = states.at(-1)!;
    expect([...last.issues.keys()]).toEqual(["2"]);
    expect(last.issues.get("2")?.map((i) => i.field)).toEqual(["unit_price", "quantity"]);
    expect(last.sessions[0]?.recordIds).toEqual(["1", "3"]);
    expect(last.failure).toBeUndefined();
  });

  it("stops at a failure that is not about a record", async () => {
    const { client, calls } = fakeProxy({
      "POST v1/checkouts": () => proxyError(401, "UNAUTHORIZED"),
    });
    const states: PreviewState[] = [];
    new PreviewScheduler(client, "1", (s) => states.push(s), 0).request(refs(150));
    jest.advanceTimersByTime(0);
    await flush();
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toMatchObject({
      finished: true,
      failure: expect.objectContaining({ code: "UNAUTHORIZED" }),
    });
  });

  it("ignores the answer to a selection that has since changed", async () => {
    let release: () => void = () => undefined;
    const { client } = fakeProxy({
      "POST v1/checkouts": async (call) => {
        if (recordIdsOf(call).length === 1) await new Promise<void>((r) => (release = r));
        return previewAnswer(recordIdsOf(call), "perRecord");
      },
    });
    const states: PreviewState[] = [];
    const scheduler = new PreviewScheduler(client, "1", (s) => states.push(s), 0);
    scheduler.request(refs(1));
    jest.advanceTimersByTime(0);
    await flush();
    scheduler.request(refs(2, 10));
    jest.advanceTimersByTime(0);
    await flush();
    release();
    await flush();
    const finished = states.filter((s) => s.finished);
    expect(finished).toHaveLength(1);
    expect(finished[0]?.sessions.flatMap((s) => s.recordIds)).toEqual(["10", "11"]);
  });

  it("clears the preview at once when nothing is checked", () => {
    const { client, calls } = fakeProxy({});
    const states: PreviewState[] = [];
    new PreviewScheduler(client, "1", (s) => states.push(s), 400).request([]);
    expect(calls).toHaveLength(0);
    expect(states).toEqual([expect.objectContaining({ finished: true, total: 0, sessions: [] })]);
  });
});
