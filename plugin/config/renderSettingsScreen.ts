/**
 * The plugin's settings screen: connection, source and grouping, the line-item mapping, checkout
 * options and write-back fields, built from kintone UI Component (KUC) so it looks like kintone.
 * KUC is imported per component to keep config.js small; desktop.js never imports this file.
 * Every text comes from the messages; data (field labels, codes) only ever goes in as text.
 * Each section builds itself in `sections/`; this file composes them and saves.
 */
import { Button } from "kintone-ui-component/lib/button";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { ProxyTransport } from "../api/ProxyTransport";
import type { Language, Messages } from "../i18n/messages";
import { element } from "../ui/element";
import { checkSettingsForm } from "./checkSettingsForm";
import type { ConnectionTestReport } from "./describeConnectionTest";
import type { FormField } from "./formFields";
import { emptyFormState, formStateFromMapping, type MappingFormState } from "./MappingFormState";
import { readPluginConfig } from "./pluginConfig";
import { loadProcessSettings, type ProcessSettingsView } from "./processSettings";
import { saveSettings } from "./saveSettings";
import { checkoutOptionsSection } from "./sections/checkoutOptionsSection";
import { taxSection } from "./sections/taxSection";
import { subscriptionSection } from "./sections/subscriptionSection";
import { checkoutSection } from "./sections/checkoutSection";
import { embeddedCheckoutSection } from "./sections/embeddedCheckoutSection";
import { connectionSection } from "./sections/connectionSection";
import { errorSummary } from "./sections/errorSummary";
import { lineItemSection } from "./sections/lineItemSection";
import { processActionsSection } from "./sections/processActionsSection";
import { CLASS, createSettingsContext, refreshFieldChoices } from "./sections/SettingsContext";
import { sourceSection } from "./sections/sourceSection";
import { statusLabelsSection } from "./sections/statusLabelsSection";
import { writeBackSection } from "./sections/writeBackSection";

export interface SettingsScreenOptions {
  pluginId: string;
  appId: string;
  language: Language;
  messages: Messages;
  loadFields: () => Promise<FormField[]>;
  /** The app's process management; default: read with kintone's settings API. */
  loadProcess?: () => Promise<ProcessSettingsView>;
  transport: ProxyTransport;
}

export interface SettingsScreen {
  /** Settles once the form fields are loaded and the choices filled in. */
  ready: Promise<void>;
  state: MappingFormState;
  /** Validates and saves; resolves to whether it saved. */
  save: () => Promise<boolean>;
  testConnection: () => Promise<ConnectionTestReport | undefined>;
}

export function renderSettingsScreen(
  container: HTMLElement,
  options: SettingsScreenOptions,
): SettingsScreen {
  const { messages: t, appId } = options;
  const document = container.ownerDocument;
  const stored = readPluginConfig(options.pluginId);
  const previousProxyUrl = stored.proxyUrl;

  const parsedMapping =
    stored.mapping !== undefined ? parseMappingConfig(stored.mapping) : undefined;
  const state: MappingFormState = parsedMapping?.ok
    ? formStateFromMapping(parsedMapping.mapping)
    : emptyFormState();
  const context = createSettingsContext(document, t, state);

  const notice = element(document, "div", { className: `${CLASS}-notice` });
  notice.hidden = true;
  const showNotice = (message: string) => {
    notice.textContent = message;
    notice.hidden = false;
  };
  const summary = errorSummary(context);
  const connection = connectionSection(context, {
    appId,
    language: options.language,
    transport: options.transport,
    previousProxyUrl,
  });
  const processActions = processActionsSection(context);
  const embeddedCheckout = embeddedCheckoutSection(context, stored);

  const saveButton = new Button({ text: t.save, type: "submit" });
  const cancelButton = new Button({ text: t.cancel, type: "normal" });
  cancelButton.addEventListener("click", () => window.history.back());

  const root = element(document, "div", { className: CLASS }, [
    element(document, "h1", { className: `${CLASS}-title`, text: t.configTitle }),
    notice,
    summary.element,
    connection.element,
    sourceSection(context),
    lineItemSection(context),
    checkoutSection(context),
    checkoutOptionsSection(context),
    embeddedCheckout.element,
    taxSection(context),
    subscriptionSection(context),
    writeBackSection(context),
    statusLabelsSection(context),
    processActions.element,
    element(document, "div", { className: `${CLASS}-buttons` }, [saveButton, cancelButton]),
  ]);
  container.replaceChildren(root);

  if (parsedMapping !== undefined && !parsedMapping.ok) showNotice(t.settingsStoredMappingInvalid);

  const checkAll = () => {
    const checked = checkSettingsForm(
      { ...connection.typed(), secretStored: connection.secretStored },
      state,
      context.fields,
      t,
    );
    const embedded = embeddedCheckout.check();
    return { ...checked, embedded, errors: [...checked.errors, ...embedded.errors] };
  };

  /** After a refused save, errors follow the form as it is corrected, so none stays stale. */
  let recheckOnChange = false;
  root.addEventListener("change", () => {
    if (recheckOnChange) summary.show(checkAll().errors, false);
  });

  const save = async (): Promise<boolean> => {
    const { connectionCheck, mappingCheck, embedded, errors } = checkAll();
    summary.show(errors);
    recheckOnChange = errors.length > 0;
    if (!connectionCheck.ok || !mappingCheck.ok || embedded.errors.length > 0) return false;
    saveButton.disabled = true;
    try {
      await saveSettings(
        {
          proxyUrl: connectionCheck.proxyUrl,
          secret: connectionCheck.secret,
          appId,
          mappingJson: JSON.stringify(mappingCheck.mapping),
          embeddedCheckout: embedded.settings,
        },
        previousProxyUrl === undefined ? [] : [previousProxyUrl],
      );
      connection.clearSecret();
      return true;
    } catch {
      summary.show([{ control: "", message: t.errorSaveFailed }]);
      return false;
    } finally {
      saveButton.disabled = false;
    }
  };
  saveButton.addEventListener("click", () => void save());

  const fieldsReady = options.loadFields().then(
    (loaded) => {
      context.fields = loaded;
      refreshFieldChoices(context);
      root.dataset.fieldsLoaded = "true";
    },
    () => showNotice(t.settingsFieldsUnavailable),
  );

  // Without it (no rights, an old kintone) the section stays hidden; stored actions are kept.
  const processReady = (options.loadProcess ?? (() => loadProcessSettings(appId)))().then(
    processActions.show,
    () => undefined,
  );
  const ready = Promise.all([fieldsReady, processReady]).then(() => undefined);

  return { ready, state, save, testConnection: connection.testConnection };
}
