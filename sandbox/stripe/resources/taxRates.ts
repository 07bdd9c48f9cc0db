/**
 * Tax Rates (https://docs.stripe.com/api/tax_rates): create, retrieve, update, list. Required on
 * create: `display_name`, `inclusive`, `percentage` (up to 4 decimal places, 0..100). Percentage
 * and inclusive cannot change after creation (the update endpoint does not take them).
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import { assignGiven, mergeMetadata, ParamReader } from "../params";
import { invalidParam, requireFound } from "../StripeApiError";
import { randomId } from "../StripeStore";
import type { TaxRate } from "../taxAndInvoiceObjects";
import { createdFilter, fieldFilter, registerList, registerRetrieve } from "./listAndRetrieve";

const TAX_TYPES = [
  "amusement_tax", "communications_tax", "gst", "hst", "igst", "jct", "lease_tax", "pst", "qst",
  "retail_delivery_fee", "rst", "sales_tax", "service_tax", "vat",
]; // prettier-ignore

const UPDATABLE = [
  "active", "country", "description", "display_name", "jurisdiction", "metadata", "state", "tax_type",
]; // prettier-ignore

/** "A non-negative decimal between 0 and 100, with at most 4 decimal places." */
function readPercentage(params: ParamReader): number {
  const text = params.requiredString("percentage");
  const value = Number(text);
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text) || value > 100) {
    throw invalidParam(
      "percentage",
      "Invalid percentage: must be a number between 0 and 100 with at most 4 decimal places.",
    );
  }
  return value;
}

function readDescriptive(params: ParamReader): Partial<TaxRate> {
  const country = params.optionalString("country");
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw invalidParam(
      "country",
      `Country '${country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`,
    );
  }
  return {
    active: params.boolean("active"),
    country,
    description: params.optionalString("description"),
    display_name: params.optionalString("display_name", { maxLength: 50 }),
    jurisdiction: params.optionalString("jurisdiction", { maxLength: 50 }),
    state: params.optionalString("state"),
    tax_type: params.enumOf("tax_type", TAX_TYPES),
  };
}

export function registerTaxRateRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  router.post("/v1/tax_rates", "tax_rate_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...UPDATABLE,
      "inclusive",
      "percentage",
    ]);
    const displayName = params.requiredString("display_name", { maxLength: 50 });
    const inclusive = params.boolean("inclusive", { required: true }) as boolean;
    const percentage = readPercentage(params);
    const rate: TaxRate = {
      id: randomId("txr_"),
      object: "tax_rate",
      active: true,
      country: null,
      created: store.now(),
      description: null,
      display_name: displayName,
      effective_percentage: percentage,
      flat_amount: null,
      inclusive,
      jurisdiction: null,
      jurisdiction_level: null,
      livemode: request.apiKey.livemode,
      metadata: mergeMetadata({}, params.metadata()),
      percentage,
      rate_type: "percentage",
      state: null,
      tax_type: null,
    };
    assignGiven(rate, readDescriptive(params));
    store.taxRates.set(rate.id, rate);
    return rate;
  });

  registerRetrieve(router, "/v1/tax_rates/:id", "tax_rate", (id) => store.taxRates.get(id));

  router.post("/v1/tax_rates/:id", "tax_rate_write", (request) => {
    const id = request.pathParams.id ?? "";
    const rate = requireFound(store.taxRates.get(id), id, request.apiKey.livemode, "tax_rate");
    const params = ParamReader.from(request.params, "update").allowOnly(UPDATABLE);
    assignGiven(rate, readDescriptive(params));
    rate.metadata = mergeMetadata(rate.metadata, params.metadata());
    return rate;
  });

  registerList(router, "/v1/tax_rates", "tax_rate", {
    filters: [
      fieldFilter("active", "boolean"),
      fieldFilter("inclusive", "boolean"),
      createdFilter(),
    ],
    items: () => store.taxRates.values(),
    livemodeOf: (rate) => rate.livemode,
  });
}
