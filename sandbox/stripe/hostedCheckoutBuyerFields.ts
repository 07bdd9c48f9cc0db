/**
 * The buyer's part of the emulated hosted page: a name always; a phone number when the session
 * has `phone_number_collection.enabled`; a billing address with `billing_address_collection:
 * "required"`; a shipping address, in one of its allowed countries, with
 * `shipping_address_collection`; the session's `custom_fields` as text, numeric or dropdown inputs
 * (https://docs.stripe.com/payments/checkout/phone-numbers,
 * https://docs.stripe.com/payments/collect-addresses?payment-ui=checkout,
 * https://docs.stripe.com/payments/checkout/custom-fields). Labels follow the page's language.
 * Blank fields are allowed here so that a story can pay in one click; the session then records a
 * default name.
 */
import type { BuyerDetails } from "./buyerDetails";
import type { CheckoutPageTexts } from "./checkoutPageTexts";
import type { CheckoutSession, StripeAddress } from "./stripeObjects";

type Escape = (text: string) => string;

const ADDRESS_PARTS: { key: keyof StripeAddress; label: keyof CheckoutPageTexts["buyer"] }[] = [
  { key: "country", label: "country" },
  { key: "postal_code", label: "postalCode" },
  { key: "state", label: "state" },
  { key: "city", label: "city" },
  { key: "line1", label: "line1" },
  { key: "line2", label: "line2" },
];

/** A custom field's form name: keys are alphanumeric, so no escaping is needed. */
const CUSTOM_FIELD_PREFIX = "custom_";

function input(name: string, label: string, escape: Escape, type = "text"): string {
  return `<label class="field">${escape(label)} <input form="pay" type="${type}" name="${name}" autocomplete="off"></label>`;
}

function addressFields(
  prefix: string,
  legend: string,
  t: CheckoutPageTexts,
  escape: Escape,
  countries?: string[],
): string {
  const parts = ADDRESS_PARTS.map(({ key, label }) => {
    const text = t.buyer[label];
    if (key === "country" && countries?.length) {
      const options = countries
        .map((c) => `<option value="${escape(c)}">${escape(c)}</option>`)
        .join("");
      return `<label class="field">${escape(text)} <select form="pay" name="${prefix}_${key}">${options}</select></label>`;
    }
    return input(`${prefix}_${key}`, text, escape);
  }).join("");
  return `<fieldset data-testid="${prefix}-address"><legend>${escape(legend)}</legend>${parts}</fieldset>`;
}

function customFieldInputs(session: CheckoutSession, t: CheckoutPageTexts, escape: Escape) {
  return session.custom_fields.map((field) => {
    const name = `${CUSTOM_FIELD_PREFIX}${field.key}`;
    const label = field.optional ? `${field.label.custom} (${t.optional})` : field.label.custom;
    if (field.type === "dropdown") {
      const options = (field.dropdown?.options ?? [])
        .map((o) => `<option value="${escape(o.value)}">${escape(o.label)}</option>`)
        .join("");
      return `<label class="field">${escape(label)} <select form="pay" name="${name}"><option value=""></option>${options}</select></label>`;
    }
    return input(name, label, escape, field.type === "numeric" ? "number" : "text");
  });
}

export function renderBuyerFields(
  session: CheckoutSession,
  t: CheckoutPageTexts,
  escape: Escape,
): string {
  const fields = [input("name", t.buyer.name, escape)];
  if (session.phone_number_collection.enabled) {
    fields.push(input("phone", t.buyer.phone, escape, "tel"));
  }
  if (session.billing_address_collection === "required") {
    fields.push(addressFields("billing", t.buyer.billingAddress, t, escape));
  }
  const shipping = session.shipping_address_collection;
  if (shipping) {
    fields.push(
      addressFields("shipping", t.buyer.shippingAddress, t, escape, shipping.allowed_countries),
    );
  }
  fields.push(...customFieldInputs(session, t, escape));
  return `<div class="buyer" data-testid="checkout-buyer">${fields.join("")}</div>`;
}

/** What the buyer typed into the fields `renderBuyerFields` shows. */
export function buyerFromForm(form: URLSearchParams): BuyerDetails {
  const address = (prefix: string): Partial<StripeAddress> =>
    Object.fromEntries(ADDRESS_PARTS.map(({ key }) => [key, form.get(`${prefix}_${key}`)]));
  const buyer: BuyerDetails = { address: address("billing") };
  const name = form.get("name");
  const phone = form.get("phone");
  if (name) buyer.name = name;
  if (phone) buyer.phone = phone;
  buyer.shipping = { address: address("shipping") };
  const customFields: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key.startsWith(CUSTOM_FIELD_PREFIX) && value.trim() !== "") {
      customFields[key.slice(CUSTOM_FIELD_PREFIX.length)] = value.trim();
    }
  }
  if (Object.keys(customFields).length > 0) buyer.customFields = customFields;
  return buyer;
}
