/**
 * "Test connection" in plain words: what the proxy's `GET /v1/diagnostics` answered, or why no
 * answer came. Problems the proxy lists are shown as it wrote them; they never hold secrets.
 */
import type { DiagnosticsAnswer } from "../../core/api/proxyApi";
import { ProxyError } from "../api/ProxyError";
import { formatMessage } from "./formatMessage";
import type { Messages } from "../i18n/messages";

export type ConnectionTestOutcome =
  { ok: true; answer: DiagnosticsAnswer } | { ok: false; error: unknown };

export interface ConnectionTestReport {
  /** success: all good; warning: works, but should be changed; danger: does not work. */
  level: "success" | "warning" | "danger";
  title: string;
  lines: string[];
}

export function describeConnectionTest(
  outcome: ConnectionTestOutcome,
  appId: string,
  messages: Messages,
): ConnectionTestReport {
  if (!outcome.ok) return describeFailure(outcome.error, messages);
  const { stripe, kintone } = outcome.answer;
  const lines: string[] = [];
  let level: ConnectionTestReport["level"] = "success";
  const lower = (to: "warning" | "danger") => {
    if (level === "danger" || (level === "warning" && to === "warning")) return;
    level = to;
  };

  lines.push(
    stripe.mode === "live" ? messages.settingsTestModeLive : messages.settingsTestModeTest,
  );
  if (stripe.keyType === "secret") {
    lines.push(messages.settingsTestKeySecret);
    lower("warning");
  } else {
    lines.push(messages.settingsTestKeyRestricted);
  }
  if (stripe.problems.length > 0) {
    lines.push(messages.settingsTestStripeProblems, ...stripe.problems.map((p) => `• ${p}`));
    lower("danger");
  }

  const thisApp = kintone.apps.find((app) => app.appId === appId);
  if (thisApp === undefined) {
    lines.push(formatMessage(messages.settingsTestAppMissing, { appId }));
    lower("danger");
  }
  for (const app of kintone.apps) {
    if (app.ok) {
      lines.push(formatMessage(messages.settingsTestAppOk, { appId: app.appId }));
      continue;
    }
    lines.push(
      formatMessage(messages.settingsTestAppProblems, { appId: app.appId }),
      ...app.problems.map((p) => `• ${p}`),
    );
    lower(app.appId === appId ? "danger" : "warning");
  }

  const title =
    level === "success"
      ? messages.settingsTestTitleOk
      : level === "warning"
        ? messages.settingsTestTitleWarning
        : messages.settingsTestTitleProblems;
  return { level, title, lines };
}

/** Every failure is a danger: no call went through. */
function danger(title: string, ...lines: string[]): ConnectionTestReport {
  return { level: "danger", title, lines };
}

function describeFailure(error: unknown, messages: Messages): ConnectionTestReport {
  if (!(error instanceof ProxyError)) {
    return danger(messages.settingsTestUnreachable, messages.settingsTestUnreachableHelp);
  }
  if (error.code === "UNREACHABLE") {
    // kintone's own words on the failure (name resolution, refused, certificate…) help the IT team.
    return danger(
      messages.settingsTestUnreachable,
      messages.settingsTestUnreachableHelp,
      error.message,
    );
  }
  if (error.code === "UNAUTHORIZED" || error.status === 401) {
    return danger(messages.settingsTestWrongSecret, messages.settingsTestWrongSecretHelp);
  }
  if (error.code === "BAD_ANSWER") {
    return danger(
      formatMessage(messages.settingsTestNotProxy, { status: error.status }),
      messages.settingsTestNotProxyHelp,
    );
  }
  return danger(
    formatMessage(messages.settingsTestFailed, { status: error.status }),
    `${error.code}: ${error.message}`,
  );
}
