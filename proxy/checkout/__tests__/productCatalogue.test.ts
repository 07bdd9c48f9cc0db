import { makeDeps } from "../../../testkit/makeDeps";
import { createCheckouts } from "../createCheckouts";
import { coded, requestFor, threeRecords } from "./checkoutTestKit";

describe("createCheckouts asks Stripe only about products and images it does not have", () => {
  it("sends only the session create when coded products are unchanged and replaceOpenSession is false", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env), { replaceOpenSession: false });
    await createCheckouts(env.deps, input);
    env.gateway.calls = [];
    await createCheckouts(env.deps, input);
    expect(env.gateway.calls.map((c) => c.method)).toEqual(["createCheckoutSession"]);
  });

  it("uploads identical image bytes once, and keeps a product's images when its line has none", async () => {
    const env = makeDeps();
    env.records.files.set("f1", Buffer.from("SAME"));
    env.records.files.set("f2", Buffer.from("SAME"));
    const ids = [coded(env, "A", "f1"), coded(env, "B", "f2"), coded(env, "C")];
    await createCheckouts(env.deps, requestFor(ids));
    expect(env.gateway.callsOf("uploadProductImage")).toHaveLength(1);
    const upserts = env.gateway
      .callsOf("upsertProduct")
      .map((call) => call.args as { code: string; images?: string[] });
    expect(upserts.find((u) => u.code === "C")).not.toHaveProperty("images");
    expect(upserts.find((u) => u.code === "A")!.images).toEqual(
      upserts.find((u) => u.code === "B")!.images,
    );
  });

  it("reads an attachment from kintone only until Stripe has it", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env));
    await createCheckouts(env.deps, input);
    expect(env.records.downloads.sort()).toEqual(["img-a", "img-b"]);
    await createCheckouts(env.deps, input);
    expect(env.records.downloads).toHaveLength(2);
    expect(env.imageNormalizer.calls).toBe(2);
  });
});
