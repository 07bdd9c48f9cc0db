/**
 * The plugin's settings screen: connection, source and grouping, the line-item mapping, checkout
 * options and write-back fields, built from kintone UI Component (KUC) so it looks like kintone.
 * KUC is imported per component to keep config.js small; desktop.js never imports this file.
 * Every text comes from the messages; data (field labels, codes) only ever goes in as text.
 */
import { Button } from "kintone-ui-component/lib/button";
import { Checkbox } from "kintone-ui-component/lib/checkbox";
import { Dropdown, type DropdownItem } from "kintone-ui-component/lib/dropdown";
import { RadioButton } from "kintone-ui-component/lib/radio-button";
import { Text } from "kintone-ui-component/lib/text";
import { STRIPE_CHECKOUT_LOCALES } from "../../core/mapping/MappingConfig";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { STRIPE_CURRENCIES } from "../../core/money/currencies";
import { ProxyClient } from "../api/ProxyClient";
import type { ProxyTransport } from "../api/ProxyTransport";
import type { Language, Messages } from "../i18n/messages";
import {
  LINE_ITEM_PURPOSES,
  WRITE_BACK_PURPOSES,
  checkMappingForm,
  type FormError,
} from "./checkMappingForm";
import {
  describeConnectionTest,
  type ConnectionTestOutcome,
  type ConnectionTestReport,
} from "./describeConnectionTest";
import { formatMessage } from "./formatMessage";
import { fieldChoices, findField, type FieldPurpose, type FormField } from "./formFields";
import {
  WRITE_BACK_KEYS,
  emptyFormState,
  formStateFromMapping,
  type LineItemRefKey,
  type MappingFormState,
  type RefMode,
  type RefState,
  type WriteBackKey,
} from "./MappingFormState";
import { normalizeProxyUrl } from "./normalizeProxyUrl";
import { readPluginConfig } from "./pluginConfig";
import { saveSettings, storeSecretForTest } from "./saveSettings";
import {
  hasStoredSecret,
  storedAuthorization,
  validateProxySettings,
} from "./validateProxySettings";

export interface SettingsScreenOptions {
  pluginId: string;
  appId: string;
  language: Language;
  messages: Messages;
  loadFields: () => Promise<FormField[]>;
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

/** A control an error can be shown on: KUC components take `error`, our own inputs an element. */
interface ErrorTarget {
  label: string;
  show: (message: string) => void;
}

const CLASS = "ksc-settings";

/** Modes each line-item element offers (constants make no sense for an attachment). */
const REF_MODES: Record<LineItemRefKey | "customerEmail", RefMode[]> = {
  productCode: ["none", "field", "const", "template"],
  name: ["field", "const", "template"],
  description: ["none", "field", "const", "template"],
  unitPrice: ["field", "const"],
  quantity: ["none", "field", "const"],
  minQuantity: ["none", "field", "const"],
  maxQuantity: ["none", "field", "const"],
  customerEmail: ["none", "field", "const", "template"],
};

const FIRST_CURRENCIES = ["JPY", "USD", "EUR"];

/** Any valid URL, to check a typed secret while the URL itself is still wrong. */
const SECRET_CHECK_URL = "https://proxy.invalid/";

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
  const storedMappingBroken = parsedMapping !== undefined && !parsedMapping.ok;
  const state: MappingFormState = parsedMapping?.ok
    ? formStateFromMapping(parsedMapping.mapping)
    : emptyFormState();
  let fields: FormField[] | undefined;

