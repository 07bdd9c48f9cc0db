/**
 * The node options `npm run proxy` starts the compiled proxy with (package.json's `proxy` script,
 * `node [options] dist/proxy/main.js`), so that the bench runs its proxies as production does.
 */
import fs from "node:fs";
import path from "node:path";

export function productionNodeFlags(root: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts?: Record<string, string>;
  };
  const command = /\bnode\s+((?:--\S+\s+)*)dist\/proxy\/main\.js/.exec(
    manifest.scripts?.proxy ?? "",
  );
  return command?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}
