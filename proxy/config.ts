/**
 * The proxy's configuration: the environment variables `.env.example` lists, no others. This is
 * the only module that reads the environment, and the one place that reads meaning from it
 * (such as the Stripe key's mode): `readEnvironment()` merges `.env` and `process.env`;
 * `loadConfig(env)` is pure over its argument and reports every problem at once.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";
import { scheduledJobsSchema, type ScheduledJob } from "./jobs/scheduledJobsSchema";
import type { StripeKeyType, StripeMode } from "./ports/PaymentGateway";

export interface ProxyConfig {
  stripeApiKey: string;
  stripeKeyType: StripeKeyType;
  /** `…_live_…` keys work on live data, `…_test_…` keys on test data. */
  stripeMode: StripeMode;
  stripeApiBase?: string;
  stripeWebhookSecret?: string;
  proxySecret: string;
  kintoneBaseUrl: string;
  /** App id → the app's API token(s), comma-joined as kintone's `X-Cybozu-API-Token` header takes them. */
  kintoneApiTokens: Record<string, string>;
  /** App id → its guest space id, for the apps written `APP_ID@GUEST_SPACE_ID:TOKEN`; absent when none. */
  kintoneGuestSpaces?: Record<string, string>;
  port: number;
  dataDir: string;
  /** `DATABASE_URL` (optional): the journal in PostgreSQL, shared by every proxy given it. */
  databaseUrl?: string;
  /** `LOG_LEVEL` (optional): pino level, default info. */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** `SCHEDULED_JOBS` (optional): jobs submitted on a cron schedule. */
  scheduledJobs?: ScheduledJob[];
}

export type LoadConfigResult =
  | { ok: true; config: ProxyConfig; warnings: string[] }
  | { ok: false; problems: string[]; message: string };

export type Environment = Record<string, string | undefined>;

const stripeApiKey = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .superRefine((key, ctx) => {
    if (key.startsWith("pk_")) {
      ctx.addIssue({
        code: "custom",
        message:
          "is a publishable key (pk_…); the proxy needs a restricted key (rk_…) or, discouraged, a secret key (sk_…)",
      });
    } else if (!/^(rk|sk)_(test|live)_\S+$/.test(key)) {
      ctx.addIssue({
        code: "custom",
        message: "must be a Stripe key starting rk_test_/rk_live_ (or sk_…)",
      });
    }
  });

/** kintone's SDK accepts https, and plain http only for the host name `localhost`. */
const kintoneBaseUrl = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a URL such as https://example.cybozu.com" });
      return;
    }
    const localHttp = url.protocol === "http:" && url.hostname === "localhost";
    if (url.protocol !== "https:" && !localHttp) {
      ctx.addIssue({
        code: "custom",
        message: "must be an https:// URL (http:// is allowed only for host localhost)",
      });
    }
  })
  .transform((value) => value.replace(/\/+$/, ""));

/**
 * `APP_ID:TOKEN[,APP_ID:TOKEN…]`; an app in a guest space is written `APP_ID@GUEST_SPACE_ID:TOKEN`,
 * and is then reached only under `/k/guest/{GUEST_SPACE_ID}/v1/…`
 * (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/).
 */
