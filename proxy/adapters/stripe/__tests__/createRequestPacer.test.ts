/**
 * The gateway's request pacing: the real stripe SDK against the
 * sandbox's Stripe emulator. The spacing itself is checked in fake time in
 * createRequestPacer.fakeClock.test.ts.
 */
import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway } = useGatewayTestKit();

describe("client-side rate limit", () => {
  it("paces a burst so that a rate-limited Stripe never answers 429", async () => {
    emulator.configure({ rateLimitPerSecond: 10 });
    const payments = gateway({ rateLimitPerSecond: 10 });

    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => payments.retrieveCheckoutSession(`cs_test_${i}`)),
    );

    expect(results.every((result) => result === null)).toBe(true);
    expect(emulator.requests.map((r) => r.status).filter((s) => s === 429)).toEqual([]);
    expect(emulator.requests).toHaveLength(15);
  });
});
