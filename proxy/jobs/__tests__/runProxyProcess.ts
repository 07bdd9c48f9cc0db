/**
 * A proxy in its own process, for the test that kills one mid-job: `tsx runProxyProcess.ts`, with
 * the configuration in the environment and `JOURNAL_FILE`; prints `{ "url": … }` once listening.
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

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
