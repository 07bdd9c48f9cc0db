/**
 * Rules tying the tax keys together. A session's tax is computed one way: Stripe Tax
 * (`automatic_tax`, https://docs.stripe.com/tax/checkout) finds the rate itself, so lines do not
 * carry Tax Rates of their own beside it (https://docs.stripe.com/payments/checkout/taxes).
 */
import type { MappingConfig } from "../mapping/MappingConfig";

export interface TaxOptionProblem {
  path: string;
  message: string;
}

type TaxKeys = Pick<MappingConfig, "automaticTax"> & {
  lineItem: Pick<MappingConfig["lineItem"], "taxRate">;
};

export function taxOptionProblems(mapping: TaxKeys): TaxOptionProblem[] {
  if (!mapping.automaticTax || mapping.lineItem.taxRate === undefined) return [];
  return [{ path: "lineItem.taxRate", message: "must be absent when automaticTax is true" }];
}
