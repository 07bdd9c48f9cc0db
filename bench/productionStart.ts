/**
 * The production start: `npm run proxy` runs the compiled proxy (dist/proxy/main.js) under plain
 * node. Measured from spawning the process to its first `/healthz` answer, and its resident memory
 * after a second of idling, with the node options `npm run proxy` gives (package.json), next to
 * the baseline revision's compiled proxy (bench/baselineBuild.ts) and to the same proxy started
 * through the TypeScript loader (`tsx`), as it was started before.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startOrdersEmulators } from "../sandbox/startOrdersEmulators";
import { buildProxy } from "../scripts/proxyBuild";
import { baselineBuild } from "./baselineBuild";
import { productionNodeFlags } from "./productionNodeFlags";
import { SECRET } from "./setup";

const ROOT = path.resolve(__dirname, "..");
export const TARGETS = { startMs: 1000, idleRssMb: 80 };

export interface StartFigures {
  startMs: number;
  idleRssMb: number;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

export async function measureStart(
  args: string[],
  env: Record<string, string>,
): Promise<StartFigures> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-start-"));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: "ignore",
  });
  try {
    const deadline = started + 30_000;
    for (;;) {
      if (performance.now() > deadline) throw new Error("no /healthz answer in 30 s");
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const startMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { startMs, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface ProductionStartFigures {
  baseline?: StartFigures;
  now: StartFigures;
}

export async function productionStartSection(
  say: (text?: string) => void,
): Promise<ProductionStartFigures> {
  say("## 8. Production start: spawn to the first `/healthz`, and idle memory");
  say();
  const emulators = await startOrdersEmulators();
  try {
    const env = emulators.proxyEnv({ stripeApiKey: "rk_test_bench", proxySecret: SECRET });
    const compiled = buildProxy();
    // Each measured three times; the median is reported (the machine is shared).
    const median = async (args: string[]) => {
      const runs: StartFigures[] = [];
      for (let i = 0; i < 3; i++) runs.push(await measureStart(args, env));
      const by = (key: keyof StartFigures) => runs.map((r) => r[key]).sort((a, b) => a - b)[1]!;
      return { startMs: by("startMs"), idleRssMb: by("idleRssMb") };
    };
    const viaTsx = await median(["--import", "tsx", path.join(ROOT, "proxy", "main.ts")]);
    const baseline = baselineBuild();
    const viaBaseline = baseline
      ? await median([...baseline.nodeFlags, baseline.proxyMainFile])
      : undefined;
    const flags = productionNodeFlags(ROOT);
    const viaNode = await median([...flags, compiled]);
    const met = (ok: boolean) => (ok ? "**met**" : "**not met**");
    const base = (figure: number | undefined) => (figure === undefined ? "—" : figure.toFixed(0));
    say(
      `Now: \`node ${[...flags, "dist/proxy/main.js"].join(" ")}\`, as \`npm run proxy\` starts it; ` +
        (baseline
          ? `baseline: ${baseline.ref} (${baseline.commit.slice(0, 7)}) compiled the same way, in the same run. `
          : "") +
        "Each start measured three times, the median shown.",
    );
    say();
    say("| Figure | Through tsx (before) | Baseline (compiled) | Now (`npm run proxy`) | Target |");
    say("| --- | ---: | ---: | ---: | --- |");
    say(
      `| Spawn to first /healthz (ms) | ${viaTsx.startMs.toFixed(0)} | ${base(viaBaseline?.startMs)} | ${viaNode.startMs.toFixed(0)} | ≤ ${TARGETS.startMs} — ${met(viaNode.startMs <= TARGETS.startMs)} |`,
    );
    say(
      `| Idle RSS after 1 s (MB) | ${viaTsx.idleRssMb.toFixed(0)} | ${base(viaBaseline?.idleRssMb)} | ${viaNode.idleRssMb.toFixed(0)} | ≤ ${TARGETS.idleRssMb} — ${met(viaNode.idleRssMb <= TARGETS.idleRssMb)} |`,
    );
    say();
    return { baseline: viaBaseline, now: viaNode };
  } finally {
    await emulators.close();
  }
}
