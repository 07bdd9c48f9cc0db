/**
 * docs/{en,ja}/quality.md state how many faults, inputs and attacks the suites try. The counts come
 * from the suites' own constants (scripts/qualitySummary.ts); this test fails when a suite's
 * constants change and the pages were not regenerated (`npx tsx scripts/qualitySummary.ts`).
 */
import fs from "node:fs";
import { HTTP_FUZZ_RUNS } from "../../proxy/__tests__/fuzz/fuzzRuns";
import { KILL_POINTS, STRIPE_FAULTS } from "../../proxy/__tests__/reliability/faultCounts";
import {
  qualityPage,
  renderSummary,
  summaryRegion,
  summaryRows,
  tableCells,
} from "../qualitySummary";

describe("the quality summary in the docs", () => {
  it.each(["en", "ja"] as const)(
    "docs/%s/quality.md holds the table the suites' counts give",
    (language) => {
      const page = fs.readFileSync(qualityPage(language), "utf8");
      expect(tableCells(summaryRegion(page))).toEqual(tableCells(renderSummary(language)));
    },
  );

  it("states the counts the suites run with", () => {
    const rows = summaryRows();
    const count = (area: string) => rows.find((row) => row.area.en === area)?.count.en;
    expect(count("Stripe faults")).toContain(`${STRIPE_FAULTS.length} faults × 2 routes`);
    expect(count("Proxy killed")).toContain(`${KILL_POINTS} kills during a job`);
    const httpRuns = Object.values(HTTP_FUZZ_RUNS).reduce((a, b) => a + b, 0);
    expect(
      Number(
        count("Fuzzed HTTP requests")
          ?.match(/^([\d,]+) inputs/)?.[1]
          ?.replace(/,/g, ""),
      ),
    ).toBeGreaterThan(httpRuns);
  });

  it("names suites that exist", () => {
    const suites = summaryRows().flatMap((row) => row.suite.split(", "));
    const missing = suites.filter((suite) => {
      if (!suite.includes("*")) return !fs.existsSync(suite);
      const [dir, pattern] = [
        suite.slice(0, suite.lastIndexOf("/")),
        suite.slice(suite.lastIndexOf("/") + 1),
      ];
      const suffix = pattern.replace("*", "");
      return !fs.existsSync(dir) || !fs.readdirSync(dir).some((f) => f.endsWith(suffix));
    });
    expect(missing).toEqual([]);
  });
});
