/** The connection section: the proxy's URL, its secret and the connection test. */
import { Button } from "kintone-ui-component/lib/button";
import { Text } from "kintone-ui-component/lib/text";
import { ProxyClient } from "../../api/ProxyClient";
import type { ProxyTransport } from "../../api/ProxyTransport";
import type { Language } from "../../i18n/messages";
import { element } from "../../ui/element";
import {
  describeConnectionTest,
  type ConnectionTestOutcome,
  type ConnectionTestReport,
} from "../describeConnectionTest";
import { normalizeProxyUrl } from "../normalizeProxyUrl";
import { storeSecretForTest } from "../saveSettings";
import {
  hasStoredSecret,
  storedAuthorization,
  validateProxySettings,
} from "../validateProxySettings";
import { kucTarget, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

export interface ConnectionOptions {
  appId: string;
  language: Language;
  transport: ProxyTransport;
  /** The URL saved before, if any; a secret may be stored for it. */
  previousProxyUrl: string | undefined;
}

export interface ConnectionSection {
  element: HTMLElement;
  /** The URL and secret as typed. */
  typed: () => { proxyUrl: string; secret: string };
  /** Whether a secret was stored for the URL saved before (then the secret may stay empty). */
  secretStored: boolean;
  clearSecret: () => void;
  testConnection: () => Promise<ConnectionTestReport | undefined>;
}

export function connectionSection(
  context: SettingsContext,
  options: ConnectionOptions,
): ConnectionSection {
  const { document, t } = context;
  const { previousProxyUrl } = options;
  const urlInput = new Text({
    value: previousProxyUrl ?? "",
    placeholder: "https://checkout-proxy.example.com/",
    className: `${CLASS}-wide`,
    id: `${CLASS}-proxy-url`,
  });
  kucTarget(context, "proxyUrl", t.proxyUrlLabel, urlInput);

  // KUC's Text has no password mode: a native input styled like it keeps the secret masked.
  const secretInput = element(document, "input", { className: `${CLASS}-secret-input` });
  secretInput.type = "password";
  secretInput.id = `${CLASS}-proxy-secret`;
  secretInput.autocomplete = "new-password";
  secretInput.spellcheck = false;
  const secretError = element(document, "div", { className: `${CLASS}-error` });
  secretError.hidden = true;
  const secretWrapper = element(document, "div", { className: `${CLASS}-secret` }, [
    secretInput,
    secretError,
  ]);
  context.errorTargets.set("secret", {
    label: t.proxySecretLabel,
    show: (message) => {
      secretError.textContent = message;
      secretError.hidden = message === "";
      secretInput.setAttribute("aria-invalid", String(message !== ""));
    },
  });
  const secretStored = previousProxyUrl !== undefined && hasStoredSecret(previousProxyUrl);
  /** "Stored" only while the URL typed is one a secret is stored for. */
  const showSecretStored = () => {
    const url = normalizeProxyUrl(urlInput.value);
    secretInput.placeholder =
      url.ok && hasStoredSecret(url.url) ? t.settingsSecretStoredPlaceholder : "";
  };
  showSecretStored();
  urlInput.addEventListener("change", showSecretStored);

  const testButton = new Button({ text: t.settingsTestConnection, type: "normal" });
  const testResult = element(document, "div", { className: `${CLASS}-test-result` });
  testResult.hidden = true;
  testResult.setAttribute("aria-live", "polite");

  const sectionElement = section(context, t.settingsSectionConnection);
  sectionElement.append(
    row(context, "proxyUrl", t.proxyUrlLabel, urlInput, t.proxyUrlHelp, true),
    row(
      context,
      "secret",
      t.proxySecretLabel,
      secretWrapper,
      `${t.proxySecretHelp}${secretStored ? ` ${t.proxySecretKeepHelp}` : ""}`,
      !secretStored,
    ),
    row(context, "testConnection", "", [testButton], t.settingsTestConnectionHelp),
    testResult,
  );

  const showTestResult = (report: ConnectionTestReport) => {
    testResult.className = `${CLASS}-test-result ${CLASS}-test-result--${report.level}`;
    const list = element(
      document,
      "ul",
      {},
      report.lines.map((line) => element(document, "li", { text: line })),
    );
    testResult.replaceChildren(
      element(document, "p", { className: `${CLASS}-test-title`, text: report.title }),
      list,
    );
    testResult.hidden = false;
  };

  const runTest = async (url: string): Promise<ConnectionTestReport> => {
    testButton.disabled = true;
    testButton.text = t.settingsTesting;
    let outcome: ConnectionTestOutcome;
    try {
      const client = new ProxyClient(options.transport, url, options.language);
      outcome = { ok: true, answer: await client.diagnostics() };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      testButton.disabled = false;
      testButton.text = t.settingsTestConnection;
    }
    const report = describeConnectionTest(outcome, options.appId, t);
    showTestResult(report);
    return report;
  };

  const testConnection = async (): Promise<ConnectionTestReport | undefined> => {
    testResult.hidden = true; // an earlier answer must not pass for this one
    const urlTarget = context.errorTargets.get("proxyUrl");
    const secretTarget = context.errorTargets.get("secret");
    urlTarget?.show("");
    secretTarget?.show("");
    const url = normalizeProxyUrl(urlInput.value);
    if (!url.ok) {
      urlTarget?.show(url.reason === "invalid" ? t.errorProxyUrlInvalid : t.errorProxyUrlScheme);
      return undefined;
    }
    if (secretInput.value.trim() !== "") {
      const checked = validateProxySettings({ proxyUrl: url.url, secret: secretInput.value }, t);
      if (!checked.ok || checked.secret === null) {
        if (!checked.ok) secretTarget?.show(checked.message);
        return undefined;
      }
      // kintone adds the secret on its server, so it is stored for the call, then put back.
      const restore = await storeSecretForTest(url.url, checked.secret);
      try {
        return await runTest(url.url);
      } finally {
        await restore();
      }
    } else if (storedAuthorization(url.url, "GET") === undefined) {
      secretTarget?.show(t.settingsErrorSecretForTest);
      return undefined;
    }
    return runTest(url.url);
  };

  testButton.addEventListener("click", () => void testConnection());

  return {
    element: sectionElement,
    typed: () => ({ proxyUrl: urlInput.value, secret: secretInput.value }),
    secretStored,
    clearSecret: () => (secretInput.value = ""),
    testConnection,
  };
}
