/**
 * The mapping's tax and invoice keys, each optional (the mapping stays version 1). Limits are
 * those of the pinned API version's `checkout.sessions.create` and `tax_rates.create`:
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-invoice_creation
 * https://docs.stripe.com/api/tax_rates/create
 */
import { z } from "zod";

/** invoice_data.custom_fields: "name … up to 40 characters", "value … up to 140 characters". */
const invoiceCustomField = z.strictObject({
  name: z.string().min(1).max(40),
  value: z.string().min(1).max(140),
});

export const taxOptionsShape = {
  /** How unit prices are given: inclusive (税込, the default) or exclusive (税抜). */
  taxBehavior: z.enum(["inclusive", "exclusive"]).optional(),
  /** The Tax Rates' display_name, shown on the invoice; "The display name of the tax rate". */
  taxDisplayName: z.string().min(1).max(50).optional(),
  /** Stripe Tax computes the tax instead of the mapping's rates. */
  automaticTax: z.boolean().optional(),
  taxIdCollection: z.boolean().optional(),
  invoiceCreation: z
    .strictObject({
      enabled: z.boolean(),
      /** invoice_data.description and footer: Stripe gives no shorter limit than its 5000-character strings. */
      description: z.string().min(1).max(1500).optional(),
      footer: z.string().min(1).max(5000).optional(),
      /** "You can add up to 4 custom fields." */
      customFields: z.array(invoiceCustomField).min(1).max(4).optional(),
    })
    .optional(),
} as const;
