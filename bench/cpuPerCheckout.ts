/**
 * The proxy's CPU time per checkout at 10 connections, for this tree and the baseline side by side:
 * rounds alternate between the two builds so that other work on the machine weighs on both alike,
 * and the median round is reported. CPU is the proxy process's own (process.cpuUsage, user +
 * system), never wall time. `POST /v1/checkouts` of 3 coded lines whose products are known, each
 * request naming 3 records of its own, `replaceOpenSession: false` (1 Stripe request each).
 *
 * With BENCH_CPU_PROFILE_DIR set, each build also runs once more under `--cpu-prof` and the
 * profile's top functions by self time are reported (bench/profileTop.ts).
 *
 *   npx tsx bench/cpuPerCheckout.ts     prints the section on its own
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { baselineBuild } from "./baselineBuild";
import { httpFloorBuild } from "./httpFloor";
import { sayOwnersTable } from "./ownersTable";
import { profileByOwner, type OwnerShare } from "./profileByOwner";
import { profileTop, type ProfileEntry } from "./profileTop";
import { call, mapping, SECRET, startBed, type Row } from "./setup";

export const CPU_TARGET_MS = 2.5;
const CONNECTIONS = 10;
const ROUNDS = Number(process.env.BENCH_CPU_ROUNDS ?? 3);
const ROUND_SECONDS = 5;
/** Lifts the proxy's Stripe pacing for the zero-latency emulator, which has no rate limit. */
const UNPACED = 100_000;

type Autocannon = (options: Record<string, unknown>) => Promise<{ requests: { average: number } }>;
const autocannon = createRequire(__filename)("autocannon") as Autocannon;

/** Which proxy: a compiled bench/proxyProcess.ts and its production node options; {} is this tree's. */
export interface ProxyBuild {
  proxyProcessFile?: string;
  productionFlags?: string[];
}

export interface CpuRound {
  cpuMsPerCheckout: number;
  checkoutsPerSecond: number;
}

function codedRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `CPU-${i}`,
    name: `Item ${i}`,
    price: String(100 + i * 10),
    qty: "1",
  }));
}

/** One round: a fresh proxy from `proxyProcessFile`, 1 s of warm-up, then the measured seconds. */
export async function cpuRound(
  build: ProxyBuild,
  seconds = ROUND_SECONDS,
  nodeArgs?: string[],
): Promise<CpuRound> {
  const bed = await startBed({ stripeRateLimitPerSecond: UNPACED, ...build, nodeArgs });
  try {
    const groups = Array.from({ length: 400 }, () =>
      JSON.stringify({
        appId: bed.appId,
        records: bed.addRecords(codedRows(3)).map((id) => ({ id })),
        mapping: mapping({ replaceOpenSession: false }),
      }),
    );
    const first = await call(bed.proxy.url, "POST", "/v1/checkouts", JSON.parse(groups[0]!));
    if (first.status !== 201) throw new Error(`warm-up answered ${first.status}`);
    let next = 0;
    const load = (duration: number) =>
      autocannon({
        url: `${bed.proxy.url}/v1/checkouts`,
        method: "POST",
        headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            setupRequest: (request: Record<string, unknown>) => ({
              ...request,
              body: groups[next++ % groups.length],
            }),
          },
        ],
      });
    await load(1);
    const before = await bed.proxy.stats();
    const result = await load(seconds);
    const after = await bed.proxy.stats();
    const served = Math.max(1, after.incomingRequests - before.incomingRequests);
    return {
      cpuMsPerCheckout: (after.cpuMicros - before.cpuMicros) / 1000 / served,
      checkoutsPerSecond: result.requests.average,
    };
  } finally {
    await bed.close();
  }
}

export interface CpuComparison {
  baseline?: { commit: string; rounds: CpuRound[]; median: CpuRound; profile?: Profiled };
  current: { rounds: CpuRound[]; median: CpuRound; profile?: Profiled };
  /** bench/httpFloorProcess.ts: the same checkouts' HTTP alone, measured in the same rounds. */
  floor: { rounds: CpuRound[]; median: CpuRound };
}

const medianRound = (rounds: CpuRound[]): CpuRound =>
  [...rounds].sort((a, b) => a.cpuMsPerCheckout - b.cpuMsPerCheckout)[
    Math.floor(rounds.length / 2)
  ]!;

/** The top functions by self time, and the busy samples by who spends them. */
interface Profiled {
  top: ProfileEntry[];
  owners: OwnerShare[];
}

async function profiled(build: ProxyBuild, label: string): Promise<Profiled | undefined> {
  const root = process.env.BENCH_CPU_PROFILE_DIR;
  if (!root) return undefined;
  const dir = path.join(root, label);
  fs.rmSync(dir, { recursive: true, force: true });
  await cpuRound(build, ROUND_SECONDS, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const file = fs.readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) return undefined;
  return {
    top: profileTop(path.join(dir, file), 12),
    owners: profileByOwner(path.join(dir, file), 14),
  };
}

