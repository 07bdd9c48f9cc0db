import type { DiagnosticsAnswer } from "../../../core/api/proxyApi";
import { ProxyError } from "../../api/ProxyError";
import { messages } from "../../i18n/messages";
import { describeConnectionTest } from "../describeConnectionTest";

const t = messages.en;

function answer(overrides: {
  stripe?: Partial<DiagnosticsAnswer["stripe"]>;
  apps?: DiagnosticsAnswer["kintone"]["apps"];
}): DiagnosticsAnswer {
  const apps = overrides.apps ?? [{ appId: "12", ok: true, problems: [] }];
  return {
    stripe: { ok: true, mode: "test", keyType: "restricted", problems: [], ...overrides.stripe },
    kintone: { ok: apps.every((a) => a.ok), apps },
  };
}

const describe12 = (outcome: Parameters<typeof describeConnectionTest>[0]) =>
  describeConnectionTest(outcome, "12", t);

describe("describeConnectionTest", () => {
  it("says clearly that all is well, with the mode and key type", () => {
    const report = describe12({ ok: true, answer: answer({}) });
    expect(report).toEqual({
      level: "success",
      title: t.settingsTestTitleOk,
      lines: [
        t.settingsTestModeTest,
        t.settingsTestKeyRestricted,
        "App 12: the API token reads the form and may view and edit the records.",
      ],
    });
  });

  it("warns about a secret key and shows live mode", () => {
    const report = describe12({
      ok: true,
      answer: answer({ stripe: { mode: "live", keyType: "secret" } }),
    });
    expect(report.level).toBe("warning");
    expect(report.lines).toEqual(
      expect.arrayContaining([t.settingsTestModeLive, t.settingsTestKeySecret]),
    );
  });

  it("lists the Stripe key's missing permissions", () => {
    const problem = "The key cannot write Checkout Sessions.";
    const report = describe12({
      ok: true,
      answer: answer({ stripe: { ok: false, problems: [problem] } }),
    });
    expect(report.level).toBe("danger");
    expect(report.lines).toEqual(
      expect.arrayContaining([t.settingsTestStripeProblems, `• ${problem}`]),
    );
  });

  it("says when the proxy has no token for this app, and lists each app's token problems", () => {
    const report = describe12({
      ok: true,
      answer: answer({
        apps: [{ appId: "7", ok: false, problems: ["App 7: records cannot be read."] }],
      }),
    });
    expect(report.level).toBe("danger");
    expect(report.lines).toEqual(
      expect.arrayContaining([
        "The proxy has no API token for this app (12): add 12:TOKEN to KINTONE_API_TOKENS.",
        "App 7: the API token has problems:",
        "• App 7: records cannot be read.",
      ]),
    );
  });

  it("only warns when another app's token has problems", () => {
    const report = describe12({
      ok: true,
      answer: answer({
        apps: [
          { appId: "12", ok: true, problems: [] },
          { appId: "7", ok: false, problems: ["x"] },
        ],
      }),
    });
    expect(report.level).toBe("warning");
  });

  it.each([
    [new ProxyError("UNREACHABLE", "connect ECONNREFUSED", 0), t.settingsTestUnreachable],
    ["kintone rejected the call", t.settingsTestUnreachable],
    [new ProxyError("UNAUTHORIZED", "Unauthorized", 401), t.settingsTestWrongSecret],
    [
      new ProxyError("BAD_ANSWER", "HTTP 404: not a JSON answer", 404),
      "Something answered at this URL, but not this proxy (HTTP 404).",
    ],
    [
      new ProxyError("KINTONE_ERROR", "kintone refused", 502),
      "The proxy answered with an error (HTTP 502).",
    ],
  ])("explains the failure %p", (error, title) => {
    const report = describe12({ ok: false, error });
    expect(report.level).toBe("danger");
    expect(report.title).toBe(title);
    expect(report.lines.length).toBeGreaterThan(0);
  });
});
