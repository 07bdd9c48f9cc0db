/**
 * The Stripe Tax Rates the sessions' lines carry, one per (percent, inclusive, display name) and
 * per Stripe account (`cacheScope`). The id Stripe gave is remembered in the journal's catalogue
 * cache, beside the products; a rate not remembered is looked up or made under this proxy's lock
 * for its key, so concurrent checkouts needing the same new rate make one, not two.
 */
import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { TaxPercent } from "../../core/tax/taxPercent";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { TaxRateSpec } from "../ports/PaymentGateway";

type TaxRateDeps = Pick<UseCaseDeps, "journal" | "gateway" | "coordination" | "cacheScope">;

/** The catalogue cache keeps a product id and a content hash; a tax rate's entry is marked so. */
const TAX_RATE_ENTRY = "tax-rate";

/** Shown on the invoice beside each rate when the mapping names none. */
export function defaultTaxDisplayName(locale: string | undefined): string {
  return locale?.startsWith("en") ? "Consumption tax" : "消費税";
}

export function taxRateSpec(mapping: MappingConfig, percent: TaxPercent): TaxRateSpec {
  return {
    percentage: Number(percent),
    inclusive: (mapping.taxBehavior ?? "inclusive") === "inclusive",
    displayName: mapping.taxDisplayName ?? defaultTaxDisplayName(mapping.locale),
  };
}

const cacheKey = (deps: TaxRateDeps, spec: TaxRateSpec) =>
  `${deps.cacheScope}:tax-rate:${spec.percentage}:${spec.inclusive ? "inclusive" : "exclusive"}:${spec.displayName}`;

/** The Tax Rate id for `spec`, calling Stripe only for a rate this proxy does not know yet. */
export async function taxRateId(deps: TaxRateDeps, spec: TaxRateSpec): Promise<string> {
  const key = cacheKey(deps, spec);
  const known = await deps.journal.catalogue.getProduct(key);
  if (known) return known.productId;
  return deps.coordination.withLocks([key], async () => {
    // Again under the lock: the caller before us may have just made it.
    const made = await deps.journal.catalogue.getProduct(key);
    if (made) return made.productId;
    const { taxRateId: id } = await deps.gateway.upsertTaxRate(spec);
    await deps.journal.catalogue.putProduct(key, { productId: id, contentHash: TAX_RATE_ENTRY });
    return id;
  });
}

/** The Tax Rate id of each percent the session's lines carry, all found at once. */
export async function sessionTaxRateIds(
  deps: TaxRateDeps,
  mapping: MappingConfig,
  planned: PlannedSession,
): Promise<Map<TaxPercent, string>> {
  const percents = [...new Set(planned.lineItems.flatMap((item) => item.taxRate ?? []))];
  const ids = await Promise.all(
    percents.map((percent) => taxRateId(deps, taxRateSpec(mapping, percent))),
  );
  return new Map(percents.map((percent, index) => [percent, ids[index] as string]));
}

/** Forgets the session's rates: one may have been archived in Stripe since, so ask again. */
export async function forgetTaxRates(
  deps: TaxRateDeps,
  mapping: MappingConfig,
  planned: PlannedSession,
): Promise<void> {
  for (const percent of new Set(planned.lineItems.flatMap((item) => item.taxRate ?? []))) {
    await deps.journal.catalogue.deleteProduct(cacheKey(deps, taxRateSpec(mapping, percent)));
  }
}
