/**
 * The Checkout Session options beyond line items, read and enforced as Stripe documents them for
 * the pinned API version (2026-10-28): https://docs.stripe.com/api/checkout/sessions/create
 * - ui_mode `hosted_page` (default) or `embedded_page`; the older `hosted`, `embedded` and
 *   `custom` fail since 2026-03-25
 *   (https://docs.stripe.com/changelog/dahlia/2026-03-25/updates-available-checkout-session-ui-modes);
 *   an embedded session needs return_url and refuses success_url and cancel_url, answers a
 *   client_secret and no url (https://docs.stripe.com/payments/checkout/custom-success-page?payment-ui=embedded-form);
 * - redirect_on_completion `always` (default) | `if_required` | `never`, embedded sessions only;
 *   return_url is then required unless it is `never`
 *   (https://docs.stripe.com/payments/checkout/custom-redirect-behavior);
 * - allowed_payment_method_types (the pinned version's create parameters have no
 *   payment_method_types: it is refused as unknown); konbini and PayPay take
 *   JPY only (https://docs.stripe.com/payments/konbini, https://docs.stripe.com/payments/paypay);
 * - payment_method_options[konbini][expires_after_days] 1..60
 *   (https://docs.stripe.com/payments/konbini/accept-a-payment);
 * - custom_fields: at most 3; key alphanumeric ≤ 200; label ≤ 100; text / numeric / dropdown with
 *   1..200 options, values alphanumeric ≤ 100 (https://docs.stripe.com/payments/checkout/custom-fields);
 * - custom_text: each message ≤ 1,200 characters;
 * - consent_collection terms_of_service required|none, promotions auto|none
 *   (https://docs.stripe.com/payments/checkout/customization/policies);
 * - shipping_options: at most 5 `shipping_rate` ids.
 */
import { readRedirectOnCompletion, type RedirectOnCompletion } from "./redirectOnCompletion";
import type { ParamReader } from "../params";
import { invalidParam } from "../StripeApiError";

export const PAYMENT_METHOD_TYPES = [
  "acss_debit", "affirm", "afterpay_clearpay", "alipay", "alma", "amazon_pay", "au_becs_debit",
  "bacs_debit", "bancontact", "billie", "blik", "boleto", "card", "cashapp", "customer_balance",
  "eps", "fpx", "giropay", "grabpay", "ideal", "kakao_pay", "klarna", "konbini", "kr_card", "link",
  "mobilepay", "multibanco", "naver_pay", "oxxo", "p24", "pay_by_bank", "payco", "paynow", "paypal",
  "paypay", "pix", "promptpay", "revolut_pay", "samsung_pay", "satispay", "sepa_debit", "sofort",
  "swish", "twint", "us_bank_account", "wechat_pay", "zip",
] as const; // prettier-ignore

const JPY_ONLY = ["konbini", "paypay"];
const MAX_CUSTOM_FIELDS = 3;
const MAX_SHIPPING_OPTIONS = 5;
const MAX_CUSTOM_TEXT = 1200;
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

export interface StoredCustomField {
  key: string;
  label: { custom: string; type: "custom" };
  optional: boolean;
  type: "text" | "numeric" | "dropdown";
  dropdown: {
    default_value: null;
    options: { label: string; value: string }[];
    value: string | null;
  } | null;
  numeric: {
    default_value: null;
    maximum_length: null;
    minimum_length: null;
    value: string | null;
  } | null;
  text: {
    default_value: null;
    maximum_length: null;
    minimum_length: null;
    value: string | null;
  } | null;
}

type Message = { message: string } | null;

export interface CheckoutSessionOptions {
  ui_mode: "hosted_page" | "embedded_page";
  redirect_on_completion: RedirectOnCompletion | null;
  return_url: string | null;
  allowed_payment_method_types: string[] | null;
  payment_method_options: { konbini?: { expires_after_days: number | null } } | null;
  custom_fields: StoredCustomField[];
  custom_text: {
    after_submit: Message;
    shipping_address: Message;
    submit: Message;
    terms_of_service_acceptance: Message;
  };
  consent_collection: { promotions: string | null; terms_of_service: string | null } | null;
  shipping_options: { shipping_amount: number; shipping_rate: string }[];
}

