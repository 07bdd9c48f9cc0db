import { loadConfig } from "../config";

const env = (tokens: string) => ({
  STRIPE_API_KEY: "rk_test_abc123",
  PROXY_SECRET: "x".repeat(32),
  KINTONE_BASE_URL: "https://example.cybozu.com",
  KINTONE_API_TOKENS: tokens,
});

function problemsOf(tokens: string): string[] {
  const result = loadConfig(env(tokens));
  if (result.ok) throw new Error("expected the config to be refused");
  return result.problems;
}

describe("KINTONE_API_TOKENS › guest spaces", () => {
  it("reads APP_ID@GUEST_SPACE_ID:TOKEN as the app's token and its guest space", () => {
    const result = loadConfig(env("12@5:aaa, 13:bbb, 12@5:ccc"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.kintoneApiTokens).toEqual({ "12": "aaa,ccc", "13": "bbb" });
    expect(result.config.kintoneGuestSpaces).toEqual({ "12": "5" });
  });

  it("has no guest spaces when no entry names one", () => {
    const result = loadConfig(env("12:aaa"));
    expect(result.ok && result.config).not.toHaveProperty("kintoneGuestSpaces");
  });

  it.each([
    ["12@:secrettoken", "entry 1 (app 12)"],
    ["12@space:secrettoken", "entry 1 (app 12)"],
    ["13:ok,12@5@6:secrettoken", "entry 2 (app 12)"],
    ["@5:secrettoken", "entry 1"],
  ])("refuses the malformed entry %s, naming it and never the token", (tokens, named) => {
    const problems = problemsOf(tokens);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^KINTONE_API_TOKENS entry/);
    expect(problems[0]).toContain(named);
    expect(problems[0]).toContain("APP_ID@GUEST_SPACE_ID:TOKEN");
    expect(problems[0]).not.toContain("secrettoken");
  });

  it("refuses one app written with two different guest spaces, or with and without one", () => {
    for (const tokens of ["12@5:aaa,12@6:secrettoken", "12@5:aaa,12:secrettoken"]) {
      const problems = problemsOf(tokens);
      expect(problems).toEqual([
        expect.stringContaining("entry 2 (app 12) names another guest space"),
      ]);
      expect(problems[0]).not.toContain("secrettoken");
    }
  });
});