export async function compareCpuPerCheckout(): Promise<CpuComparison> {
  const baseline = baselineBuild();
  const baseBuild: ProxyBuild = baseline
    ? { proxyProcessFile: baseline.proxyProcessFile, productionFlags: baseline.nodeFlags }
    : {};
  const baseRounds: CpuRound[] = [];
  const rounds: CpuRound[] = [];
  const floorRounds: CpuRound[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    if (baseline) baseRounds.push(await cpuRound(baseBuild));
    rounds.push(await cpuRound({}));
    floorRounds.push(await cpuRound(httpFloorBuild()));
  }
  return {
    ...(baseline
      ? {
          baseline: {
            commit: baseline.commit,
            rounds: baseRounds,
            median: medianRound(baseRounds),
            profile: await profiled(baseBuild, "baseline"),
          },
        }
      : {}),
    current: { rounds, median: medianRound(rounds), profile: await profiled({}, "current") },
    floor: { rounds: floorRounds, median: medianRound(floorRounds) },
  };
}

if (require.main === module) {
  compareCpuPerCheckout().then(
    (comparison) => {
      console.log(JSON.stringify(comparison, null, 2));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** bench/RESULTS.md's section; returns the figures for the summary of issue 22's targets. */
export async function cpuPerCheckoutSection(say: (text?: string) => void): Promise<CpuComparison> {
  say(`## 2a. Proxy CPU per checkout at ${CONNECTIONS} connections, baseline and now`);
  say();
  const comparison = await compareCpuPerCheckout();
  const { baseline, current, floor } = comparison;
  const ms = (round: CpuRound) => round.cpuMsPerCheckout.toFixed(2);
  const met = current.median.cpuMsPerCheckout <= CPU_TARGET_MS;
  say(
    `Method: the proxy process of section 2 (compiled, the node options of \`npm run proxy\`), ` +
      `POST /v1/checkouts of 3 coded lines with known products, ${CONNECTIONS} connections, ` +
      `${ROUND_SECONDS} s per round after 1 s of warm-up, ${ROUNDS} rounds per build, the rounds of the ` +
      "two builds alternating so that other work on the machine weighs on both alike. CPU is the " +
      "proxy process's own CPU time (`process.cpuUsage`, user + system, all its threads) divided " +
      "by the requests it answered, never wall time; the median round is shown." +
      (baseline
        ? ` Baseline: ${process.env.BENCH_BASELINE_REF ?? "main"} at ${baseline.commit.slice(0, 7)}, built the same way.`
        : ""),
  );
  say();
  say("| Figure | Baseline | Now | Target |");
  say("| --- | ---: | ---: | --- |");
  say(
    `| Proxy CPU per checkout (ms), median | ${baseline ? ms(baseline.median) : "—"} | ${ms(current.median)} | ≤ ${CPU_TARGET_MS} — **${met ? "met" : "not met"}** |`,
  );
  say(
    `| Every round (ms) | ${baseline ? baseline.rounds.map(ms).join(", ") : "—"} | ${current.rounds.map(ms).join(", ")} | — |`,
  );
  say(
    `| The floor: the same checkouts' 4 HTTP exchanges alone (bench/httpFloorProcess.ts), median | — | ${ms(floor.median)} (rounds ${floor.rounds.map(ms).join(", ")}) | — |`,
  );
  const perCore = (round: CpuRound) => (1000 / round.cpuMsPerCheckout).toFixed(0);
  say(
    `| Checkouts one core could serve (/s) | ${baseline ? perCore(baseline.median) : "—"} | ${perCore(current.median)} | ≥ 400 (4 × Stripe's live 100/s) |`,
  );
  say(
    `| Checkouts/s served in the median round (the machine shared) | ${baseline ? baseline.median.checkoutsPerSecond.toFixed(0) : "—"} | ${current.median.checkoutsPerSecond.toFixed(0)} | — |`,
  );
  say();
  const top = current.profile?.top;
  if (top) {
    say(
      "Profile (`node --cpu-prof`, one more round of each build): the top functions by self time, " +
        "as a share of the samples in which the proxy's JavaScript thread was busy, module loading " +
        "left out. Native frames (`writev`, `writeLatin1String`: socket writes; the garbage " +
        "collector) are named as V8 names them; `proxyProcess.js` is the compiled proxy.",
    );
    say();
    say("| # | Baseline | % | Now | % |");
    say("| ---: | --- | ---: | --- | ---: |");
    const before = baseline?.profile?.top ?? [];
    for (let i = 0; i < top.length; i++) {
      const b = before[i];
      const n = top[i]!;
      say(
        `| ${i + 1} | ${b ? `\`${b.name}\`` : "—"} | ${b ? b.selfPercent.toFixed(1) : ""} | \`${n.name}\` | ${n.selfPercent.toFixed(1)} |`,
      );
    }
    say();
    sayOwnersTable(
      say,
      { owners: current.profile!.owners, cpuMs: current.median.cpuMsPerCheckout },
      baseline?.profile
        ? { owners: baseline.profile.owners, cpuMs: baseline.median.cpuMsPerCheckout }
        : undefined,
    );
  }
  return comparison;
}
