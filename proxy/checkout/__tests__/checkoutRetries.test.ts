import { RecordChangedError } from "../../errors/RecordChangedError";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, productRecord } from "../../../testkit/productRecords";
import { createCheckouts } from "../createCheckouts";
import { requestFor, sessionsOf, threeRecords } from "./checkoutTestKit";

describe("createCheckouts makes one session however often it is asked", () => {
  it("answers a repeated request with the sessions it made, though its write-back moved the revisions on", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = requestFor(ids, { grouping: "perRecord" }, "1");
    const first = await createCheckouts(env.deps, input);
    expect(env.records.field(APP, ids[0]!, "$revision")).toBe("2");
    env.gateway.calls = [];
    const again = await createCheckouts(env.deps, input);
    expect(again).toEqual(first);
    expect(env.gateway.calls).toEqual([]);

    // Once a session is no longer open, the stale revision is a real conflict again.
    const second = sessionsOf(first)[1]!.id;
    await env.gateway.expireCheckoutSession(second);
    await env.journal.sessions.updateState(second, { status: "expired" });
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(RecordChangedError);
  });

  it("makes one session for a retry of the same request", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = requestFor(ids, { writeBack: {} });
    const first = await createCheckouts(env.deps, input);
    const second = await createCheckouts(env.deps, input);
    expect(env.gateway.sessions.size).toBe(1);
    expect(second).toEqual(first);
    const keys = env.gateway
      .callsOf("createCheckoutSession")
      .map((c) => (c.args as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(1);
  });

  it("makes one session for two concurrent identical requests (a double click)", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env));
    const [a, b] = await Promise.all([
      createCheckouts(env.deps, input),
      createCheckouts(env.deps, input),
    ]);
    expect(env.gateway.sessions.size).toBe(1);
    expect(a).toEqual(b);
  });

  it("leaves a record with one open session when two different checkouts of it run at once", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { code: "TEA", name: "Tea", price: "500", qty: "1" });
    const run = (successUrl: string) => createCheckouts(env.deps, requestFor([id], { successUrl }));
    await Promise.all([run("https://shop.example.com/a"), run("https://shop.example.com/b")]);
    const open = [...env.gateway.sessions.values()].filter((s) => s.status === "open");
    expect(env.gateway.sessions.size).toBe(2);
    expect(open).toHaveLength(1);
    expect(env.records.field(APP, id, "session_id")).toBe(open[0]!.id);
  });
});
