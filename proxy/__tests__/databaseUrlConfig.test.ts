import { loadConfig } from "../config";

const valid = {
  STRIPE_API_KEY: "rk_test_abc123",
  PROXY_SECRET: "x".repeat(32),
  KINTONE_BASE_URL: "https://example.cybozu.com",
  KINTONE_API_TOKENS: "12:tokenA",
};

describe("loadConfig › DATABASE_URL", () => {
  it("keeps the journal in SQLite in DATA_DIR when it is absent or empty", () => {
    for (const env of [valid, { ...valid, DATABASE_URL: "" }]) {
      const result = loadConfig(env);
      expect(result.ok && result.config.databaseUrl).toBe(undefined);
    }
  });

  it("takes a postgres:// or postgresql:// URL naming a host and a database", () => {
    for (const url of [
      "postgres://proxy:s3cret@db.internal:5432/checkout",
      "postgresql://proxy@10.0.0.5/checkout?sslmode=require",
      // Cloud SQL's Unix socket (https://cloud.google.com/sql/docs/postgres/connect-run).
      "postgres://proxy:s3cret@/checkout?host=/cloudsql/project:asia-northeast1:journal",
    ]) {
      const result = loadConfig({ ...valid, DATABASE_URL: url });
      expect(result.ok && result.config.databaseUrl).toBe(url);
    }
  });

  it("refuses a malformed one among the other problems, without echoing its password", () => {
    for (const url of [
      "mysql://proxy:hunter2pass@db/checkout",
      "postgres://proxy:hunter2pass@db.internal:5432",
      "postgres://proxy:hunter2pass@/checkout",
      "hunter2pass",
    ]) {
      const result = loadConfig({ ...valid, PORT: "eighty", DATABASE_URL: url });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems.map((p) => p.split(" ")[0]).sort()).toEqual(["DATABASE_URL", "PORT"]);
      expect(result.message).not.toContain("hunter2pass");
    }
  });
});
