import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { CheckoutSessionOptions } from "../ports/CheckoutSessionOptions";

/**
 * The Checkout options the gateway is given for one planned session: the mapping's keys as they
 * are, the return URL and customer the engine filled from the session's first record. Absent
 * keys stay absent, so Stripe's defaults apply.
 */
export function checkoutSessionOptions(
  mapping: MappingConfig,
  planned: PlannedSession,
): CheckoutSessionOptions | undefined {
  const options: CheckoutSessionOptions = {};
  const copy = <K extends keyof CheckoutSessionOptions & keyof MappingConfig>(key: K) => {
    const value = mapping[key];
    if (value !== undefined) options[key] = value as CheckoutSessionOptions[K];
  };
  copy("uiMode");
  copy("paymentMethodTypes");
  copy("konbiniExpiresAfterDays");
  copy("phoneNumberCollection");
  copy("shippingAddressCollection");
  copy("shippingRates");
  copy("customFields");
  copy("customText");
  copy("consentCollection");
  copy("submitType");
  copy("customerCreation");
  if (planned.returnUrl !== undefined) options.returnUrl = planned.returnUrl;
  if (planned.customer !== undefined) options.customer = planned.customer;
  return Object.keys(options).length > 0 ? options : undefined;
}
