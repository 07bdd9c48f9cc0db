/**
 * The quick start as a person runs it: `npm start` (not a test helper) brings up the sandbox and
 * prints where to go; the printed address serves the sample app's record list with the plugin's
 * button. Ports are chosen freely (SANDBOX_*_PORT=0) so the story never collides with a running sandbox.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Browser } from "playwright-core";
import { REPO_ROOT } from "../sandbox/startSandbox";
import { launchChromium, saveScreenshot, waitForKintoneReady } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { openTracedPage } from "./storyKit";

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let traced: Awaited<ReturnType<typeof openTracedPage>> | undefined;

afterEach(async () => {
  await traced?.close(); // keeps the trace if the story failed
  traced = undefined;
});

afterAll(async () => {
  await browser?.close();
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once("exit", resolve));
    process.kill(-child.pid, "SIGINT"); // the whole group: npm, tsx and node
    await exited;
  }
});

/** Resolves with the kintone address once `npm start` prints it; rejects if it exits first. */
function startSandboxWithNpm(): Promise<{ kintoneUrl: string; output: () => string }> {
  let output = "";
  child = spawn("npm", ["start"], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      SANDBOX_KINTONE_PORT: "0",
      SANDBOX_STRIPE_PORT: "0",
      SANDBOX_PROXY_PORT: "0",
    },
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const kintone = /kintone\s+(http:\/\/localhost:\d+)\//.exec(output);
      if (kintone?.[1]) resolve({ kintoneUrl: kintone[1], output: () => output });
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
});
