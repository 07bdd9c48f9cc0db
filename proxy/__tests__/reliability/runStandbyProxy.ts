/**
 * A proxy process for the kill tests that loads everything first and starts the proxy only when
 * told (a line on stdin: "start RATE", RATE the Stripe requests per second it allows itself), so
 * that the next process can be made ready while the current one works and a restart after a
 * SIGKILL costs the start itself, not loading the code. Configuration from the environment and
 * `JOURNAL_FILE` (or `DATABASE_URL`), start options over the defaults from `PROXY_START_OPTIONS` (JSON); prints `{ "url": … }` once listening.
 */
import { startTestProxy } from "../../../testkit/startTestProxy";
import type { StartProxyOptions } from "../../startProxy";

async function run(stripeRateLimitPerSecond: number): Promise<void> {
  const proxy = await startTestProxy(process.env, {
    journalFile: process.env.JOURNAL_FILE,
    stripeRateLimitPerSecond: stripeRateLimitPerSecond,
    // Tests of several proxies shorten their waits (leases, heartbeats, write-back retries).
    ...(JSON.parse(process.env.PROXY_START_OPTIONS ?? "{}") as StartProxyOptions),
  });
  process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
}

process.stdin.once("data", (line: Buffer) => {
  process.stdin.pause();
  const rate = Number(/start (\d+)/.exec(line.toString())?.[1] ?? 1000);
  run(rate).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
