/**
 * A V8 CPU profile's busy samples by who spends them: each sample goes to the nearest frame on its
 * stack that belongs to a package (node_modules/<name>) or to the compiled proxy itself. Node's
 * own HTTP, socket and stream frames on the way are named apart ("Node's http/net/streams, called
 * by …"): the cost of an exchange, not of the code that asked for it. A sample with neither (the
 * garbage collector) is named after its native frame. Module loading is left out, as in
 * bench/profileTop.ts.
 */
import { readProfile } from "./readProfile";

export interface OwnerShare {
  owner: string;
  /** Share of the busy samples, in percent. */
  percent: number;
}

const PROXY_BUNDLES = ["proxyProcess.js", "main.js"];
/** Node's HTTP, sockets and streams: the cost of an exchange, whoever started it. */
const NODE_IO = /^node:(_http|http|https|net|stream|internal\/streams|internal\/http|_stream)/;

function ownerOfUrl(url: string): string | undefined {
  if (!url || url.startsWith("node:")) return undefined;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [first = "", second = ""] = url.slice(modules + "node_modules/".length).split("/");
    return first.startsWith("@") ? `${first}/${second}` : first;
  }
  return PROXY_BUNDLES.some((name) => url.endsWith(name)) ? "the proxy's own code" : url;
}

export function profileByOwner(file: string, count: number): OwnerShare[] {
  const profile = readProfile(file);
  const { byId, parentOf } = profile;
  const ownerOf = new Map<number, string | null>();
  /** null: module loading, left out. */
  const owner = (id: number): string | null => {
    const known = ownerOf.get(id);
    if (known !== undefined) return known;
    let found: string | undefined;
    let viaNodeIo = false;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === "Module._load") {
        ownerOf.set(id, null);
        return null;
      }
      if (found === undefined) {
        found = ownerOfUrl(frame.url);
        if (found === undefined && NODE_IO.test(frame.url)) viaNodeIo = true;
      }
    }
    const leaf = byId.get(id)!.callFrame;
    const who =
      found !== undefined
        ? viaNodeIo
          ? `Node's http/net/streams, called by ${found}`
          : found
        : viaNodeIo
          ? "Node's http/net/streams (the server's side, socket events)"
          : `native: ${leaf.functionName || "(anonymous)"}`;
    ownerOf.set(id, who);
    return who;
  };
  const samples = new Map<string, number>();
  let busy = 0;
  for (const id of profile.samples) {
    if (byId.get(id)?.callFrame.functionName === "(idle)") continue;
    const who = owner(id);
    if (who === null) continue;
    busy += 1;
    samples.set(who, (samples.get(who) ?? 0) + 1);
  }
  return [...samples]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([who, n]) => ({ owner: who, percent: (n / Math.max(1, busy)) * 100 }));
}

if (require.main === module) {
  for (const share of profileByOwner(process.argv[2]!, Number(process.argv[3] ?? 20))) {
    console.log(`${share.percent.toFixed(1).padStart(5)}%  ${share.owner}`);
  }
}
