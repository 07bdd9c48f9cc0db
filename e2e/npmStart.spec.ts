/**
 * The quick start as a person runs it: `npm start` (not a test helper) brings up the sandbox and
 * prints where to go; the printed address serves the sample app's record list with the plugin's
 * button. Ports are chosen freely (SANDBOX_*_PORT=0) so the story never collides with a running sandbox.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { REPO_ROOT } from "../sandbox/startSandbox";
import { launchChromium, saveScreenshot, waitForKintoneReady } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { openTracedPage } from "./storyKit";

let child: ChildProcess | undefined;
/** The sandbox's memory for these stories only, never the developer's `.sandbox-data/`. */
const dataDir = mkdtempSync(path.join(tmpdir(), "npm-start-data-"));
let browser: Browser | undefined;
let traced: Awaited<ReturnType<typeof openTracedPage>> | undefined;

afterEach(async () => {
  await traced?.close(); // keeps the trace if the story failed
  traced = undefined;
});

/** Ctrl-C, as a person stops it: the whole group (npm, tsx and node). */
async function stopSandbox(): Promise<void> {
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    process.kill(-child.pid, "SIGINT");
    await exited;
  }
}

afterAll(async () => {
  await browser?.close();
  await stopSandbox();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the kintone address once `npm start` prints it; rejects if it exits first. */
function startSandboxWithNpm(
  args: string[] = [],
): Promise<{ kintoneUrl: string; output: () => string }> {
  let output = "";
  child = spawn("npm", ["start", ...(args.length > 0 ? ["--", ...args] : [])], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      SANDBOX_KINTONE_PORT: "0",
      SANDBOX_STRIPE_PORT: "0",
      SANDBOX_PROXY_PORT: "0",
      SANDBOX_DATA_DIR: dataDir,
    },
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const kintone = /kintone\s+(http:\/\/localhost:\d+)\//.exec(output);
      // The banner is printed in one write; its last line says the sandbox is ready.
      if (kintone?.[1] && output.includes("Ctrl-C stops everything")) {
        resolve({ kintoneUrl: kintone[1], output: () => output });
      }
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child?.once("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
}

describe("npm start", () => {
  it("serves the sample app's record list with the plugin's button at the address it prints", async () => {
    ensurePluginBuilt();
    const { kintoneUrl, output } = await startSandboxWithNpm();
    expect(output()).toMatch(/Proxy\s+http:\/\/localhost:\d+/);
    expect(output()).toContain("the sample apps come with the plug-in already set up");
    expect(output()).toContain("Start fresh: npm start -- --reset");

    browser = await launchChromium();
    traced = await openTracedPage(browser);
    const { page, pageErrors: errors } = traced;
    await page.goto(`${kintoneUrl}/k/1/`);
    await waitForKintoneReady(page);

    const rows = await page.locator("table tbody tr").count();
    expect(rows).toBeGreaterThanOrEqual(10);
    await expect(page.locator("#kintone-header-menu-space button").count()).resolves.toBe(1);
    await saveScreenshot(page, "npm-start-products-list");
    expect(errors).toEqual([]);
  });

  it("comes back as it was left after Ctrl-C, and starts fresh with --reset", async () => {
    await stopSandbox();
    expect(existsSync(path.join(dataDir, "sandbox-state.json"))).toBe(true);
    expect(existsSync(path.join(dataDir, "journal.sqlite"))).toBe(true);
    const restarted = await startSandboxWithNpm();
    expect(restarted.output()).toContain("The sandbox came back as you left it");
    await stopSandbox();
    const fresh = await startSandboxWithNpm(["--reset"]);
    expect(fresh.output()).toContain("was emptied (--reset)");
    expect(fresh.output()).not.toContain("came back as you left it");
  });
});