export const OPTION_PARAMS = [
  "ui_mode", "redirect_on_completion", "return_url", "allowed_payment_method_types",
  "payment_method_options", "custom_fields", "custom_text", "consent_collection", "shipping_options",
] as const; // prettier-ignore

export function readCheckoutSessionOptions(
  params: ParamReader,
  currency: string,
  urls: { successUrl?: string; cancelUrl?: string },
  checkUrl: (param: string, value: string) => void,
): CheckoutSessionOptions {
  const uiMode = readUiMode(params);
  const returnUrl = params.optionalString("return_url", { maxLength: 5000 });
  if (returnUrl !== undefined) checkUrl("return_url", returnUrl);
  const redirectOnCompletion = readRedirectOnCompletion(params, uiMode);
  if (uiMode === "embedded_page") {
    if (returnUrl === undefined && redirectOnCompletion !== "never") {
      throw invalidParam(
        "return_url",
        "`return_url` is required when `ui_mode` is `embedded_page`.",
      );
    }
    if (urls.successUrl !== undefined) {
      throw invalidParam(
        "success_url",
        "`success_url` cannot be used with `ui_mode: embedded_page`; use `return_url`.",
      );
    }
    if (urls.cancelUrl !== undefined) {
      throw invalidParam(
        "cancel_url",
        "`cancel_url` cannot be used with `ui_mode: embedded_page`.",
      );
    }
  } else if (returnUrl !== undefined) {
    throw invalidParam(
      "return_url",
      "`return_url` can only be used with `ui_mode: embedded_page`.",
    );
  }
  return {
    ui_mode: uiMode,
    redirect_on_completion: redirectOnCompletion,
    return_url: returnUrl ?? null,
    allowed_payment_method_types: readPaymentMethodTypes(params, currency),
    payment_method_options: readPaymentMethodOptions(params),
    custom_fields: readCustomFields(params),
    custom_text: readCustomText(params),
    consent_collection: readConsent(params),
    shipping_options: readShippingOptions(params),
  };
}

function readUiMode(params: ParamReader): "hosted_page" | "embedded_page" {
  const mode = params.enumOf("ui_mode", ["hosted_page", "embedded_page", "elements", "form"]);
  if (mode === undefined || mode === "hosted_page") return "hosted_page";
  if (mode === "embedded_page") return "embedded_page";
  throw invalidParam("ui_mode", `The emulator does not model ui_mode=${mode}.`);
}

function readPaymentMethodTypes(params: ParamReader, currency: string): string[] | null {
  const key = "allowed_payment_method_types";
  const types = params.stringArray(key) as string[] | undefined;
  if (types === undefined) return null;
  types.forEach((type, index) => {
    if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(type)) {
      throw invalidParam(
        `${key}[${index}]`,
        `Invalid ${key}[${index}]: must be one of ${PAYMENT_METHOD_TYPES.join(", ")}`,
      );
    }
    if (JPY_ONLY.includes(type) && currency !== "jpy") {
      throw invalidParam(
        key,
        `The currency provided (${currency}) is invalid for one or more payment method types on this Checkout Session: ${type} supports jpy only.`,
      );
    }
  });
  return types;
}

function readPaymentMethodOptions(
  params: ParamReader,
): CheckoutSessionOptions["payment_method_options"] {
  const options = params.object("payment_method_options", ["konbini"]);
  if (!options) return null;
  const konbini = options.object("konbini", ["expires_after_days"]);
  if (!konbini) return {};
  const days = konbini.integer("expires_after_days", { min: 1, max: 60 });
  return { konbini: { expires_after_days: days ?? null } };
}

