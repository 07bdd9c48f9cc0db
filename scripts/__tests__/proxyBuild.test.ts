/**
 * The production start: the proxy compiled to one JavaScript file runs under plain `node` (no
 * TypeScript loader), reads its configuration and answers /healthz with the package's version.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { startOrdersEmulators, type OrdersEmulators } from "../../sandbox/startOrdersEmulators";
import { ORDERS_PROXY_SECRET } from "../../testkit/startOrdersProxy";
import { buildNodeBundle, buildProxy, isBuildCurrent } from "../proxyBuild";

const ROOT = path.resolve(__dirname, "..", "..");
// Inside dist/ like the real build, so the bundle finds package.json two levels up.
const outDir = path.join(ROOT, "dist", `proxy-check-${process.pid}`);
const outFile = path.join(outDir, "main.js");

let emulators: OrdersEmulators;
let child: ChildProcess | undefined;

beforeAll(async () => {
  emulators = await startOrdersEmulators();
  buildProxy(outFile);
});

afterAll(async () => {
  child?.kill("SIGKILL");
  await emulators.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

/** The port from the proxy's "proxy listening" log line. */
function listeningPort(proxy: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: proxy.stdout! });
    lines.on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === "proxy listening" && entry.port) resolve(entry.port);
    });
    proxy.once("exit", (code) => reject(new Error(`the proxy exited (${code}) before listening`)));
  });
}

describe("the compiled proxy", () => {
  it("is current right after a build, stale once a source is newer", () => {
    expect(isBuildCurrent(outFile)).toBe(true);
    // Built before any source was written: every source is newer.
    fs.utimesSync(outFile, new Date(0), new Date(0));
    expect(isBuildCurrent(outFile)).toBe(false);
    expect(isBuildCurrent(path.join(outDir, "missing.js"))).toBe(false);
  });

  it("starts under plain node and answers /healthz with the package version", async () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
    child = spawn(process.execPath, [outFile], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        ...emulators.proxyEnv({
          stripeApiKey: "rk_test_compiled",
          proxySecret: ORDERS_PROXY_SECRET,
        }),
        DATA_DIR: outDir,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await listeningPort(child);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, version });
  });

  it("starts nothing when code that starts its own proxy bundles startProxy (only main.ts starts one)", () => {
    // A bundle's modules all see the bundle as `require.main`: had the entry's guard come along,
    // loading this would start a second proxy (in the benchmarks it joined the first one's job
    // with a Stripe budget of its own); with no configuration it would exit 1 naming what is missing.
    const entry = path.join(outDir, "startsItsOwn.ts");
    fs.writeFileSync(
      entry,
      'import { startProxy } from "../../proxy/startProxy";\nconsole.log(typeof startProxy);\n',
    );
    const bundle = buildNodeBundle(entry, path.join(outDir, "startsItsOwn.js"));
    const run = spawnSync(process.execPath, [bundle], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "" },
      encoding: "utf8",
    });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: "function\n",
      stderr: "",
    });
  });
});