  const errorTargets = new Map<string, ErrorTarget>();
  /** Re-fill every field dropdown (after the fields load or the source changes). */
  const refreshers: Array<() => void> = [];

  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const element = document.createElement(tag);
    if (className !== undefined) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };

  const root = el("div", CLASS);
  const title = el("h1", `${CLASS}-title`, t.configTitle);
  const summary = el("div", `${CLASS}-summary`);
  summary.setAttribute("role", "alert");
  summary.hidden = true;
  const notice = el("div", `${CLASS}-notice`);
  notice.hidden = true;

  const section = (heading: string, help?: string) => {
    const element = el("section", `${CLASS}-section`);
    element.append(el("h2", `${CLASS}-section-title`, heading));
    if (help !== undefined) element.append(el("p", `${CLASS}-help`, help));
    return element;
  };
  /** A labelled row: label on the left, the control (and help) on the right. */
  /** `key` names the row (`data-control`) for tests and for the browser stories. */
  const row = (
    key: string,
    label: string,
    control: HTMLElement | HTMLElement[],
    help?: string,
    required = false,
  ) => {
    const element = el("div", `${CLASS}-row`);
    element.dataset.control = key;
    const labelElement = el("div", `${CLASS}-label`, label);
    if (required) labelElement.append(el("span", `${CLASS}-required`, "*"));
    const body = el("div", `${CLASS}-control`);
    const line = el("div", `${CLASS}-line`);
    line.append(...(Array.isArray(control) ? control : [control]));
    body.append(line);
    if (help !== undefined) body.append(el("p", `${CLASS}-help`, help));
    element.append(labelElement, body);
    return element;
  };
  const kucTarget = (control: string, label: string, component: { error: string }) => {
    errorTargets.set(control, { label, show: (message) => (component.error = message) });
  };

  // ── Connection ────────────────────────────────────────────────────────────────────────────
  const urlInput = new Text({
    value: previousProxyUrl ?? "",
    placeholder: "https://checkout-proxy.example.com/",
    className: `${CLASS}-wide`,
    id: `${CLASS}-proxy-url`,
  });
  kucTarget("proxyUrl", t.proxyUrlLabel, urlInput);

  // KUC's Text has no password mode: a native input styled like it keeps the secret masked.
  const secretWrapper = el("div", `${CLASS}-secret`);
  const secretInput = el("input", `${CLASS}-secret-input`);
  secretInput.type = "password";
  secretInput.id = `${CLASS}-proxy-secret`;
  secretInput.autocomplete = "new-password";
  secretInput.spellcheck = false;
  const secretError = el("div", `${CLASS}-error`);
  secretError.hidden = true;
  secretWrapper.append(secretInput, secretError);
  errorTargets.set("secret", {
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
  const testResult = el("div", `${CLASS}-test-result`);
  testResult.hidden = true;
  testResult.setAttribute("aria-live", "polite");

  const connection = section(t.settingsSectionConnection);
  connection.append(
    row("proxyUrl", t.proxyUrlLabel, urlInput, t.proxyUrlHelp, true),
    row(
      "secret",
      t.proxySecretLabel,
      secretWrapper,
      `${t.proxySecretHelp}${secretStored ? ` ${t.proxySecretKeepHelp}` : ""}`,
      !secretStored,
    ),
    row("testConnection", "", [testButton], t.settingsTestConnectionHelp),
    testResult,
  );

  // ── Field dropdowns ──────────────────────────────────────────────────────────────────────
  const subtableScope = () =>
    state.sourceType === "subtable" && state.subtableField !== "" ? state.subtableField : undefined;

  /** Optional choices (image, write-back) start with "not used", required ones with "choose". */
  const fieldItems = (
    purpose: FieldPurpose,
    current: string,
    scoped: boolean,
    optional: boolean,
  ): DropdownItem[] => {
    const items: DropdownItem[] = [
      { label: optional ? t.settingsNoField : t.settingsChooseField, value: "" },
    ];
    if (fields === undefined) {
      if (current !== "") items.push({ label: current, value: current });
      return items;
    }
    const scope = scoped ? subtableScope() : undefined;
    for (const field of fieldChoices(fields, purpose, scope)) {
      const table =
        field.subtable !== undefined ? findField(fields, field.subtable)?.label : undefined;
      const name = table !== undefined ? `${table} › ${field.label}` : field.label;
      items.push({ label: `${name} (${field.code})`, value: field.code });
    }
    // A stored choice that no longer fits stays visible, so the check can name it.
    if (current !== "" && !items.some((item) => item.value === current)) {
      items.push({
        label: formatMessage(t.settingsFieldNotOffered, { code: current }),
        value: current,
      });
    }
    return items;
  };

  const fieldDropdown = (
    purpose: FieldPurpose,
    get: () => string,
    set: (code: string) => void,
    scoped: boolean,
    optional = false,
  ) => {
    const items = () => fieldItems(purpose, get(), scoped, optional);
    const dropdown = new Dropdown({ items: items(), value: get() });
    dropdown.className = `${CLASS}-field`;
    dropdown.addEventListener("change", () => set(dropdown.value));
    refreshers.push(() => {
      dropdown.items = items();
      dropdown.value = get();
    });
    return dropdown;
  };

  // ── Source and grouping ──────────────────────────────────────────────────────────────────
  const sourceRadio = new RadioButton({
    items: [
      { label: t.settingsSourceRecords, value: "records" },
      { label: t.settingsSourceSubtable, value: "subtable" },
    ],
    value: state.sourceType,
    itemLayout: "vertical",
    borderVisible: false,
  });
  const subtableDropdown = fieldDropdown(
    "subtable",
    () => state.subtableField,
    (code) => {
      state.subtableField = code;
      refreshers.forEach((refresh) => refresh());
    },
    false,
  );
  kucTarget("source.field", t.settingsSubtableLabel, subtableDropdown);
  const subtableRow = row(
    "source.field",
    t.settingsSubtableLabel,
    subtableDropdown,
    t.settingsSubtableHelp,
    true,
  );
  const showSubtable = () => (subtableRow.hidden = state.sourceType !== "subtable");
  sourceRadio.addEventListener("change", () => {
    state.sourceType = sourceRadio.value === "subtable" ? "subtable" : "records";
    showSubtable();
    refreshers.forEach((refresh) => refresh());
  });
  showSubtable();

  const groupingRadio = new RadioButton({
    items: [
      { label: t.settingsGroupingPerRecord, value: "perRecord" },
      { label: t.settingsGroupingSingle, value: "single" },
    ],
    value: state.grouping,
    itemLayout: "vertical",
    borderVisible: false,
  });
  groupingRadio.addEventListener("change", () => {
    state.grouping = groupingRadio.value === "single" ? "single" : "perRecord";
  });

  const source = section(t.settingsSectionSource);
  source.append(
    row("source.type", t.settingsSourceLabel, sourceRadio),
    subtableRow,
    row("grouping", t.settingsGroupingLabel, groupingRadio),
  );

  // ── Line items ───────────────────────────────────────────────────────────────────────────
  const modeLabels: Record<RefMode, string> = {
    none: t.settingsModeNone,
    field: t.settingsModeField,
    const: t.settingsModeConst,
    template: t.settingsModeTemplate,
  };

  /** One mapping row: how the value is given (field / constant / template) and the value. */
  const refRow = (
    control: string,
    label: string,
    help: string,
    modes: RefMode[],
    ref: () => RefState,
    purpose: FieldPurpose,
    required: boolean,
  ) => {
    const offered = modes.includes(ref().mode) ? modes : [...modes, ref().mode];
    const mode = new Dropdown({
      items: offered.map((m) => ({ label: modeLabels[m], value: m })),
      value: ref().mode,
      className: `${CLASS}-mode`,
    });
    const field = fieldDropdown(
      purpose,
      () => ref().field,
      (code) => (ref().field = code),
      true,
    );
    const text = new Text({ value: ref().text, className: `${CLASS}-value` });
    text.addEventListener("change", () => (ref().text = text.value));
    const show = () => {
      field.visible = ref().mode === "field";
      text.visible = ref().mode === "const" || ref().mode === "template";
      text.placeholder = ref().mode === "template" ? t.settingsTemplatePlaceholder : "";
    };
    mode.addEventListener("change", () => {
      ref().mode = mode.value as RefMode;
      field.error = "";
      text.error = "";
      show();
    });
    show();
    errorTargets.set(control, {
      label,
      show: (message) => {
        const target = ref().mode === "field" ? field : ref().mode === "none" ? mode : text;
        field.error = "";
        text.error = "";
        mode.error = "";
        target.error = message;
      },
    });
    return row(control, label, [mode, field, text], help, required);
  };

  const lineItems = section(t.settingsSectionLineItems, t.settingsLineItemsHelp);
  const lineItemLabels: Record<LineItemRefKey, [string, string]> = {
    productCode: [t.settingsProductCode, t.settingsProductCodeHelp],
    name: [t.settingsName, t.settingsNameHelp],
    description: [t.settingsDescription, t.settingsDescriptionHelp],
    unitPrice: [t.settingsUnitPrice, t.settingsUnitPriceHelp],
    quantity: [t.settingsQuantity, t.settingsQuantityHelp],
    minQuantity: [t.settingsMinQuantity, t.settingsMinQuantityHelp],
    maxQuantity: [t.settingsMaxQuantity, t.settingsMaxQuantityHelp],
  };
  const lineItemRow = (key: LineItemRefKey) => {
    const [label, help] = lineItemLabels[key];
    return refRow(
      `lineItem.${key}`,
      label,
      help,
      REF_MODES[key],
      () => state.lineItem[key],
      LINE_ITEM_PURPOSES[key],
      key === "name" || key === "unitPrice",
    );
  };

  // Image: an attachment field, and which of its files.
  const imageField = fieldDropdown(
    "file",
    () => state.imageField,
    (code) => {
      state.imageField = code;
      showImage();
    },
    true,
    true,
  );
  const imageChoice = new Dropdown({
    items: [
      { label: t.settingsImageFirst, value: "first" },
      { label: t.settingsImageNumber, value: "index" },
      { label: t.settingsImageAll, value: "all" },
    ],
    value: state.imageChoice,
    className: `${CLASS}-mode`,
  });
  const imageNumber = new Text({
    value: state.imageNumber,
    className: `${CLASS}-number`,
    textAlign: "right",
  });
  const showImage = () => {
    imageChoice.visible = state.imageField !== "";
    imageNumber.visible = state.imageField !== "" && state.imageChoice === "index";
  };
  imageChoice.addEventListener("change", () => {
    state.imageChoice = imageChoice.value as MappingFormState["imageChoice"];
    showImage();
  });
  imageNumber.addEventListener("change", () => (state.imageNumber = imageNumber.value));
  showImage();
  errorTargets.set("lineItem.image", {
    label: t.settingsImage,
    show: (message) => {
      imageField.error = message;
    },
  });

  const unitPriceIn = new RadioButton({
    items: [
      { label: t.settingsUnitPriceMajor, value: "major" },
      { label: t.settingsUnitPriceMinor, value: "minor" },
    ],
    value: state.unitPriceIn,
    itemLayout: "vertical",
    borderVisible: false,
  });
  unitPriceIn.addEventListener("change", () => {
    state.unitPriceIn = unitPriceIn.value === "minor" ? "minor" : "major";
  });

  lineItems.append(
    lineItemRow("productCode"),
    lineItemRow("name"),
    lineItemRow("description"),
    row(
      "lineItem.image",
      t.settingsImage,
      [imageField, imageChoice, imageNumber],
      t.settingsImageHelp,
    ),
    lineItemRow("unitPrice"),
    row("lineItem.unitPriceIn", t.settingsUnitPriceIn, unitPriceIn),
    lineItemRow("quantity"),
    lineItemRow("minQuantity"),
    lineItemRow("maxQuantity"),
  );

  // ── Checkout ─────────────────────────────────────────────────────────────────────────────
  const currencyMode = new Dropdown({
    items: [
      { label: t.settingsModeConst, value: "const" },
      { label: t.settingsModeField, value: "field" },
    ],
    value: state.currencyMode,
    className: `${CLASS}-mode`,
  });
  const currencyCodes = [
    ...FIRST_CURRENCIES,
    ...[...STRIPE_CURRENCIES.keys()]
      .map((code) => code.toUpperCase())
      .filter((code) => !FIRST_CURRENCIES.includes(code))
      .sort(),
  ];
  if (state.currencyCode !== "" && !currencyCodes.includes(state.currencyCode)) {
    currencyCodes.push(state.currencyCode);
  }
  const currencyCode = new Dropdown({
    items: currencyCodes.map((code) => ({ label: code, value: code })),
    value: state.currencyCode,
    className: `${CLASS}-field`,
  });
  currencyCode.addEventListener("change", () => (state.currencyCode = currencyCode.value));
  const currencyField = fieldDropdown(
    "currency",
    () => state.currencyField,
    (code) => (state.currencyField = code),
    true,
  );
  const showCurrency = () => {
    currencyCode.visible = state.currencyMode === "const";
    currencyField.visible = state.currencyMode === "field";
  };
  currencyMode.addEventListener("change", () => {
    state.currencyMode = currencyMode.value === "field" ? "field" : "const";
    showCurrency();
  });
  showCurrency();
  errorTargets.set("currency", {
    label: t.settingsCurrency,
    show: (message) => {
      currencyCode.error = state.currencyMode === "const" ? message : "";
      currencyField.error = state.currencyMode === "field" ? message : "";
    },
  });

  const textControl = (control: string, label: string, value: string, set: (v: string) => void) => {
    const text = new Text({ value, className: `${CLASS}-wide` });
    text.addEventListener("change", () => set(text.value));
    kucTarget(control, label, text);
    return text;
  };
  const successUrl = textControl(
    "successUrl",
    t.settingsSuccessUrl,
    state.successUrl,
    (v) => (state.successUrl = v),
  );
  successUrl.placeholder = "https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}";
  const cancelUrl = textControl(
    "cancelUrl",
    t.settingsCancelUrl,
    state.cancelUrl,
    (v) => (state.cancelUrl = v),
  );
  cancelUrl.placeholder = "https://example.com/cart";
  const expiry = new Text({
    value: state.expiresAfterMinutes,
    placeholder: "1440",
    suffix: t.settingsMinutes,
    textAlign: "right",
    className: `${CLASS}-number`,
  });
  expiry.addEventListener("change", () => (state.expiresAfterMinutes = expiry.value));
  kucTarget("expiresAfterMinutes", t.settingsExpiry, expiry);

  const locale = new Dropdown({
    items: [
      { label: t.settingsLocaleUnset, value: "" },
      ...STRIPE_CHECKOUT_LOCALES.map((code) => ({
        label: code === "auto" ? t.settingsLocaleAuto : code,
        value: code,
      })),
    ],
    value: state.locale,
    className: `${CLASS}-field`,
  });
  locale.addEventListener("change", () => (state.locale = locale.value));
  kucTarget("locale", t.settingsLocale, locale);

  const promotionCodes = new Checkbox({
    items: [{ label: t.settingsAllowPromotionCodes, value: "yes" }],
    value: state.allowPromotionCodes ? ["yes"] : [],
    borderVisible: false,
  });
  promotionCodes.addEventListener("change", () => {
    state.allowPromotionCodes = promotionCodes.value.includes("yes");
  });
  const billing = new RadioButton({
    items: [
      { label: t.settingsBillingAuto, value: "auto" },
      { label: t.settingsBillingRequired, value: "required" },
    ],
    value: state.billingAddressCollection,
    itemLayout: "vertical",
    borderVisible: false,
  });
  billing.addEventListener("change", () => {
    state.billingAddressCollection = billing.value === "required" ? "required" : "auto";
  });
  const replace = new RadioButton({
    items: [
      { label: t.settingsReplaceOpen, value: "replace" },
      { label: t.settingsKeepOpen, value: "keep" },
    ],
    value: state.replaceOpenSession ? "replace" : "keep",
    itemLayout: "vertical",
    borderVisible: false,
  });
  replace.addEventListener("change", () => {
    state.replaceOpenSession = replace.value !== "keep";
  });

  const checkout = section(t.settingsSectionCheckout);
  checkout.append(
    row(
      "currency",
      t.settingsCurrency,
      [currencyMode, currencyCode, currencyField],
      t.settingsCurrencyHelp,
      true,
    ),
    row("successUrl", t.settingsSuccessUrl, successUrl, t.settingsSuccessUrlHelp, true),
    row("cancelUrl", t.settingsCancelUrl, cancelUrl, t.settingsCancelUrlHelp),
    row("expiresAfterMinutes", t.settingsExpiry, expiry, t.settingsExpiryHelp),
    refRow(
      "customerEmail",
      t.settingsCustomerEmail,
      t.settingsCustomerEmailHelp,
      REF_MODES.customerEmail,
      () => state.customerEmail,
      "email",
      false,
    ),
    row("locale", t.settingsLocale, locale),
    row("allowPromotionCodes", t.settingsPromotionCodes, promotionCodes),
    row("billingAddressCollection", t.settingsBilling, billing),
    row("replaceOpenSession", t.settingsReissue, replace),
  );

  // ── Write-back ───────────────────────────────────────────────────────────────────────────
  const writeBackLabels: Record<WriteBackKey, [string, string]> = {
    url: [t.settingsWriteBackUrl, t.settingsWriteBackUrlHelp],
    sessionId: [t.settingsWriteBackSessionId, t.settingsWriteBackTextHelp],
    status: [t.settingsWriteBackStatus, t.settingsWriteBackStatusHelp],
    paymentStatus: [t.settingsWriteBackPaymentStatus, t.settingsWriteBackPaymentStatusHelp],
    expiresAt: [t.settingsWriteBackExpiresAt, t.settingsWriteBackDateHelp],
    amountTotal: [t.settingsWriteBackAmountTotal, t.settingsWriteBackAmountHelp],
    paidAt: [t.settingsWriteBackPaidAt, t.settingsWriteBackDateHelp],
    customerEmail: [t.settingsWriteBackCustomerEmail, t.settingsWriteBackTextHelp],
    error: [t.settingsWriteBackError, t.settingsWriteBackTextHelp],
  };
  const writeBack = section(t.settingsSectionWriteBack, t.settingsWriteBackHelp);
  for (const key of WRITE_BACK_KEYS) {
    const [label, help] = writeBackLabels[key];
    const dropdown = fieldDropdown(
      WRITE_BACK_PURPOSES[key],
      () => state.writeBack[key],
      (code) => (state.writeBack[key] = code),
      false,
      true,
    );
    kucTarget(`writeBack.${key}`, label, dropdown);
    writeBack.append(row(`writeBack.${key}`, label, dropdown, help));
  }

  // ── Buttons ──────────────────────────────────────────────────────────────────────────────
  const saveButton = new Button({ text: t.save, type: "submit" });
  const cancelButton = new Button({ text: t.cancel, type: "normal" });
  cancelButton.addEventListener("click", () => window.history.back());
  const buttons = el("div", `${CLASS}-buttons`);
  buttons.append(saveButton, cancelButton);

  root.append(title, notice, summary, connection, source, lineItems, checkout, writeBack, buttons);
  container.replaceChildren(root);

  if (storedMappingBroken) showNotice(t.settingsStoredMappingInvalid);

  function showNotice(message: string) {
    notice.textContent = message;
    notice.hidden = false;
  }

  const showErrors = (errors: FormError[], scroll = true) => {
    for (const target of errorTargets.values()) target.show("");
    const list = el("ul");
    for (const error of errors) {
      const target = errorTargets.get(error.control);
      target?.show(error.message);
      const item = el("li");
      item.textContent = target !== undefined ? `${target.label}: ${error.message}` : error.message;
      list.append(item);
    }
    summary.replaceChildren(el("p", `${CLASS}-summary-title`, t.settingsErrorSummary), list);
    summary.hidden = errors.length === 0;
    if (errors.length > 0 && scroll) summary.scrollIntoView?.({ block: "start" });
  };

  const readConnection = () =>
    validateProxySettings({ proxyUrl: urlInput.value, secret: secretInput.value }, t);

  const checkAll = () => {
    const connectionCheck = readConnection();
    const mappingCheck = checkMappingForm(state, fields, t);
    const errors: FormError[] = [];
    if (!connectionCheck.ok) {
      const empty = connectionCheck.field === "proxyUrl" && urlInput.value.trim() === "";
      errors.push({
        control: connectionCheck.field,
        message: empty ? t.settingsErrorEnterUrl : connectionCheck.message,
      });
      // A wrong URL hides what is wrong with the secret: check it on its own too.
      if (connectionCheck.field === "proxyUrl") {
        if (secretInput.value.trim() === "") {
          if (!secretStored)
            errors.push({ control: "secret", message: t.errorProxySecretRequired });
        } else {
          const secretCheck = validateProxySettings(
            { proxyUrl: SECRET_CHECK_URL, secret: secretInput.value },
            t,
          );
          if (!secretCheck.ok) errors.push({ control: "secret", message: secretCheck.message });
        }
      }
    }
    if (!mappingCheck.ok) errors.push(...mappingCheck.errors);
    return { connectionCheck, mappingCheck, errors };
  };

  /** After a refused save, errors follow the form as it is corrected, so none stays stale. */
  let recheckOnChange = false;
  root.addEventListener("change", () => {
    if (recheckOnChange) showErrors(checkAll().errors, false);
  });

  const save = async (): Promise<boolean> => {
    const { connectionCheck, mappingCheck, errors } = checkAll();
    showErrors(errors);
    recheckOnChange = errors.length > 0;
    if (!connectionCheck.ok || !mappingCheck.ok) return false;
    saveButton.disabled = true;
    try {
      await saveSettings(
        {
          proxyUrl: connectionCheck.proxyUrl,
          secret: connectionCheck.secret,
          appId,
          mappingJson: JSON.stringify(mappingCheck.mapping),
        },
        previousProxyUrl === undefined ? [] : [previousProxyUrl],
      );
      secretInput.value = "";
      return true;
    } catch {
      showErrors([{ control: "", message: t.errorSaveFailed }]);
      return false;
    } finally {
      saveButton.disabled = false;
    }
  };

  const showTestResult = (report: ConnectionTestReport) => {
    testResult.className = `${CLASS}-test-result ${CLASS}-test-result--${report.level}`;
    const list = el("ul");
    for (const line of report.lines) list.append(el("li", undefined, line));
    testResult.replaceChildren(el("p", `${CLASS}-test-title`, report.title), list);
    testResult.hidden = false;
  };

  const testConnection = async (): Promise<ConnectionTestReport | undefined> => {
    testResult.hidden = true; // an earlier answer must not pass for this one
    const urlTarget = errorTargets.get("proxyUrl");
    const secretTarget = errorTargets.get("secret");
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
    const report = describeConnectionTest(outcome, appId, t);
    showTestResult(report);
    return report;
  };

  saveButton.addEventListener("click", () => void save());
  testButton.addEventListener("click", () => void testConnection());

  const ready = options.loadFields().then(
    (loaded) => {
      fields = loaded;
      refreshers.forEach((refresh) => refresh());
      root.dataset.fieldsLoaded = "true";
    },
    () => showNotice(t.settingsFieldsUnavailable),
  );

  return {
    ready,
    state,
    save,
    testConnection,
  };
}
