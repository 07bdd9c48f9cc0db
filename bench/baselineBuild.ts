/**
 * The baseline the bench measures side by side with this tree: another git revision (default
 * `main`, BENCH_BASELINE_REF overrides it, BENCH_BASELINE_REF=none skips it) exported to a
 * temporary directory that shares this repository's node_modules, with its proxy and its bench
 * proxy process compiled the same way as this tree's. Both then run on the same machine at the
 * same time, so their figures compare even when other work slows the machine.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildNodeBundle } from "../scripts/proxyBuild";
import { productionNodeFlags } from "./productionNodeFlags";

const ROOT = path.resolve(__dirname, "..");

export interface BaselineBuild {
  ref: string;
  /** The commit the ref named when the bench ran. */
  commit: string;
  /** Its bench/proxyProcess.ts, compiled. */
  proxyProcessFile: string;
  /** Its proxy/main.ts, compiled (what its `npm run proxy` runs). */
  proxyMainFile: string;
  /** The node options its `npm run proxy` gives node. */
  nodeFlags: string[];
}

let built: BaselineBuild | null | undefined;

/** The baseline, exported and built once per bench run; null when it is skipped or cannot be built. */
export function baselineBuild(): BaselineBuild | null {
  if (built !== undefined) return built;
  const ref = process.env.BENCH_BASELINE_REF ?? "main";
  if (ref === "none") return (built = null);
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
    const commit = git("rev-parse", `${ref}^{commit}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-baseline-"));
    const archive = path.join(dir, "tree.tar");
    execFileSync("git", ["archive", "--output", archive, commit], { cwd: ROOT });
    const tree = path.join(dir, "tree");
    fs.mkdirSync(tree);
    execFileSync("tar", ["-xf", archive, "-C", tree]);
    // Packages (native ones included) resolve from the compiled file's directory upwards.
    fs.symlinkSync(
      fs.realpathSync(path.join(ROOT, "node_modules")),
      path.join(tree, "node_modules"),
    );
    built = {
      ref,
      commit,
      proxyProcessFile: buildNodeBundle(
        path.join(tree, "bench", "proxyProcess.ts"),
        path.join(tree, "dist", "bench", "proxyProcess.js"),
      ),
      proxyMainFile: buildNodeBundle(
        path.join(tree, "proxy", "main.ts"),
        path.join(tree, "dist", "proxy", "main.js"),
      ),
      nodeFlags: productionNodeFlags(tree),
    };
  } catch (error) {
    console.error(`No baseline (${ref}):`, error instanceof Error ? error.message : error);
    built = null;
  }
  return built;
}
