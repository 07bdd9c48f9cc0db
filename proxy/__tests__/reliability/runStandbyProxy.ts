/**
 * A proxy process for the kill tests that loads everything first and starts the proxy only when
 * told (a line on stdin), so that the next process can be made ready while the current one works
 * and a restart after a SIGKILL costs the start itself, not loading the code. Configuration from
 * the environment and `JOURNAL_FILE`, `TEST_STRIPE_RATE`; prints `{ "url": … }` once listening.
 */
import pino from "pino";
import { loadConfig } from "../../config";
import { startProxy } from "../../main";

async function run(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.message);
  const proxy = await startProxy(loaded.config, {
    host: "127.0.0.1",
    journalFile: process.env.JOURNAL_FILE,
    logger: pino({ level: "silent" }),
    stripeRateLimitPerSecond: Number(process.env.TEST_STRIPE_RATE ?? 1000),
  });
  process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
}

process.stdin.once("data", () => {
  process.stdin.pause();
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
