import type { ProxyProcessStats } from "./proxyProcess";

/** A bench child process's own figures for the parent's `stats` message: its CPU and memory now. */
export function processStats(
  counts: Pick<ProxyProcessStats, "upstreamRequests" | "upstreamMs" | "incomingRequests">,
): ProxyProcessStats {
  const cpu = process.cpuUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    cpuSystemMicros: cpu.system,
    ...counts,
    rssBytes: process.memoryUsage.rss(),
  };
}
