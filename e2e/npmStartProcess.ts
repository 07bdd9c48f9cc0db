/**
 * `npm start` as a person runs it (not a test helper), on free ports (SANDBOX_*_PORT=0) so a story
 * never collides with a running sandbox, remembering in a temporary data folder of its own (never
 * the developer's `.sandbox-data/`); stopped with Ctrl-C, as a person stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../sandbox/startSandbox";

export interface NpmStart {
  /** Resolves with the kintone address once `npm start` prints it; rejects if it exits first. */
  start(args?: string[]): Promise<{ kintoneUrl: string; output: () => string }>;
  /** Ctrl-C to the whole group (npm, tsx and node); resolves once it exited. */
  stop(): Promise<void>;
  /** Stops it and removes its data folder (a file's afterAll). */
  dispose(): Promise<void>;
  /** Where this sandbox remembers (SANDBOX_DATA_DIR). */
  readonly dataDir: string;
}

export function npmStartProcess(): NpmStart {
  const dataDir = mkdtempSync(path.join(tmpdir(), "npm-start-data-"));
  let child: ChildProcess | undefined;
  return {
    dataDir,
    start(args = []) {
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
    },
    async stop() {
      const running = child;
      if (running?.pid !== undefined && running.exitCode === null) {
        const exited = new Promise((resolve) => running.once("exit", resolve));
        process.kill(-running.pid, "SIGINT");
        await exited;
      }
    },
    async dispose() {
      await this.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
