/**
 * The proxy's folders import one another one way only: a folder that imports another is never
 * imported back by it (e.g. events/ uses sessions/, sessions/ never uses events/). Tests are left
 * out: they may reach anywhere.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const PROXY = resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The proxy folder a path lies in ("." for proxy/ itself), or undefined outside the proxy. */
function folderOf(path: string): string | undefined {
  const inProxy = relative(PROXY, path);
  if (inProxy.startsWith("..")) return undefined;
  const parts = inProxy.split(sep);
  return parts.length > 1 ? parts[0] : ".";
}

/** "from → to" for every import of one proxy folder by another. */
function folderImports(): Set<string> {
  const edges = new Set<string>();
  for (const file of sourceFiles(PROXY)) {
    const from = folderOf(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/(?:from|import)\s+["'](\.{1,2}\/[^"']+)["']/g)) {
      const to = folderOf(resolve(dirname(file), match[1] as string));
      if (to !== undefined && to !== from) edges.add(`${from} → ${to}`);
    }
  }
  return edges;
}

describe("imports between the proxy's folders", () => {
  it("finds the imports it checks", () => {
    expect(folderImports()).toContain("events → sessions");
  });

  it("never go both ways between two folders", () => {
    const edges = folderImports();
    const bothWays = [...edges].filter((edge) => {
      const [from, to] = edge.split(" → ");
      return edges.has(`${to} → ${from}`);
    });
    expect(bothWays).toEqual([]);
  });
});
