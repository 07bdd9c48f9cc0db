/**
 * The settings form's part for the Checkout options: plain strings and flags per control.
 * Lists (countries, shipping rates) are typed comma-separated; the custom fields and where their
 * values are written are JSON texts, passed on as typed when they do not parse, so core's schema
 * names the key. Every key is absent from the mapping unless the form sets it, so a mapping saved
 * before these options existed stays as it was.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";

/** The payment methods the screen offers; others stay as the stored mapping has them. */
export const OFFERED_PAYMENT_METHODS = ["card", "konbini", "paypay", "customer_balance"] as const;

export interface CheckoutOptionsFormState {
  uiMode: "hosted" | "embedded";
  returnUrl: string;
  /** None ticked: the account's Dashboard settings choose. */
  paymentMethodTypes: string[];
  konbiniExpiresAfterDays: string;
  phoneNumberCollection: boolean;
  shippingCountries: string;
  shippingRates: string;
  customFieldsJson: string;
  customFieldWriteBackJson: string;
  customText: { submit: string; afterSubmit: string; shippingAddress: string; termsOfServiceAcceptance: string };
  termsOfServiceRequired: boolean;
  promotionsConsent: boolean;
  submitType: "" | "auto" | "pay" | "book" | "donate";
  customerCreation: "" | "always" | "if_required";
  /** The field holding an existing customer (cus_…); "" for none. */
  customerField: string;
  /** The field holding an existing Price (price_…) of the line; "" for none. */
  priceIdField: string;
} // prettier-ignore

export const CUSTOM_TEXT_KEYS = [
  "submit",
  "afterSubmit",
  "shippingAddress",
  "termsOfServiceAcceptance",
] as const;

export function emptyCheckoutOptionsFormState(): CheckoutOptionsFormState {
  return {
    uiMode: "hosted",
    returnUrl: "",
    paymentMethodTypes: [],
    konbiniExpiresAfterDays: "",
    phoneNumberCollection: false,
    shippingCountries: "",
    shippingRates: "",
    customFieldsJson: "",
    customFieldWriteBackJson: "",
    customText: { submit: "", afterSubmit: "", shippingAddress: "", termsOfServiceAcceptance: "" },
    termsOfServiceRequired: false,
    promotionsConsent: false,
    submitType: "",
    customerCreation: "",
    customerField: "",
    priceIdField: "",
  };
}

const json = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));
const fieldOf = (ref: MappingConfig["customer"]) => (ref && "field" in ref ? ref.field : "");

export function checkoutOptionsFormStateFromMapping(
  mapping: MappingConfig,
): CheckoutOptionsFormState {
  const state = emptyCheckoutOptionsFormState();
  state.uiMode = mapping.uiMode ?? "hosted";
  state.returnUrl = mapping.returnUrl ?? "";
  state.paymentMethodTypes = [...(mapping.paymentMethodTypes ?? [])];
  state.konbiniExpiresAfterDays = mapping.konbiniExpiresAfterDays?.toString() ?? "";
  state.phoneNumberCollection = mapping.phoneNumberCollection ?? false;
  state.shippingCountries = mapping.shippingAddressCollection?.allowedCountries.join(", ") ?? "";
  state.shippingRates = mapping.shippingRates?.join(", ") ?? "";
  state.customFieldsJson = json(mapping.customFields);
  state.customFieldWriteBackJson = json(mapping.writeBack.customFields);
  for (const key of CUSTOM_TEXT_KEYS) state.customText[key] = mapping.customText?.[key] ?? "";
  state.termsOfServiceRequired = mapping.consentCollection?.termsOfService === "required";
  state.promotionsConsent = mapping.consentCollection?.promotions === "auto";
  state.submitType = mapping.submitType ?? "";
  state.customerCreation = mapping.customerCreation ?? "";
  state.customerField = fieldOf(mapping.customer);
  state.priceIdField = fieldOf(mapping.lineItem.priceId);
  return state;
}

/** A comma- or space-separated list; empty → undefined. */
function list(text: string): string[] | undefined {
  const items = text.split(/[\s,]+/).filter((item) => item !== "");
  return items.length > 0 ? items : undefined;
}

/** Parsed JSON, or the text itself for the schema to refuse; empty → undefined. */
function jsonValue(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The mapping's top-level option keys the form describes (not validated yet). */
export function checkoutOptionsPart(state: CheckoutOptionsFormState): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== "") part[key] = value;
  };
  if (state.uiMode === "embedded") part.uiMode = "embedded";
  set("returnUrl", state.returnUrl.trim());
  if (state.paymentMethodTypes.length > 0) part.paymentMethodTypes = state.paymentMethodTypes;
  const days = state.konbiniExpiresAfterDays.trim();
  if (days !== "") part.konbiniExpiresAfterDays = /^\d+$/.test(days) ? Number(days) : NaN;
  if (state.phoneNumberCollection) part.phoneNumberCollection = true;
  const countries = list(state.shippingCountries);
  if (countries) part.shippingAddressCollection = { allowedCountries: countries };
  set("shippingRates", list(state.shippingRates));
  set("customFields", jsonValue(state.customFieldsJson));
  const texts = Object.fromEntries(
    CUSTOM_TEXT_KEYS.filter((key) => state.customText[key].trim() !== "").map((key) => [
      key,
      state.customText[key],
    ]),
  );
  if (Object.keys(texts).length > 0) part.customText = texts;
  if (state.termsOfServiceRequired || state.promotionsConsent) {
    part.consentCollection = {
      ...(state.termsOfServiceRequired ? { termsOfService: "required" } : {}),
      ...(state.promotionsConsent ? { promotions: "auto" } : {}),
    };
  }
  set("submitType", state.submitType);
  set("customerCreation", state.customerCreation);
  if (state.customerField !== "") part.customer = { field: state.customerField };
  return part;
}

/** The options' additions to `lineItem` and `writeBack`. */
export function checkoutOptionsLineAndWriteBack(state: CheckoutOptionsFormState): {
  lineItem: Record<string, unknown>;
  writeBack: Record<string, unknown>;
} {
  const customFields = jsonValue(state.customFieldWriteBackJson);
  return {
    lineItem: state.priceIdField !== "" ? { priceId: { field: state.priceIdField } } : {},
    writeBack: customFields !== undefined ? { customFields } : {},
  };
}

/** The settings screen's controls of the options, by the mapping path each edits. */
export const CHECKOUT_OPTION_CONTROLS = [
  "uiMode",
  "returnUrl",
  "paymentMethodTypes",
  "konbiniExpiresAfterDays",
  "phoneNumberCollection",
  "shippingAddressCollection",
  "shippingRates",
  "customFields",
  "writeBack.customFields",
  ...CUSTOM_TEXT_KEYS.map((key) => `customText.${key}`),
  "consentCollection",
  "submitType",
  "customer",
  "customerCreation",
  "lineItem.priceId",
];
