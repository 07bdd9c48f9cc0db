/**
 * The Checkout options section, grouped as a shop thinks of them: payment methods, what to ask
 * the buyer, texts on the page, customer and prices. Each control writes `state.options`; the
 * checks are core's (the same the proxy runs), shown on the control named by the mapping key.
 */
import { Checkbox } from "kintone-ui-component/lib/checkbox";
import { Dropdown } from "kintone-ui-component/lib/dropdown";
import { Text, type TextProps } from "kintone-ui-component/lib/text";
import { TextArea } from "kintone-ui-component/lib/textarea";
import { element } from "../../ui/element";
import {
  CUSTOM_TEXT_KEYS,
  OFFERED_PAYMENT_METHODS,
  type CheckoutOptionsFormState,
} from "../checkoutOptionsFormState";
import { fieldDropdown } from "./fieldDropdown";
import { kucTarget, radioChoice, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

type TextKey = "returnUrl" | "konbiniExpiresAfterDays" | "shippingCountries" | "shippingRates";
type JsonKey = "customFieldsJson" | "customFieldWriteBackJson";

export function checkoutOptionsSection(context: SettingsContext): HTMLElement {
  const { t, document } = context;
  const options = context.state.options;
  const container = section(
    context,
    t.settingsSectionCheckoutOptions,
    t.settingsCheckoutOptionsHelp,
  );
  container.dataset.section = "checkoutOptions";
  const group = (heading: string) =>
    element(document, "h3", { className: `${CLASS}-group-title`, text: heading });

  /** A one-line text bound to `options[key]`; errors of mapping path `control` shown on it. */
  const text = (key: TextKey, control: string, label: string, extra: TextProps = {}) => {
    const input = new Text({ value: options[key], className: `${CLASS}-wide`, ...extra });
    input.addEventListener("change", () => (options[key] = input.value));
    kucTarget(context, control, label, input);
    return input;
  };
  const json = (key: JsonKey, control: string, label: string) => {
    const area = new TextArea({ value: options[key], className: `${CLASS}-wide` });
    area.addEventListener("change", () => (options[key] = area.value));
    kucTarget(context, control, label, area);
    return area;
  };
  const flag = (label: string, get: () => boolean, set: (on: boolean) => void) => {
    const box = new Checkbox({
      items: [{ label, value: "yes" }],
      value: get() ? ["yes"] : [],
      borderVisible: false,
    });
    box.addEventListener("change", () => set(box.value.includes("yes")));
    return box;
  };

  const uiMode = radioChoice(
    [
      { label: t.settingsUiModeHosted, value: "hosted" },
      { label: t.settingsUiModeEmbedded, value: "embedded" },
    ],
    options.uiMode,
    (value) => (options.uiMode = value === "embedded" ? "embedded" : "hosted"),
  );
  const methodLabels: Record<(typeof OFFERED_PAYMENT_METHODS)[number], string> = {
    card: t.settingsMethodCard,
    konbini: t.settingsMethodKonbini,
    paypay: t.settingsMethodPaypay,
    customer_balance: t.settingsMethodBankTransfer,
  };
  // A stored method the screen does not offer stays ticked, so saving keeps it.
  const methodItems = [
    ...OFFERED_PAYMENT_METHODS.map((value) => ({ label: methodLabels[value], value })),
    ...options.paymentMethodTypes
      .filter((m) => !(OFFERED_PAYMENT_METHODS as readonly string[]).includes(m))
      .map((value) => ({ label: value, value })),
  ];
  const methods = new Checkbox({
    items: methodItems,
    value: options.paymentMethodTypes,
    borderVisible: false,
  });
  methods.addEventListener("change", () => (options.paymentMethodTypes = [...methods.value]));
  kucTarget(context, "paymentMethodTypes", t.settingsPaymentMethods, methods);

  const pageTexts = CUSTOM_TEXT_KEYS.map((key) => {
    const labels: Record<(typeof CUSTOM_TEXT_KEYS)[number], string> = {
      submit: t.settingsTextSubmit,
      afterSubmit: t.settingsTextAfterSubmit,
      shippingAddress: t.settingsTextShipping,
      termsOfServiceAcceptance: t.settingsTextTerms,
    };
    const area = new TextArea({ value: options.customText[key], className: `${CLASS}-wide` });
    area.addEventListener("change", () => (options.customText[key] = area.value));
    kucTarget(context, `customText.${key}`, labels[key], area);
    return row(context, `customText.${key}`, labels[key], area);
  });

  const choice = <K extends "submitType" | "customerCreation">(
    key: K,
    items: { label: string; value: CheckoutOptionsFormState[K] }[],
    label: string,
  ) => {
    const dropdown = new Dropdown({ items, value: options[key], className: `${CLASS}-field` });
    dropdown.addEventListener(
      "change",
      () => (options[key] = dropdown.value as CheckoutOptionsFormState[K]),
    );
    kucTarget(context, key, label, dropdown);
    return dropdown;
  };
  const fieldChoice = (key: "customerField" | "priceIdField", scoped: boolean) =>
    fieldDropdown(
      context,
      "text",
      () => options[key],
      (code) => (options[key] = code),
      scoped,
      true,
    );

  container.append(
    group(t.settingsGroupPaymentMethods),
    row(context, "uiMode", t.settingsUiMode, uiMode),
    row(context, "returnUrl", t.settingsReturnUrl,
      text("returnUrl", "returnUrl", t.settingsReturnUrl, {
        placeholder: "https://example.com/return?session_id={CHECKOUT_SESSION_ID}",
      }), t.settingsReturnUrlHelp),
    row(context, "paymentMethodTypes", t.settingsPaymentMethods, methods, t.settingsPaymentMethodsHelp),
    row(context, "konbiniExpiresAfterDays", t.settingsKonbiniDays,
      text("konbiniExpiresAfterDays", "konbiniExpiresAfterDays", t.settingsKonbiniDays, {
        suffix: t.settingsDays, textAlign: "right", className: `${CLASS}-number`, placeholder: "3",
      }), t.settingsKonbiniDaysHelp),
    group(t.settingsGroupAskBuyer),
    row(context, "phoneNumberCollection", t.settingsPhone,
      flag(t.settingsPhoneAsk, () => options.phoneNumberCollection, (on) => (options.phoneNumberCollection = on))),
    row(context, "shippingAddressCollection", t.settingsShippingCountries,
      text("shippingCountries", "shippingAddressCollection", t.settingsShippingCountries, { placeholder: "JP" }),
      t.settingsShippingCountriesHelp),
    row(context, "shippingRates", t.settingsShippingRates,
      text("shippingRates", "shippingRates", t.settingsShippingRates, { placeholder: "shr_…" }),
      t.settingsShippingRatesHelp),
    row(context, "customFields", t.settingsCustomFields,
      json("customFieldsJson", "customFields", t.settingsCustomFields), t.settingsCustomFieldsHelp),
    row(context, "writeBack.customFields", t.settingsCustomFieldWriteBack,
      json("customFieldWriteBackJson", "writeBack.customFields", t.settingsCustomFieldWriteBack),
      t.settingsCustomFieldWriteBackHelp),
    row(context, "consentCollection", t.settingsConsent, [
      flag(t.settingsConsentTerms, () => options.termsOfServiceRequired, (on) => (options.termsOfServiceRequired = on)),
      flag(t.settingsConsentPromotions, () => options.promotionsConsent, (on) => (options.promotionsConsent = on)),
    ]),
    group(t.settingsGroupPageTexts),
    ...pageTexts,
    row(context, "submitType", t.settingsSubmitType,
      choice("submitType", [
        { label: t.settingsSubmitTypeUnset, value: "" },
        { label: t.settingsSubmitPay, value: "pay" },
        { label: t.settingsSubmitBook, value: "book" },
        { label: t.settingsSubmitDonate, value: "donate" },
      ], t.settingsSubmitType), t.settingsPageTextsHelp),
    group(t.settingsGroupCustomer),
    row(context, "customer", t.settingsCustomerField, fieldChoice("customerField", false), t.settingsCustomerFieldHelp),
    row(context, "customerCreation", t.settingsCustomerCreation,
      choice("customerCreation", [
        { label: t.settingsCustomerCreationUnset, value: "" },
        { label: t.settingsCustomerCreationAlways, value: "always" },
      ], t.settingsCustomerCreation)),
    row(context, "lineItem.priceId", t.settingsPriceIdField, fieldChoice("priceIdField", true), t.settingsPriceIdFieldHelp),
  ); // prettier-ignore
  return container;
}
