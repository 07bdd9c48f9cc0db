/**
 * The buyer's part of the emulated hosted page: a name always; a phone number when the session
 * has `phone_number_collection.enabled`; a billing address with `billing_address_collection:
 * "required"`; a shipping address, in one of its allowed countries, with
 * `shipping_address_collection` (https://docs.stripe.com/payments/checkout/phone-numbers,
 * https://docs.stripe.com/payments/collect-addresses?payment-ui=checkout). Blank fields are
 * allowed here so that a story can pay in one click; the session then records a default name.
 */
import type { BuyerDetails } from "./buyerDetails";
import type { CheckoutSession, StripeAddress } from "./StripeStore";

type Escape = (text: string) => string;

const ADDRESS_PARTS: { key: keyof StripeAddress; label: string }[] = [
  { key: "country", label: "Country" },
  { key: "postal_code", label: "Postal code" },
  { key: "state", label: "State / prefecture" },
  { key: "city", label: "City" },
  { key: "line1", label: "Address line 1" },
  { key: "line2", label: "Address line 2" },
];

function input(name: string, label: string, escape: Escape, type = "text"): string {
  return `<label class="field">${escape(label)} <input form="pay" type="${type}" name="${name}" autocomplete="off"></label>`;
}

function addressFields(
  prefix: string,
  legend: string,
  escape: Escape,
  countries?: string[],
): string {
  const parts = ADDRESS_PARTS.map(({ key, label }) => {
    if (key === "country" && countries?.length) {
      const options = countries
        .map((c) => `<option value="${escape(c)}">${escape(c)}</option>`)
        .join("");
      return `<label class="field">${escape(label)} <select form="pay" name="${prefix}_${key}">${options}</select></label>`;
    }
    return input(`${prefix}_${key}`, label, escape);
  }).join("");
  return `<fieldset data-testid="${prefix}-address"><legend>${escape(legend)}</legend>${parts}</fieldset>`;
}

export function renderBuyerFields(session: CheckoutSession, escape: Escape): string {
  const fields = [input("name", "Name", escape)];
  if (session.phone_number_collection.enabled) fields.push(input("phone", "Phone", escape, "tel"));
  if (session.billing_address_collection === "required") {
    fields.push(addressFields("billing", "Billing address", escape));
  }
  const shipping = session.shipping_address_collection;
  if (shipping) {
    fields.push(addressFields("shipping", "Shipping address", escape, shipping.allowed_countries));
  }
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
  return buyer;
}
