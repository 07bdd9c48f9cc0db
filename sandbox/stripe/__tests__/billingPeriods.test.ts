/** Billing periods on a subscription's billing cycle anchor. */
import { nextBoundary, periodBoundary } from "../billingPeriods";

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe("periodBoundary", () => {
  it("keeps the anchor's day of the month, ending short months on their last day", () => {
    const anchor = at("2027-01-31T09:30:00Z");
    const monthly = { interval: "month", interval_count: 1, usage_type: "licensed" } as const;
    expect([1, 2, 3, 13].map((n) => iso(periodBoundary(anchor, monthly, n)))).toEqual([
      "2027-02-28T09:30:00.000Z",
      "2027-03-31T09:30:00.000Z",
      "2027-04-30T09:30:00.000Z",
      "2028-02-29T09:30:00.000Z",
    ]);
  });

  it("counts days, weeks and years with their interval_count", () => {
    const anchor = at("2026-12-07T00:00:00Z");
    const every = (interval: "day" | "week" | "year", count: number) =>
      iso(periodBoundary(anchor, { interval, interval_count: count, usage_type: "licensed" }, 1));
    expect(every("day", 10)).toBe("2026-12-17T00:00:00.000Z");
    expect(every("week", 2)).toBe("2026-12-21T00:00:00.000Z");
    expect(every("year", 1)).toBe("2027-12-07T00:00:00.000Z");
  });
});

describe("nextBoundary", () => {
  it("answers the boundary after the current one on the anchor's cycle", () => {
    const anchor = at("2027-01-31T00:00:00Z");
    const monthly = { interval: "month", interval_count: 1, usage_type: "licensed" } as const;
    expect(iso(nextBoundary(anchor, monthly, at("2027-02-28T00:00:00Z")))).toBe(
      "2027-03-31T00:00:00.000Z",
    );
  });
});
