/**
 * The gateway's key diagnostics (describeKey): the real stripe SDK against the
 * sandbox's Stripe emulator.
 */
import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway } = useGatewayTestKit();

describe("describeKey", () => {
  it("finds nothing wrong with a working test secret key", async () => {
    expect(await gateway().describeKey()).toEqual({
      mode: "test",
      keyType: "secret",
      problems: [],
    });
  });

  it("names each permission a restricted key lacks", async () => {
    emulator.configure({
      restrictedKeys: {
        rk_test_limited1234: ["checkout_sessions_write", "products_write"],
        rk_test_complete1234: [
          "checkout_sessions_write",
          "products_write",
          "events_read",
          "files_write",
        ],
      },
    });

    const restricted = { keyType: "restricted" } as const;
    const limited = await gateway({ apiKey: "rk_test_limited1234", ...restricted }).describeKey();
    const complete = await gateway({ apiKey: "rk_test_complete1234", ...restricted }).describeKey();

    expect(limited.keyType).toBe("restricted");
    expect(limited.problems).toEqual([
      expect.stringContaining('"Events: Read"'),
      expect.stringContaining('"Files: Write'),
    ]);
    expect(limited.problems.join(" ")).not.toContain("rk_test_limited1234");
    expect(complete.problems).toEqual([]);
  });

  it("says the key is rejected, without quoting it", async () => {
    const description = await gateway({
      apiKey: "sk_live_revoked-key",
      mode: "live",
    }).describeKey();
    expect(description.mode).toBe("live");
    expect(description.problems).toHaveLength(1);
    expect(description.problems[0]).toMatch(/rejected/);
    expect(description.problems[0]).not.toContain("revoked-key");
  });

  it.each(["pk_test_abc", "whatever"])("refuses %s without calling Stripe", async (apiKey) => {
    const description = await gateway({ apiKey }).describeKey();
    expect(description.problems[0]).toMatch(/neither a restricted key/);
    expect(emulator.requests).toEqual([]);
  });
});
