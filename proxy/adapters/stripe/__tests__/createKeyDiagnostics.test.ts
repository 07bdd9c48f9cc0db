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

  it("finds nothing wrong with a restricted key Stripe takes, leaving its permissions to checkPermissions", async () => {
    emulator.configure({ restrictedKeys: { rk_test_limited1234: ["events_read"] } });

    const limited = await gateway({
      apiKey: "rk_test_limited1234",
      keyType: "restricted",
    }).describeKey();

    expect(limited).toEqual({ mode: "test", keyType: "restricted", problems: [] });
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
