/**
 * A proxy in its own process, for the test that kills one mid-job: `tsx runProxyProcess.ts`, with
 * the configuration in the environment and `JOURNAL_FILE`; prints `{ "url": … }` once listening.
 */
import { startTestProxy } from "../../../testkit/startTestProxy";

async function run(): Promise<void> {
  const proxy = await startTestProxy(process.env, {
    journalFile: process.env.JOURNAL_FILE,
    stripeRateLimitPerSecond: Number(process.env.TEST_STRIPE_RATE ?? 1000),
  });
  process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
