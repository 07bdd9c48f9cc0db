import type Stripe from "stripe";
import type { CheckoutSessionOptions } from "../../ports/CheckoutSessionOptions";

type Params = Stripe.Checkout.SessionCreateParams;

/**
 * The mapping's Checkout options as `checkout.sessions.create` parameters, named as the pinned
 * API version (stripe-node 23, 2026-10-28) types them: payment methods are
 * `allowed_payment_method_types`, the UI mode `hosted_page | embedded_page`.
 * https://docs.stripe.com/api/checkout/sessions/create
 */
export function checkoutOptionParams(options: CheckoutSessionOptions): Partial<Params> {
  const params: Partial<Params> = {};
  // Embedded sessions take return_url instead of success_url / cancel_url:
  // https://docs.stripe.com/payments/checkout/custom-success-page?payment-ui=embedded-form
  if (options.uiMode === "embedded") {
    params.ui_mode = "embedded_page";
    // Card payments finish inside the dialog and Stripe.js calls onComplete; return_url stays for
    // the methods that must redirect (bank or wallet authorisation):
    // https://docs.stripe.com/payments/checkout/custom-redirect-behavior
    params.redirect_on_completion = "if_required";
  }
  if (options.returnUrl !== undefined) params.return_url = options.returnUrl;
  if (options.paymentMethodTypes?.length) {
    params.allowed_payment_method_types = options.paymentMethodTypes;
  }
  // https://docs.stripe.com/payments/konbini/accept-a-payment — expires_after_days 1..60
  if (options.konbiniExpiresAfterDays !== undefined) {
    params.payment_method_options = {
      konbini: { expires_after_days: options.konbiniExpiresAfterDays },
    };
  }
  // https://docs.stripe.com/payments/checkout/phone-numbers
  if (options.phoneNumberCollection !== undefined) {
    params.phone_number_collection = { enabled: options.phoneNumberCollection };
  }
  // https://docs.stripe.com/payments/collect-addresses?payment-ui=checkout
  if (options.shippingAddressCollection) {
    params.shipping_address_collection = {
      allowed_countries: options.shippingAddressCollection
        .allowedCountries as Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry[],
    };
  }
  if (options.shippingRates?.length) {
    params.shipping_options = options.shippingRates.map((id) => ({ shipping_rate: id }));
  }
  // https://docs.stripe.com/payments/checkout/custom-fields
  if (options.customFields?.length) params.custom_fields = options.customFields.map(customField);
  const customText = customTextParams(options.customText);
  if (customText) params.custom_text = customText;
  // https://docs.stripe.com/payments/checkout/customization/policies
  if (options.consentCollection) {
    const consent: Stripe.Checkout.SessionCreateParams.ConsentCollection = {};
    const { termsOfService, promotions } = options.consentCollection;
    if (termsOfService !== undefined) consent.terms_of_service = termsOfService;
    if (promotions !== undefined) consent.promotions = promotions;
    params.consent_collection = consent;
  }
  if (options.submitType !== undefined) params.submit_type = options.submitType;
  if (options.customer !== undefined) params.customer = options.customer;
  if (options.customerCreation !== undefined) params.customer_creation = options.customerCreation;
  return params;
}

function customField(
  field: NonNullable<CheckoutSessionOptions["customFields"]>[number],
): Stripe.Checkout.SessionCreateParams.CustomField {
  const param: Stripe.Checkout.SessionCreateParams.CustomField = {
    key: field.key,
    label: { type: "custom", custom: field.label },
    type: field.type,
  };
  if (field.optional !== undefined) param.optional = field.optional;
  if (field.type === "dropdown") param.dropdown = { options: field.options ?? [] };
  return param;
}

function customTextParams(
  text: CheckoutSessionOptions["customText"],
): Stripe.Checkout.SessionCreateParams.CustomText | undefined {
  if (!text) return undefined;
  const custom: Stripe.Checkout.SessionCreateParams.CustomText = {};
  if (text.submit !== undefined) custom.submit = { message: text.submit };
  if (text.afterSubmit !== undefined) custom.after_submit = { message: text.afterSubmit };
  if (text.shippingAddress !== undefined)
    custom.shipping_address = { message: text.shippingAddress };
  if (text.termsOfServiceAcceptance !== undefined) {
    custom.terms_of_service_acceptance = { message: text.termsOfServiceAcceptance };
  }
  return Object.keys(custom).length > 0 ? custom : undefined;
}