function readCustomFields(params: ParamReader): StoredCustomField[] {
  const fields = params.objectArray("custom_fields", ["key", "label", "type", "optional", "dropdown", "numeric", "text"]); // prettier-ignore
  if (!fields) return [];
  if (fields.length > MAX_CUSTOM_FIELDS) {
    throw invalidParam(
      "custom_fields",
      `You may only specify up to ${MAX_CUSTOM_FIELDS} custom fields.`,
    );
  }
  const keys = new Set<string>();
  return fields.map((field) => {
    const key = field.requiredString("key", { maxLength: 200 });
    if (!ALPHANUMERIC.test(key)) {
      throw invalidParam(field.name("key"), "Custom field keys must be alphanumeric.");
    }
    if (keys.has(key))
      throw invalidParam(field.name("key"), `Custom field key ${key} is repeated.`);
    keys.add(key);
    const label = field.object("label", ["custom", "type"], { required: true });
    label?.enumOf("type", ["custom"], { required: true });
    const custom = label?.requiredString("custom", { maxLength: 100 }) ?? "";
    const type =
      field.enumOf("type", ["text", "numeric", "dropdown"], { required: true }) ?? "text";
    const optional = field.boolean("optional") ?? false;
    const dropdown = field.object("dropdown", ["options", "default_value"]);
    if (type === "dropdown" && !dropdown) {
      throw invalidParam(
        field.name("dropdown"),
        "A dropdown custom field needs dropdown[options].",
        "parameter_missing",
      );
    }
    if (type !== "dropdown" && dropdown) {
      throw invalidParam(field.name("dropdown"), "Only a dropdown custom field takes dropdown.");
    }
    const options = (
      dropdown?.objectArray("options", ["label", "value"], { required: true }) ?? []
    ).map((option) => {
      const value = option.requiredString("value", { maxLength: 100 });
      if (!ALPHANUMERIC.test(value)) {
        throw invalidParam(option.name("value"), "Dropdown option values must be alphanumeric.");
      }
      return { label: option.requiredString("label", { maxLength: 100 }), value };
    });
    if (dropdown && (options.length === 0 || options.length > 200)) {
      throw invalidParam(field.name("dropdown[options]"), "A dropdown takes 1 to 200 options.");
    }
    const input = { default_value: null, maximum_length: null, minimum_length: null, value: null };
    return {
      key,
      label: { custom, type: "custom" as const },
      optional,
      type,
      dropdown: type === "dropdown" ? { default_value: null, options, value: null } : null,
      numeric: type === "numeric" ? { ...input } : null,
      text: type === "text" ? { ...input } : null,
    };
  });
}

function readCustomText(params: ParamReader): CheckoutSessionOptions["custom_text"] {
  const keys = [
    "after_submit",
    "shipping_address",
    "submit",
    "terms_of_service_acceptance",
  ] as const;
  const text = params.object("custom_text", keys);
  const message = (key: (typeof keys)[number]): Message => {
    const part = text?.object(key, ["message"]);
    return part
      ? { message: part.requiredString("message", { maxLength: MAX_CUSTOM_TEXT }) }
      : null;
  };
  return {
    after_submit: message("after_submit"),
    shipping_address: message("shipping_address"),
    submit: message("submit"),
    terms_of_service_acceptance: message("terms_of_service_acceptance"),
  };
}

function readConsent(params: ParamReader): CheckoutSessionOptions["consent_collection"] {
  const consent = params.object("consent_collection", ["terms_of_service", "promotions"]);
  if (!consent) return null;
  return {
    terms_of_service: consent.enumOf("terms_of_service", ["required", "none"]) ?? null,
    promotions: consent.enumOf("promotions", ["auto", "none"]) ?? null,
  };
}

function readShippingOptions(params: ParamReader): CheckoutSessionOptions["shipping_options"] {
  const options = params.objectArray("shipping_options", ["shipping_rate"]);
  if (!options) return [];
  if (options.length > MAX_SHIPPING_OPTIONS) {
    throw invalidParam(
      "shipping_options",
      `You may only specify up to ${MAX_SHIPPING_OPTIONS} shipping options.`,
    );
  }
  return options.map((option) => {
    const rate = option.requiredString("shipping_rate");
    if (!/^shr_[A-Za-z0-9]+$/.test(rate)) {
      throw invalidParam(
        option.name("shipping_rate"),
        `No such shipping rate: '${rate}'`,
        "resource_missing",
      );
    }
    return { shipping_amount: 0, shipping_rate: rate };
  });
}
