/**
 * The targets of issue 22 ("Fast where people wait") in one table, each beside its figure now and
 * the baseline build's figure of the same run (bench/baselineBuild.ts); what the sections measured
 * is collected here as they run.
 */
import { CPU_TARGET_MS, type CpuComparison } from "./cpuPerCheckout";
import { TARGET_ROUND_TRIPS, type FirstCheckoutFigures } from "./firstCheckout";
import { TARGETS as START_TARGETS, type ProductionStartFigures } from "./productionStart";

export const PEAK_RSS_TARGET_MB = 150;
export const BULK_RATIO_TARGET = 1.1;

export interface BulkPair {
  baseline?: { ratio: number; peakRssMb: number };
  now: { ratio: number; peakRssMb: number; succeeded: boolean };
}

export interface Issue22Figures {
  firstCheckout?: { baseline?: FirstCheckoutFigures; now: FirstCheckoutFigures };
  cpu?: CpuComparison;
  start?: ProductionStartFigures;
  bulk?: BulkPair;
  knownProducts?: { baseline?: number; now: number };
}

export const issue22: Issue22Figures = {};

export function issue22SummarySection(say: (text?: string) => void, baselineName: string): void {
  const met = (ok: boolean) => (ok ? "**met**" : "**not met**");
  const fixed = (value: number | undefined, digits: number) =>
    value === undefined ? "not measured" : value.toFixed(digits);
  say("## 9. Issue 22: every target, baseline and now");
  say();
  say(`Baseline: ${baselineName}, measured in the same run with the same bench code.`);
  say();
  say("| Target | Baseline | Now | Target | |");
  say("| --- | ---: | ---: | --- | --- |");
  const { firstCheckout, cpu, start, bulk, knownProducts } = issue22;
  // name, baseline, now, digits, target, whether it is met (undefined: not measured)
  const rows: [
    string,
    number | undefined,
    number | undefined,
    number,
    string,
    boolean | undefined,
  ][] = [
    [
      "First checkout, 10 new coded lines, 10 new images: sequential Stripe round trips (section 7)",
      firstCheckout?.baseline?.roundTrips,
      firstCheckout?.now.roundTrips,
      1,
      `≤ ${TARGET_ROUND_TRIPS}`,
      firstCheckout && firstCheckout.now.roundTrips <= TARGET_ROUND_TRIPS,
    ],
    [
      "Proxy CPU per checkout at 10 connections, ms (section 2a)",
      cpu?.baseline?.median.cpuMsPerCheckout,
      cpu?.current.median.cpuMsPerCheckout,
      2,
      `≤ ${CPU_TARGET_MS}`,
      cpu && cpu.current.median.cpuMsPerCheckout <= CPU_TARGET_MS,
    ],
    [
      "Idle RSS of `npm run proxy`, MB (section 8)",
      start?.baseline?.idleRssMb,
      start?.now.idleRssMb,
      0,
      `≤ ${START_TARGETS.idleRssMb}`,
      start && start.now.idleRssMb <= START_TARGETS.idleRssMb,
    ],
    [
      "Peak RSS during the 1,000-record bulk with images, MB (section 4)",
      bulk?.baseline?.peakRssMb,
      bulk?.now.peakRssMb,
      1,
      `≤ ${PEAK_RSS_TARGET_MB}`,
      bulk && bulk.now.peakRssMb <= PEAK_RSS_TARGET_MB,
    ],
    [
      "Spawn to first /healthz, ms (section 8)",
      start?.baseline?.startMs,
      start?.now.startMs,
      0,
      `≤ ${START_TARGETS.startMs}`,
      start && start.now.startMs <= START_TARGETS.startMs,
    ],
    [
      "No regression: bulk wall time ÷ rate-limit bound (section 3)",
      bulk?.baseline?.ratio,
      bulk?.now.ratio,
      2,
      `≤ ${BULK_RATIO_TARGET}`,
      bulk && bulk.now.succeeded && bulk.now.ratio <= BULK_RATIO_TARGET,
    ],
    [
      "No regression: Stripe requests per session, known products (section 1)",
      knownProducts?.baseline,
      knownProducts?.now,
      0,
      "1",
      knownProducts && knownProducts.now === 1,
    ],
  ];
  for (const [name, base, now, digits, target, ok] of rows) {
    say(
      `| ${name} | ${fixed(base, digits)} | ${fixed(now, digits)} | ${target} | ${ok === undefined ? "not measured" : met(ok)} |`,
    );
  }
  say();
}
