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
  const row = (name: string, base: string, now: string, target: string, ok: boolean | undefined) =>
    say(
      `| ${name} | ${base} | ${now} | ${target} | ${ok === undefined ? "not measured" : met(ok)} |`,
    );
  const { firstCheckout, cpu, start, bulk, knownProducts } = issue22;
  row(
    "First checkout, 10 new coded lines, 10 new images: sequential Stripe round trips (section 7)",
    fixed(firstCheckout?.baseline?.roundTrips, 1),
    fixed(firstCheckout?.now.roundTrips, 1),
    `≤ ${TARGET_ROUND_TRIPS}`,
    firstCheckout && firstCheckout.now.roundTrips <= TARGET_ROUND_TRIPS,
  );
  row(
    "Proxy CPU per checkout at 10 connections, ms (section 2a)",
    fixed(cpu?.baseline?.median.cpuMsPerCheckout, 2),
    fixed(cpu?.current.median.cpuMsPerCheckout, 2),
    `≤ ${CPU_TARGET_MS}`,
    cpu && cpu.current.median.cpuMsPerCheckout <= CPU_TARGET_MS,
  );
  row(
    "Idle RSS of `npm run proxy`, MB (section 8)",
    fixed(start?.baseline?.idleRssMb, 0),
    fixed(start?.now.idleRssMb, 0),
    `≤ ${START_TARGETS.idleRssMb}`,
    start && start.now.idleRssMb <= START_TARGETS.idleRssMb,
  );
  row(
    "Peak RSS during the 1,000-record bulk with images, MB (section 4)",
    fixed(bulk?.baseline?.peakRssMb, 1),
    fixed(bulk?.now.peakRssMb, 1),
    `≤ ${PEAK_RSS_TARGET_MB}`,
    bulk && bulk.now.peakRssMb <= PEAK_RSS_TARGET_MB,
  );
  row(
    "Spawn to first /healthz, ms (section 8)",
    fixed(start?.baseline?.startMs, 0),
    fixed(start?.now.startMs, 0),
    `≤ ${START_TARGETS.startMs}`,
    start && start.now.startMs <= START_TARGETS.startMs,
  );
  row(
    "No regression: bulk wall time ÷ rate-limit bound (section 3)",
    fixed(bulk?.baseline?.ratio, 2),
    fixed(bulk?.now.ratio, 2),
    `≤ ${BULK_RATIO_TARGET}`,
    bulk && bulk.now.succeeded && bulk.now.ratio <= BULK_RATIO_TARGET,
  );
  row(
    "No regression: Stripe requests per session, known products (section 1)",
    knownProducts?.baseline === undefined ? "not measured" : String(knownProducts.baseline),
    knownProducts === undefined ? "not measured" : String(knownProducts.now),
    "1",
    knownProducts && knownProducts.now === 1,
  );
  say();
}
