import { loadConfig } from "../../config";
import { jobMapping } from "./jobTestKit";

const valid = {
  STRIPE_API_KEY: "rk_test_abc123",
  PROXY_SECRET: "x".repeat(32),
  KINTONE_BASE_URL: "https://example.cybozu.com",
  KINTONE_API_TOKENS: "12:tokenA",
};

function problemsOf(scheduledJobs: string, env: Record<string, string> = {}): string[] {
  const result = loadConfig({ ...valid, ...env, SCHEDULED_JOBS: scheduledJobs });
  if (result.ok) throw new Error("expected the config to be refused");
  return result.problems;
}

describe("SCHEDULED_JOBS", () => {
  it("reads jobs with a mapping object or string, naming each after its cron by default", () => {
    const mapping = JSON.parse(jobMapping()) as object;
    const result = loadConfig({
      ...valid,
      SCHEDULED_JOBS: JSON.stringify([
        {
          name: "nightly",
          cron: "0 2 * * *",
          timezone: "Asia/Tokyo",
          appId: 12,
          query: "",
          mapping,
        },
        { cron: "*/30 * * * * *", appId: "12", query: 'status = "new"', mapping: jobMapping() },
      ]),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.config.scheduledJobs).toEqual([
      {
        name: "nightly",
        cron: "0 2 * * *",
        timezone: "Asia/Tokyo",
        appId: "12",
        query: "",
        mapping: JSON.stringify(mapping),
      },
      {
        name: "*/30 * * * * *",
        cron: "*/30 * * * * *",
        appId: "12",
        query: 'status = "new"',
        mapping: jobMapping(),
      },
    ]);
  });

  it("is optional", () => {
    const result = loadConfig(valid);
    expect(result.ok && result.config.scheduledJobs).toBeUndefined();
  });

  it("refuses what is not a JSON array", () => {
    expect(problemsOf("{not json")).toEqual([
      "SCHEDULED_JOBS must be a JSON array of scheduled jobs",
    ]);
    expect(problemsOf('{"cron":"* * * * *"}')).toEqual([
      "SCHEDULED_JOBS must be a JSON array of scheduled jobs",
    ]);
  });

  it("lists every problem of every job at once, with the other variables' problems", () => {
    const problems = problemsOf(
      JSON.stringify([
        { cron: "every day", appId: "12", query: "", mapping: jobMapping() },
        { cron: "0 * * * *", appId: "12", mapping: jobMapping({ grouping: "single" }) },
        { cron: "0 * * * *", appId: "x", query: "", mapping: "{}", extra: true },
        {
          cron: "0 * * * *",
          timezone: "Mars/Olympus",
          appId: "12",
          query: "",
          mapping: jobMapping(),
        },
      ]),
      { PROXY_SECRET: "short" },
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "PROXY_SECRET must be at least 32 characters",
        expect.stringMatching(/^SCHEDULED_JOBS\.0\.cron is not a valid cron expression/),
        expect.stringMatching(/^SCHEDULED_JOBS\.1\.query is required/),
        'SCHEDULED_JOBS.1.mapping.grouping must be "perRecord" (a job makes one session per record)',
        "SCHEDULED_JOBS.2.appId must be a numeric app id",
        expect.stringMatching(/^SCHEDULED_JOBS\.2 .*extra/),
        expect.stringMatching(/^SCHEDULED_JOBS\.2\.mapping/),
        "SCHEDULED_JOBS.3.timezone is not an IANA time zone such as Asia/Tokyo",
      ]),
    );
  });

  it("refuses a job for an app the proxy has no token for", () => {
    expect(
      problemsOf(
        JSON.stringify([{ cron: "0 * * * *", appId: "13", query: "", mapping: jobMapping() }]),
      ),
    ).toEqual(["SCHEDULED_JOBS.0.appId 13 has no token in KINTONE_API_TOKENS"]);
  });
});
