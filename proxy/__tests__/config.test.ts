import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, readEnvironment } from "../config";

const valid = {
  STRIPE_API_KEY: "rk_test_abc123",
  PROXY_SECRET: "x".repeat(32),
  KINTONE_BASE_URL: "https://example.cybozu.com",
  KINTONE_API_TOKENS: "12:tokenA",
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error("expected the config to be refused");
  return result.problems;
}

describe("loadConfig", () => {
  it("accepts a minimal valid environment with defaults for PORT and DATA_DIR", () => {
    const result = loadConfig(valid);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      config: {
        stripeApiKey: "rk_test_abc123",
        stripeKeyType: "restricted",
        stripeMode: "test",
        stripeApiBase: undefined,
        stripeWebhookSecret: undefined,
        proxySecret: "x".repeat(32),
        kintoneBaseUrl: "https://example.cybozu.com",
        kintoneApiTokens: { "12": "tokenA" },
        port: 3000,
        dataDir: "./data",
        logLevel: "info",
      },
    });
  });

  it("lists every problem at once in one message", () => {
    const result = loadConfig({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const variable of [
      "STRIPE_API_KEY",
      "PROXY_SECRET",
      "KINTONE_BASE_URL",
      "KINTONE_API_TOKENS",
    ]) {
      expect(result.problems.some((p) => p.startsWith(variable))).toBe(true);
      expect(result.message).toContain(variable);
    }
  });

  it("refuses a publishable key", () => {
    expect(problemsOf({ ...valid, STRIPE_API_KEY: "pk_test_123" })).toEqual([
      expect.stringMatching(/^STRIPE_API_KEY is a publishable key/),
    ]);
  });

  it("refuses something that is not a Stripe key", () => {
    expect(problemsOf({ ...valid, STRIPE_API_KEY: "hello" })[0]).toMatch(/^STRIPE_API_KEY/);
  });

  it("accepts a secret key with a warning", () => {
    const result = loadConfig({ ...valid, STRIPE_API_KEY: "sk_live_abc" });
    expect(result.ok && result.config.stripeKeyType).toBe("secret");
    expect(result.ok && result.warnings).toEqual([expect.stringContaining("restricted key")]);
  });

  it.each([
    ["rk_live_abc", "live", "restricted"],
    ["rk_test_abc", "test", "restricted"],
    ["sk_live_abc", "live", "secret"],
    ["sk_test_abc", "test", "secret"],
  ])("reads the mode and kind of %s from its prefix", (key, mode, keyType) => {
    const result = loadConfig({ ...valid, STRIPE_API_KEY: key });
    expect(
      result.ok && { mode: result.config.stripeMode, keyType: result.config.stripeKeyType },
    ).toEqual({
      mode,
      keyType,
    });
  });

  it.each(["pk_live_abc", "whatever"])("refuses %s, which the SDK cannot use", (key) => {
    expect(problemsOf({ ...valid, STRIPE_API_KEY: key })).toEqual([
      expect.stringMatching(/^STRIPE_API_KEY /),
    ]);
  });

  it("refuses a proxy secret shorter than 32 characters", () => {
    expect(problemsOf({ ...valid, PROXY_SECRET: "x".repeat(31) })).toEqual([
      "PROXY_SECRET must be at least 32 characters",
    ]);
  });

  it.each([
    ["http://example.cybozu.com", false],
    ["ftp://example.cybozu.com", false],
    ["not a url", false],
    ["http://127.0.0.1:3000", false],
    ["http://localhost:3000", true],
    ["https://example.cybozu.com/", true],
  ])("KINTONE_BASE_URL %s accepted: %s", (url, accepted) => {
    const result = loadConfig({ ...valid, KINTONE_BASE_URL: url });
    expect(result.ok).toBe(accepted);
    if (result.ok) expect(result.config.kintoneBaseUrl).not.toMatch(/\/$/);
  });

  it("parses several apps and joins several tokens of one app", () => {
    const result = loadConfig({ ...valid, KINTONE_API_TOKENS: "12:aaa, 13:bbb,12:ccc" });
    expect(result.ok && result.config.kintoneApiTokens).toEqual({ "12": "aaa,ccc", "13": "bbb" });
  });

  it("refuses a malformed token list without echoing the token", () => {
    const problems = problemsOf({ ...valid, KINTONE_API_TOKENS: "12:aaa,app:secretvalue" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^KINTONE_API_TOKENS/);
    expect(problems[0]).not.toContain("secretvalue");
  });

  it("reads PORT, DATA_DIR, STRIPE_API_BASE and STRIPE_WEBHOOK_SECRET", () => {
    const result = loadConfig({
      ...valid,
      PORT: "8080",
      DATA_DIR: "/var/lib/proxy",
      STRIPE_API_BASE: "http://localhost:12111/",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
    });
    expect(result.ok && result.config).toMatchObject({
      port: 8080,
      dataDir: "/var/lib/proxy",
      stripeApiBase: "http://localhost:12111",
      stripeWebhookSecret: "whsec_abc",
    });
  });

  it("refuses a bad PORT, STRIPE_API_BASE, webhook secret and LOG_LEVEL", () => {
    const problems = problemsOf({
      ...valid,
      LOG_LEVEL: "loud",
      PORT: "eighty",
      STRIPE_API_BASE: "localhost",
      STRIPE_WEBHOOK_SECRET: "abc",
    });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual([
      "LOG_LEVEL",
      "PORT",
      "STRIPE_API_BASE",
      "STRIPE_WEBHOOK_SECRET",
    ]);
  });

  it("never puts a secret value in a problem message", () => {
    const result = loadConfig({
      ...valid,
      STRIPE_API_KEY: "pk_live_topsecret",
      PROXY_SECRET: "short-secret",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toContain("topsecret");
      expect(result.message).not.toContain("short-secret");
    }
  });
});

describe("readEnvironment", () => {
  it("merges .env with process.env, process.env winning", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "proxy-env-"));
    fs.writeFileSync(
      path.join(dir, ".env"),
      "CONFIG_TEST_ONLY_IN_FILE=file\nCONFIG_TEST_BOTH=file\n",
    );
    process.env.CONFIG_TEST_BOTH = "process";
    try {
      const env = readEnvironment(dir);
      expect(env.CONFIG_TEST_ONLY_IN_FILE).toBe("file");
      expect(env.CONFIG_TEST_BOTH).toBe("process");
    } finally {
      delete process.env.CONFIG_TEST_BOTH;
      fs.rmSync(dir, { recursive: true });
    }
  });
});
