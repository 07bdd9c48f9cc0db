/**
 * `shipping_address_collection[allowed_countries][]` of a Checkout Session: the page asks for a
 * shipping address in one of these countries, two-letter codes, at least one
 * (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-shipping_address_collection).
 */
import type { ParamReader } from "../params";
import { invalidParam } from "../StripeApiError";

export function readShippingAddressCollection(
  params: ParamReader,
): { allowed_countries: string[] } | undefined {
  const collection = params.object("shipping_address_collection", ["allowed_countries"]);
  if (!collection) return undefined;
  const countries = collection.stringArray("allowed_countries") as string[] | undefined;
  const param = "shipping_address_collection[allowed_countries]";
  if (!countries || countries.length === 0) {
    throw invalidParam(param, `Missing required param: ${param}.`, "parameter_missing");
  }
  countries.forEach((country, index) => {
    if (!/^[A-Z]{2}$/.test(country)) {
      throw invalidParam(
        `${param}[${index}]`,
        `Invalid ${param}[${index}]: must be a two-letter country code such as JP or US`,
      );
    }
  });
  return { allowed_countries: countries };
}
