/**
 * A V8 CPU profile (`node --cpu-prof`) read for walking its stacks: nodes by id, each node's parent.
 * Format: https://chromedevtools.github.io/devtools-protocol/tot/Profiler/#type-Profile
 */
import fs from "node:fs";

export interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface ReadProfile {
  samples: number[];
  byId: Map<number, ProfileNode>;
  parentOf: Map<number, number>;
}

export function readProfile(file: string): ReadProfile {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as {
    nodes: ProfileNode[];
    samples: number[];
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  return { samples: profile.samples, byId, parentOf };
}
