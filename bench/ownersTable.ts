/**
 * bench/RESULTS.md's table of where the proxy's CPU goes (bench/profileByOwner.ts), each share
 * also in ms of the median round's CPU per checkout.
 */
import type { OwnerShare } from "./profileByOwner";

export function sayOwnersTable(
  say: (text?: string) => void,
  now: { owners: OwnerShare[]; cpuMs: number },
  baseline?: { owners: OwnerShare[]; cpuMs: number },
): void {
  say(
    "Where it goes (the same profiles): the busy samples by who spends them — the nearest package " +
      "(or the proxy's own code) on each sample's stack, Node's own HTTP, socket and stream code " +
      "named apart with who called it; the ms are the share of the median round's CPU per checkout.",
  );
  say();
  say("| # | Baseline | % | ms | Now | % | ms |");
  say("| ---: | --- | ---: | ---: | --- | ---: | ---: |");
  const ms = (share: OwnerShare, cpuMs: number) => ((share.percent / 100) * cpuMs).toFixed(2);
  for (let i = 0; i < now.owners.length; i++) {
    const b = baseline?.owners[i];
    const n = now.owners[i]!;
    say(
      `| ${i + 1} | ${b ? b.owner : "—"} | ${b ? b.percent.toFixed(1) : ""} | ${b && baseline ? ms(b, baseline.cpuMs) : ""} | ${n.owner} | ${n.percent.toFixed(1)} | ${ms(n, now.cpuMs)} |`,
    );
  }
  say();
}
