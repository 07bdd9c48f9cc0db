import { EXPIRY_SAFETY_MARGIN_MS, sessionExpiry } from "../sessionExpiry";

const NOW = new Date("2026-01-10T00:00:00Z");

describe("sessionExpiry", () => {
  const minute = 60_000;
  it("asks a little less than the full day for the default 1440 minutes", () => {
    const expiry = sessionExpiry(NOW, 1440).getTime() - NOW.getTime();
    expect(expiry).toBe(1440 * minute - EXPIRY_SAFETY_MARGIN_MS);
  });
  it("never goes under Stripe's 30-minute minimum plus the margin", () => {
    for (const minutes of [30, 31, 32]) {
      const expiry = sessionExpiry(NOW, minutes).getTime() - NOW.getTime();
      expect(expiry).toBeGreaterThanOrEqual(30 * minute + EXPIRY_SAFETY_MARGIN_MS);
    }
  });
  it("gives whole seconds", () => {
    expect(sessionExpiry(new Date("2026-01-10T00:00:00.789Z"), 60).getMilliseconds()).toBe(0);
  });
});
