import { createHash } from "node:crypto";
import type { TaxRateSpec } from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { toUpstreamError } from "./toUpstreamError";

/**
 * One Tax Rate per (percentage, inclusive, display name): the account's active rates are listed
 * (the list endpoint is consistent, unlike search), and a missing one is created for Japan's
 * consumption tax (`country: "JP"`, `tax_type: "jct"`). The create's idempotency key is derived
 * from the spec, so two proxies creating the same rate within Stripe's 24 hours of idempotency get
 * one object. https://docs.stripe.com/api/tax_rates/create, https://docs.stripe.com/api/tax_rates/list
 */
export async function upsertTaxRate(
  { stripe, paced }: StripeAccess,
  rate: TaxRateSpec,
): Promise<{ taxRateId: string }> {
  try {
    const existing = await findTaxRate({ stripe, paced }, rate);
    if (existing) return { taxRateId: existing };
    const created = await paced.api(() =>
      stripe.taxRates.create(
        {
          display_name: rate.displayName,
          percentage: rate.percentage,
          inclusive: rate.inclusive,
          country: "JP",
          tax_type: "jct",
          metadata: { created_by: "kintone-stripe-checkout" },
        },
        { idempotencyKey: taxRateIdempotencyKey(rate) },
      ),
    );
    return { taxRateId: created.id };
  } catch (error) {
    throw toUpstreamError(error, `make the ${rate.percentage}% tax rate`);
  }
}

async function findTaxRate({ stripe, paced }: StripeAccess, rate: TaxRateSpec) {
  let startingAfter: string | undefined;
  for (;;) {
    const page = await paced.api(() =>
      stripe.taxRates.list({
        active: true,
        inclusive: rate.inclusive,
        limit: 100,
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      }),
    );
    const match = page.data.find(
      (candidate) =>
        candidate.percentage === rate.percentage &&
        candidate.inclusive === rate.inclusive &&
        candidate.display_name === rate.displayName,
    );
    if (match) return match.id;
    const last = page.data[page.data.length - 1];
    if (!page.has_more || !last) return undefined;
    startingAfter = last.id;
  }
}

export function taxRateIdempotencyKey(rate: TaxRateSpec): string {
  const name = createHash("sha256").update(rate.displayName).digest("hex").slice(0, 16);
  return `kintone-tax-rate-${rate.percentage}-${rate.inclusive ? "inclusive" : "exclusive"}-${name}`;
}
