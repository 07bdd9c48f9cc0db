/**
 * The top functions of a V8 CPU profile (`node --cpu-prof`) by self time: each node's samples are
 * attributed to its function (name, file, line), summed, and given as a share of the samples in
 * which the thread was doing something (the `(idle)` samples left out).
 * Format: https://chromedevtools.github.io/devtools-protocol/tot/Profiler/#type-Profile
 */
import path from "node:path";
import { readProfile } from "./readProfile";

export interface ProfileEntry {
  /** `function (file:line)`, the file relative to node_modules or the repository. */
  name: string;
  /** Share of the busy samples, in percent. */
  selfPercent: number;
}

function shortUrl(url: string): string {
  if (!url) return "";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  return path.basename(url.replace(/^file:\/\//, ""));
}

export function profileTop(file: string, count: number): ProfileEntry[] {
  const profile = readProfile(file);
  const { byId, parentOf } = profile;
  const loading = new Map<number, boolean>();
  const isLoading = (id: number): boolean => {
    let known = loading.get(id);
    if (known === undefined) {
      const parent = parentOf.get(id);
      known =
        byId.get(id)?.callFrame.functionName === "Module._load" ||
        (parent !== undefined && isLoading(parent));
      loading.set(id, known);
    }
    return known;
  };
  const samplesByName = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)" || isLoading(id)) continue;
    busy += 1;
    const where = shortUrl(frame.url);
    const name = `${frame.functionName || "(anonymous)"}${where ? ` (${where}:${frame.lineNumber + 1})` : ""}`;
    samplesByName.set(name, (samplesByName.get(name) ?? 0) + 1);
  }
  return [...samplesByName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, samples]) => ({ name, selfPercent: (samples / Math.max(1, busy)) * 100 }));
}

if (require.main === module) {
  for (const entry of profileTop(process.argv[2]!, Number(process.argv[3] ?? 25))) {
    console.log(`${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.name}`);
  }
}
