/** The checkout section: currency, return URLs, expiry, customer e-mail and Checkout's options. */
import { Checkbox } from "kintone-ui-component/lib/checkbox";
import { Dropdown } from "kintone-ui-component/lib/dropdown";
import { Text } from "kintone-ui-component/lib/text";
import { STRIPE_CHECKOUT_LOCALES } from "../../../core/mapping/MappingConfig";
import { STRIPE_CURRENCIES } from "../../../core/money/currencies";
import { localeLabel } from "../localeLabel";
import { billingLifeRows } from "./billingLifeRows";
import { stateFieldDropdown } from "./fieldDropdown";
import { kucTarget, modeDropdown, radioChoice, row, section } from "./layout";
import { refRow } from "./refRow";
import { CLASS, type SettingsContext } from "./SettingsContext";

/** Listed first: the currencies most apps charge in. */
const FIRST_CURRENCIES = ["JPY", "USD", "EUR"];

export function checkoutSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  /** A URL Checkout returns to; the control is named after its key in the form. */
  const urlText = (key: "successUrl" | "cancelUrl", label: string, placeholder: string) => {
    const text = new Text({ value: state[key], className: `${CLASS}-wide` });
    text.addEventListener("change", () => (state[key] = text.value));
    kucTarget(context, key, label, text);
    text.placeholder = placeholder;
    return text;
  };
  const successUrl = urlText(
    "successUrl",
    t.settingsSuccessUrl,
    "https://example.com/thanks?session_id={CHECKOUT_SESSION_ID}",
  );
  const cancelUrl = urlText("cancelUrl", t.settingsCancelUrl, "https://example.com/cart");
  const expiry = new Text({
    value: state.expiresAfterMinutes,
    placeholder: "1440",
    suffix: t.settingsMinutes,
    textAlign: "right",
    className: `${CLASS}-number`,
  });
  expiry.addEventListener("change", () => (state.expiresAfterMinutes = expiry.value));
  kucTarget(context, "expiresAfterMinutes", t.settingsExpiry, expiry);

  const locale = new Dropdown({
    items: [
      { label: t.settingsLocaleUnset, value: "" },
      ...STRIPE_CHECKOUT_LOCALES.map((code) => ({
        label: code === "auto" ? t.settingsLocaleAuto : localeLabel(code, t.settingsLocaleNamesIn),
        value: code,
      })),
    ],
    value: state.locale,
    className: `${CLASS}-field`,
  });
  locale.addEventListener("change", () => (state.locale = locale.value));
  kucTarget(context, "locale", t.settingsLocale, locale);

  const promotionCodes = new Checkbox({
    items: [{ label: t.settingsAllowPromotionCodes, value: "yes" }],
    value: state.allowPromotionCodes ? ["yes"] : [],
    borderVisible: false,
  });
  promotionCodes.addEventListener("change", () => {
    state.allowPromotionCodes = promotionCodes.value.includes("yes");
  });
  const billing = radioChoice(
    [
      { label: t.settingsBillingAuto, value: "auto" },
      { label: t.settingsBillingRequired, value: "required" },
    ],
    state.billingAddressCollection,
    (value) => (state.billingAddressCollection = value === "required" ? "required" : "auto"),
  );
  const replace = radioChoice(
    [
      { label: t.settingsReplaceOpen, value: "replace" },
      { label: t.settingsKeepOpen, value: "keep" },
    ],
    state.replaceOpenSession ? "replace" : "keep",
    (value) => (state.replaceOpenSession = value !== "keep"),
  );

  const checkout = section(context, t.settingsSectionCheckout);
  checkout.append(
    currencyRow(context),
    row(context, "successUrl", t.settingsSuccessUrl, successUrl, t.settingsSuccessUrlHelp, true),
    row(context, "cancelUrl", t.settingsCancelUrl, cancelUrl, t.settingsCancelUrlHelp),
    row(context, "expiresAfterMinutes", t.settingsExpiry, expiry, t.settingsExpiryHelp),
    refRow(context, "customerEmail"),
    row(context, "locale", t.settingsLocale, locale),
    row(context, "allowPromotionCodes", t.settingsPromotionCodes, promotionCodes),
    row(context, "billingAddressCollection", t.settingsBilling, billing),
    row(context, "replaceOpenSession", t.settingsReissue, replace),
    ...billingLifeRows(context),
  );
  return checkout;
}

/** The currency: one code for every link, or a field of the record. */
function currencyRow(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const currencyCode = new Dropdown({
    items: currencyCodes(state.currencyCode).map((code) => ({ label: code, value: code })),
    value: state.currencyCode,
    className: `${CLASS}-field`,
  });
  currencyCode.addEventListener("change", () => (state.currencyCode = currencyCode.value));
  const currencyMode = modeDropdown(
    [
      { label: t.settingsModeConst, value: "const" },
      { label: t.settingsModeField, value: "field" },
    ],
    state.currencyMode,
  );
  const currencyField = stateFieldDropdown(context, "currency", "currencyField", true);
  const showCurrency = () => {
    currencyCode.visible = state.currencyMode === "const";
    currencyField.visible = state.currencyMode === "field";
  };
  currencyMode.addEventListener("change", () => {
    state.currencyMode = currencyMode.value === "field" ? "field" : "const";
    showCurrency();
  });
  showCurrency();
  context.errorTargets.set("currency", {
    label: t.settingsCurrency,
    show: (message) => {
      currencyCode.error = state.currencyMode === "const" ? message : "";
      currencyField.error = state.currencyMode === "field" ? message : "";
    },
  });
  return row(
    context,
    "currency",
    t.settingsCurrency,
    [currencyMode, currencyCode, currencyField],
    t.settingsCurrencyHelp,
    true,
  );
}

/** Stripe's currencies, the common ones first; a stored code Stripe does not list stays last. */
function currencyCodes(current: string): string[] {
  const codes = [
    ...FIRST_CURRENCIES,
    ...[...STRIPE_CURRENCIES.keys()]
      .map((code) => code.toUpperCase())
      .filter((code) => !FIRST_CURRENCIES.includes(code))
      .sort(),
  ];
  if (current !== "" && !codes.includes(current)) codes.push(current);
  return codes;
}
