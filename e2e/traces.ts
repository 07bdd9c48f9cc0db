/**
 * Playwright traces for the stories: every test's browser context records one (screenshots and
 * DOM snapshots); a failed test's trace is kept in `e2e/artifacts/traces/`, a passed test's dropped.
 * Open one with `npx playwright-core show-trace <file>`.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { ARTIFACTS_DIR } from "./browser";
import { traceVerdict, type TestOutcome } from "./testOutcome";

export const TRACES_DIR = path.join(ARTIFACTS_DIR, "traces");

/** `list.spec.ts` + "the dialog › creates ONE checkout" → `list.spec-the-dialog-creates-ONE-checkout.zip`. */
export function traceFileName(testPath: string | undefined, testName: string): string {
  const spec = path.basename(testPath ?? "story", ".ts");
  const slug = `${spec}-${testName}`
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 150);
  return `${slug}.zip`;
}

export async function startTracing(context: BrowserContext): Promise<void> {
  await context.tracing.start({ screenshots: true, snapshots: true });
}

/**
 * Stops the context's trace: written to `dir` when the test failed (the file's path is returned),
 * discarded when it passed — together with a trace an earlier failed run of the same test left.
 */
export async function finishTracing(
  context: Pick<BrowserContext, "tracing">,
  outcome: TestOutcome | undefined,
  file: string,
): Promise<string | undefined> {
  if (traceVerdict(outcome) === "keep") {
    mkdirSync(path.dirname(file), { recursive: true });
    await context.tracing.stop({ path: file });
    return file;
  }
  await context.tracing.stop();
  if (existsSync(file)) rmSync(file);
  return undefined;
}
