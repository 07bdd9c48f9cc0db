import { makeDeps } from "../../../testkit/makeDeps";
import { APP } from "../../../testkit/productRecords";
import { createCheckouts } from "../createCheckouts";
import { requestFor, sessionsOf, threeRecords } from "./checkoutTestKit";

describe("createCheckouts replaces the records' earlier open session", () => {
  it("expires the records' earlier open session and lists it in replaced", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = requestFor(ids);
    const first = sessionsOf(await createCheckouts(env.deps, input));
    // The revisions moved on with the write-back: a new request, not a retry.
    const second = sessionsOf(await createCheckouts(env.deps, input));
    const earlier = first[0]!.id;
    expect(second[0]!.id).not.toBe(earlier);
    expect(second[0]!.replaced).toEqual([earlier]);
    expect(env.gateway.sessions.get(earlier)!.status).toBe("expired");
    expect((await env.journal.sessions.get(earlier))!.status).toBe("expired");
    expect(env.records.field(APP, ids[0]!, "session_id")).toBe(second[0]!.id);
  });

  it("tells the other records of a replaced session that it expired, and never overwrites a new session's state", async () => {
    const env = makeDeps();
    const [a, b, c] = threeRecords(env) as [string, string, string];
    const shared = sessionsOf(await createCheckouts(env.deps, requestFor([a, b, c])))[0]!.id;

    const split = sessionsOf(
      await createCheckouts(env.deps, requestFor([a, b], { grouping: "perRecord" })),
    );
    expect(split.flatMap((s) => s.replaced)).toEqual([shared]);
    expect(env.records.field(APP, a, "status")).toBe("open");
    expect(env.records.field(APP, a, "session_id")).toBe(split[0]!.id);
    expect(env.records.field(APP, b, "status")).toBe("open");
    expect(env.records.field(APP, b, "session_id")).toBe(split[1]!.id);
    expect(env.records.field(APP, c, "status")).toBe("expired");
    expect(env.records.field(APP, c, "session_id")).toBe(shared);
  });
});
