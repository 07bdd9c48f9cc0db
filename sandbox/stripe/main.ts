/**
 * Runs the Stripe emulator alone: `npx tsx sandbox/stripe/main.ts`.
 * Environment: STRIPE_EMULATOR_PORT (default 12111), STRIPE_EMULATOR_WEBHOOK_URL and
 * STRIPE_EMULATOR_WEBHOOK_SECRET (both or neither), STRIPE_EMULATOR_LATENCY_MS,
 * STRIPE_EMULATOR_RATE_LIMIT, STRIPE_EMULATOR_SEARCH_LAG_MS.
 */
import { startStripeEmulator, StripeEmulatorOptions } from "./StripeEmulator";

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`${name} must be a number`);
  return number;
}

async function main(): Promise<void> {
  const options: StripeEmulatorOptions = { port: numberFromEnv("STRIPE_EMULATOR_PORT") ?? 12111 };
  const latencyMs = numberFromEnv("STRIPE_EMULATOR_LATENCY_MS");
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  const rateLimit = numberFromEnv("STRIPE_EMULATOR_RATE_LIMIT");
  if (rateLimit !== undefined) options.rateLimitPerSecond = rateLimit;
  const searchLagMs = numberFromEnv("STRIPE_EMULATOR_SEARCH_LAG_MS");
  if (searchLagMs !== undefined) options.searchLagMs = searchLagMs;
  const webhookUrl = process.env.STRIPE_EMULATOR_WEBHOOK_URL;
  const webhookSecret = process.env.STRIPE_EMULATOR_WEBHOOK_SECRET;
  if (webhookUrl && webhookSecret) options.webhook = { url: webhookUrl, secret: webhookSecret };
  const emulator = await startStripeEmulator(options);
  console.log(
    `Stripe emulator listening on ${emulator.url} (control API: ${emulator.url}/_emulator/health)`,
  );
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
