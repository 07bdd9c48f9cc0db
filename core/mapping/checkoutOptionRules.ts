/**
 * Rules of Stripe's Checkout Session that tie several mapping keys together (one key alone is
 * checked by its schema). Each problem names the mapping key to fix.
 * https://docs.stripe.com/api/checkout/sessions/create
 */
import type { MappingConfig } from "./MappingConfig";
import { JPY_ONLY_PAYMENT_METHOD_TYPES } from "./stripeCheckoutCodes";

export interface OptionProblem {
  path: string;
  message: string;
}

/** The fields of the mapping these rules read; the schema's refinement runs before the type exists. */
type OptionKeys = Pick<
  MappingConfig,
  | "uiMode"
  | "successUrl"
  | "cancelUrl"
  | "returnUrl"
  | "currency"
  | "paymentMethodTypes"
  | "konbiniExpiresAfterDays"
  | "customer"
  | "customerEmail"
  | "customerCreation"
  | "customText"
  | "consentCollection"
  | "shippingAddressCollection"
  | "customFields"
> & {
  lineItem: Pick<MappingConfig["lineItem"], "unitPrice" | "priceId">;
  writeBack: Pick<MappingConfig["writeBack"], "customFields">;
};

export function checkoutOptionProblems(mapping: OptionKeys): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  // Embedded sessions take return_url and refuse success_url and cancel_url; hosted ones need
  // success_url: https://docs.stripe.com/payments/checkout/custom-success-page?payment-ui=embedded-form
  if (mapping.uiMode === "embedded") {
    if (mapping.returnUrl === undefined) add("returnUrl", "required when uiMode is embedded");
    if (mapping.successUrl !== undefined)
      add("successUrl", "must be absent when uiMode is embedded");
    if (mapping.cancelUrl !== undefined) add("cancelUrl", "must be absent when uiMode is embedded");
  } else {
    if (mapping.successUrl === undefined) add("successUrl", "required unless uiMode is embedded");
    if (mapping.returnUrl !== undefined) add("returnUrl", "only used when uiMode is embedded");
  }

  if (mapping.lineItem.unitPrice === undefined && mapping.lineItem.priceId === undefined)
    add("lineItem.unitPrice", "required unless lineItem.priceId is given");

  // Konbini and PayPay take JPY only: https://docs.stripe.com/payments/konbini,
  // https://docs.stripe.com/payments/paypay
  const methods = mapping.paymentMethodTypes;
  if (typeof mapping.currency === "string" && mapping.currency.toLowerCase() !== "jpy") {
    methods?.forEach((method, index) => {
      if (JPY_ONLY_PAYMENT_METHOD_TYPES.includes(method))
        add(
          `paymentMethodTypes.${index}`,
          `${method} takes JPY only, not ${mapping.currency as string}`,
        );
    });
  }
  if (mapping.konbiniExpiresAfterDays !== undefined && methods && !methods.includes("konbini"))
    add("konbiniExpiresAfterDays", "needs konbini in paymentMethodTypes");

  // An existing customer already has an e-mail and exists: customer_email and customer_creation
  // are for sessions without one (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-customer).
  if (mapping.customer !== undefined) {
    if (mapping.customerEmail !== undefined)
      add("customerEmail", "use either customer or customerEmail");
    if (mapping.customerCreation !== undefined)
      add("customerCreation", "use either customer or customerCreation");
  }

  // The terms text replaces the checkbox's text, so it needs the checkbox; the shipping text
  // stands next to the shipping address form:
  // https://docs.stripe.com/payments/checkout/customization/policies
  if (
    mapping.customText?.termsOfServiceAcceptance !== undefined &&
    mapping.consentCollection?.termsOfService !== "required"
  )
    add("customText.termsOfServiceAcceptance", "needs consentCollection.termsOfService required");
  if (mapping.customText?.shippingAddress !== undefined && !mapping.shippingAddressCollection)
    add("customText.shippingAddress", "needs shippingAddressCollection");

  const keys = new Set((mapping.customFields ?? []).map((field) => field.key));
  for (const key of Object.keys(mapping.writeBack.customFields ?? {})) {
    if (!keys.has(key))
      add(`writeBack.customFields.${key}`, `no custom field has the key "${key}"`);
  }
  return problems;
}
