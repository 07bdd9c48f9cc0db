/**
 * pino JSON logs. Secrets are redacted by path wherever they could appear: request headers,
 * the config, adapter options, errors that carry a request.
 */
import pino, { type Logger } from "pino";
import { bufferedStdout } from "./bufferedStdout";

export const REDACTED_PATHS = [
  "req.headers.authorization",
  'req.headers["x-cybozu-api-token"]',
  'req.headers["stripe-signature"]',
  "headers.authorization",
  'headers["x-cybozu-api-token"]',
  "authorization",
  "apiKey",
  "apiToken",
  "token",
  "proxySecret",
  "stripeApiKey",
  "stripeWebhookSecret",
  "kintoneApiTokens",
  "*.apiKey",
  "*.apiToken",
  "*.token",
  "*.proxySecret",
  "*.stripeApiKey",
  "*.stripeWebhookSecret",
  "*.kintoneApiTokens",
  "err.config.headers",
  "err.headers",
  "err.raw.headers",
];

export function createLogger(
  options: { level?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "proxy" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? bufferedStdout(),
  );
}
