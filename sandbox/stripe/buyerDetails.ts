/**
 * What a buyer types on the hosted page (or a test says through the control API): name, e-mail,
 * phone, billing address and shipping address, and how a completed session records them — in
 * `customer_details` (name, email, phone, address) and, in the pinned API version,
 * `collected_information.shipping_details`
 * (https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-customer_details,
 * https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-collected_information).
 */
import type { CheckoutSession, StripeAddress } from "./stripeObjects";

export interface BuyerDetails {
  name?: string;
  email?: string;
  phone?: string;
  /** The billing address. */
  address?: Partial<StripeAddress>;
  shipping?: { name?: string; address: Partial<StripeAddress> };
  /** Custom field key → what the buyer entered (a dropdown: the option's value). */
  customFields?: Record<string, string>;
}

const DEFAULT_CUSTOMER_EMAIL = "customer@example.com";
const DEFAULT_CUSTOMER_NAME = "Emulated Customer";
const ADDRESS_KEYS = ["line1", "line2", "city", "state", "postal_code", "country"] as const;

export function toStripeAddress(address: Partial<StripeAddress>): StripeAddress {
  const part = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  return {
    city: part(address.city),
    country: part(address.country)?.toUpperCase() ?? null,
    line1: part(address.line1),
    line2: part(address.line2),
    postal_code: part(address.postal_code),
    state: part(address.state),
  };
}

/** Whether any part of the address was given. */
export function hasAddress(address: Partial<StripeAddress> | undefined): boolean {
  return ADDRESS_KEYS.some((key) => Boolean(address?.[key]?.trim()));
}

/** The session's `customer_details` and `collected_information` once the buyer confirmed. */
export function recordBuyer(session: CheckoutSession, buyer: BuyerDetails = {}): void {
  const name = buyer.name?.trim() || DEFAULT_CUSTOMER_NAME;
  session.customer_details = {
    address: hasAddress(buyer.address) ? toStripeAddress(buyer.address ?? {}) : null,
    email: buyer.email?.trim() || session.customer_email || DEFAULT_CUSTOMER_EMAIL,
    name,
    phone: buyer.phone?.trim() || null,
    tax_exempt: "none",
    tax_ids: [],
  };
  recordCustomFields(session, buyer.customFields ?? {});
  const shipping = buyer.shipping;
  session.collected_information = {
    business_name: null,
    individual_name: null,
    shipping_details:
      shipping && hasAddress(shipping.address)
        ? { name: shipping.name?.trim() || name, address: toStripeAddress(shipping.address) }
        : null,
  };
}

/**
 * The entered values in the session's `custom_fields` (`text.value`, `numeric.value`,
 * `dropdown.value`); a dropdown takes only one of its options' values, a numeric only digits.
 * https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-custom_fields
 */
function recordCustomFields(session: CheckoutSession, values: Record<string, string>): void {
  for (const field of session.custom_fields) {
    const value = values[field.key]?.trim() || null;
    if (field.dropdown) {
      const known = field.dropdown.options.some((option) => option.value === value);
      field.dropdown.value = known ? value : null;
    }
    if (field.numeric) field.numeric.value = value !== null && /^\d+$/.test(value) ? value : null;
    if (field.text) field.text.value = value;
  }
}

/** A control API body's `buyer`: strings only, addresses as Stripe writes them; throws on anything else. */
export function parseBuyerDetails(value: unknown): BuyerDetails {
  if (value === undefined || value === null) return {};
  const object = (v: unknown, where: string): Record<string, unknown> => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      throw new Error(`${where} must be an object.`);
    }
    return v as Record<string, unknown>;
  };
  const text = (v: unknown, where: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw new Error(`${where} must be a string.`);
    return v;
  };
  const address = (v: unknown, where: string): Partial<StripeAddress> => {
    const raw = object(v, where);
    const unknown = Object.keys(raw).find(
      (key) => !(ADDRESS_KEYS as readonly string[]).includes(key),
    );
    if (unknown)
      throw new Error(`${where}.${unknown} is not an address part (${ADDRESS_KEYS.join(", ")}).`);
    return Object.fromEntries(
      ADDRESS_KEYS.map((key) => [key, text(raw[key], `${where}.${key}`) ?? null]),
    );
  };
  const raw = object(value, "buyer");
  const details: BuyerDetails = {};
  const name = text(raw.name, "buyer.name");
  const email = text(raw.email, "buyer.email");
  const phone = text(raw.phone, "buyer.phone");
  if (name !== undefined) details.name = name;
  if (email !== undefined) details.email = email;
  if (phone !== undefined) details.phone = phone;
  if (raw.address !== undefined) details.address = address(raw.address, "buyer.address");
  if (raw.customFields !== undefined) {
    const fields = object(raw.customFields, "buyer.customFields");
    details.customFields = Object.fromEntries(
      Object.entries(fields).map(([key, v]) => [key, text(v, `buyer.customFields.${key}`) ?? ""]),
    );
  }
  if (raw.shipping !== undefined) {
    const shipping = object(raw.shipping, "buyer.shipping");
    const shippingName = text(shipping.name, "buyer.shipping.name");
    details.shipping = {
      ...(shippingName !== undefined ? { name: shippingName } : {}),
      address: address(shipping.address ?? {}, "buyer.shipping.address"),
    };
  }
  return details;
}
