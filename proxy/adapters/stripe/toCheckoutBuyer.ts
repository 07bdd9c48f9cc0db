import type Stripe from "stripe";
import type { PostalAddress } from "../../../core/address/formatPostalAddress";
import type { CheckoutBuyer } from "../../ports/PaymentGateway";
import { toCustomFieldValues } from "./toCustomFieldValues";

/**
 * The buyer of a completed session, or undefined before completion: `customer` (an id, or the
 * object when expanded), `customer_details` (name, phone, billing address) and, in the pinned
 * API version, the shipping address in `collected_information.shipping_details`
 * (https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-customer_details,
 * https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-collected_information-shipping_details).
 */
export function toCheckoutBuyer(session: Stripe.Checkout.Session): CheckoutBuyer | undefined {
  if (session.status !== "complete") return undefined;
  const details = session.customer_details;
  const shipping = session.collected_information?.shipping_details;
  const customer = session.customer;
  const customFields = toCustomFieldValues(session.custom_fields);
  return {
    ...(customFields ? { customFields } : {}),
    customerId: typeof customer === "string" ? customer : (customer?.id ?? null),
    name: details?.name || null,
    phone: details?.phone || null,
    billingAddress: details?.address ? toPostalAddress(details.address) : null,
    shipping: shipping
      ? { name: shipping.name || null, address: toPostalAddress(shipping.address) }
      : null,
  };
}

function toPostalAddress(address: Stripe.Address): PostalAddress {
  return {
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    state: address.state,
    postalCode: address.postal_code,
    country: address.country,
  };
}