const kintoneApiTokens = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required" })
  .transform((value, ctx) => {
    const tokens: Record<string, string[]> = {};
    const spaces = new Map<string, string | undefined>();
    for (const [index, entry] of value
      .split(",")
      .map((e) => e.trim())
      .entries()) {
      const match = /^(\d+)(?:@(\d+))?:([^\s,:@]+)$/.exec(entry);
      if (!match) {
        // Never echo the entry: without its colon, all of it may be the token.
        const appId = /^(\d+)\s*[@:]/.exec(entry)?.[1];
        ctx.addIssue({
          code: "custom",
          message: `entry ${index + 1}${appId ? ` (app ${appId})` : ""} must look like APP_ID:TOKEN, or APP_ID@GUEST_SPACE_ID:TOKEN for an app in a guest space (numeric ids, then the token)`,
        });
        continue;
      }
      const [, appId, space, token] = match as unknown as [
        string,
        string,
        string | undefined,
        string,
      ];
      if (spaces.has(appId) && spaces.get(appId) !== space) {
        ctx.addIssue({
          code: "custom",
          message: `entry ${index + 1} (app ${appId}) names another guest space than an earlier entry of app ${appId}: an app is in one space`,
        });
        continue;
      }
      spaces.set(appId, space);
      (tokens[appId] ??= []).push(token);
    }
    const guestSpaces = Object.fromEntries(
      [...spaces].filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    return {
      tokens: Object.fromEntries(
        Object.entries(tokens).map(([app, list]) => [app, list.join(",")]),
      ),
      guestSpaces,
    };
  });

/**
 * `postgres://user:password@host:port/database` (or `postgresql://`), as node-postgres reads it
 * (https://node-postgres.com/features/connecting#connection-uri). Never echoed: it holds a password.
 */
/**
 * `postgres[ql]://[user[:password]@][host][:port]/database[?parameters]`, the form node-postgres
 * reads; the host may instead be a Unix socket directory given as `?host=`, as Cloud SQL's is
 * (https://cloud.google.com/sql/docs/postgres/connect-run#connect_to).
 */
const POSTGRES_URL = /^postgres(?:ql)?:\/\/(?:[^@/?#]*@)?([^/?#]*)\/([^/?#]+)(\?[^#]*)?$/;

const databaseUrl = z.string().superRefine((value, ctx) => {
  const match = POSTGRES_URL.exec(value);
  const host = match?.[1] ?? "";
  const socketHost = new URLSearchParams(match?.[3] ?? "").get("host");
  if (!match || (host === "" && !socketHost)) {
    ctx.addIssue({
      code: "custom",
      message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
    });
  }
});

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const environmentSchema = z.object({
  STRIPE_API_KEY: stripeApiKey,
  STRIPE_API_BASE: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  ),
  STRIPE_WEBHOOK_SECRET: optionalString.pipe(
    z.string().startsWith("whsec_", { error: "must start with whsec_" }).optional(),
  ),
  PROXY_SECRET: z
    .string({ error: "is required" })
    .min(32, { error: "must be at least 32 characters" }),
  KINTONE_BASE_URL: kintoneBaseUrl,
  KINTONE_API_TOKENS: kintoneApiTokens,
  PORT: optionalString.transform((value, ctx) => {
    if (value === undefined) return 3000;
    const port = Number(value);
    if (!/^\d+$/.test(value) || port > 65535) {
      ctx.addIssue({ code: "custom", message: "must be a port number between 0 and 65535" });
      return z.NEVER;
    }
    return port;
  }),
  DATA_DIR: optionalString.transform((v) => v ?? "./data"),
  DATABASE_URL: optionalString.pipe(databaseUrl.optional()),
  LOG_LEVEL: optionalString.pipe(
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
  SCHEDULED_JOBS: optionalString.pipe(scheduledJobsSchema.optional()),
});

/** Every environment variable the proxy reads (`.env.example` lists exactly these; a test checks). */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape) as readonly string[];

export function loadConfig(env: Environment): LoadConfigResult {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    // A message names the variable and the rule, never the value (it may be a secret).
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join(".") || "environment";
      return `${variable} ${issue.message}`;
    });
    return {
      ok: false,
      problems,
      message: `The proxy cannot start; fix its configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    };
  }
  const e = parsed.data;
  const unknownApps = (e.SCHEDULED_JOBS ?? []).flatMap((job, i) =>
    e.KINTONE_API_TOKENS.tokens[job.appId] === undefined
      ? [`SCHEDULED_JOBS.${i}.appId ${job.appId} has no token in KINTONE_API_TOKENS`]
      : [],
  );
  if (unknownApps.length) {
    return {
      ok: false,
      problems: unknownApps,
      message: `The proxy cannot start; fix its configuration:\n${unknownApps.map((p) => `  - ${p}`).join("\n")}`,
    };
  }
  const stripeKeyType: StripeKeyType = e.STRIPE_API_KEY.startsWith("rk_") ? "restricted" : "secret";
  // The key passed the schema, so it is rk_ or sk_, then test_ or live_.
  const stripeMode: StripeMode = /^[a-z]+_live_/.test(e.STRIPE_API_KEY) ? "live" : "test";
  const warnings =
    stripeKeyType === "secret"
      ? [
          "STRIPE_API_KEY is a secret key (sk_…): it can do anything on the account. Prefer a restricted key (rk_…) with only the permissions the proxy needs.",
        ]
      : [];
  return {
    ok: true,
    warnings,
    config: {
      stripeApiKey: e.STRIPE_API_KEY,
      stripeKeyType,
      stripeMode,
      stripeApiBase: e.STRIPE_API_BASE?.replace(/\/+$/, ""),
      stripeWebhookSecret: e.STRIPE_WEBHOOK_SECRET,
      proxySecret: e.PROXY_SECRET,
      kintoneBaseUrl: e.KINTONE_BASE_URL,
      kintoneApiTokens: e.KINTONE_API_TOKENS.tokens,
      ...(Object.keys(e.KINTONE_API_TOKENS.guestSpaces).length
        ? { kintoneGuestSpaces: e.KINTONE_API_TOKENS.guestSpaces }
        : {}),
      port: e.PORT,
      dataDir: e.DATA_DIR,
      ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
      logLevel: e.LOG_LEVEL,
      scheduledJobs: e.SCHEDULED_JOBS,
    },
  };
}

/** `.env` in the working directory, overridden by the real environment (as dotenv does by default). */
export function readEnvironment(cwd: string = process.cwd()): Environment {
  const envFile = path.join(cwd, ".env");
  const fromFile = fs.existsSync(envFile) ? parseDotenv(fs.readFileSync(envFile)) : {};
  return { ...fromFile, ...process.env };
}

/**
 * The package version for `/healthz`, read once: from the nearest package.json above this file,
 * which is one level up from proxy/ and two from the compiled dist/proxy/.
 */
export function readVersion(): string {
  for (const up of ["..", path.join("..", "..")]) {
    try {
      const file = path.join(__dirname, up, "package.json");
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string };
      return pkg.version ?? "0.0.0";
    } catch {
      // not here: one level further up
    }
  }
  return "0.0.0";
}
