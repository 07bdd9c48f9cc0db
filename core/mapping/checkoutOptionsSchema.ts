/**
 * The mapping's Checkout Session options (ui mode, payment methods, what the buyer is asked, page
 * texts, customer), each with the limits Stripe documents for `checkout.sessions.create`:
 * https://docs.stripe.com/api/checkout/sessions/create
 * The rules that tie several keys together are in `checkoutOptionRules.ts`.
 */
import { z } from "zod";
import { STRIPE_PAYMENT_METHOD_TYPES, STRIPE_SHIPPING_COUNTRIES } from "./stripeCheckoutCodes";

/** "Must be unique to this field, alphanumeric, and up to 200 characters." */
const customFieldKey = z
  .string()
  .regex(/^[A-Za-z0-9]+$/, { message: "must be letters and digits only" })
  .max(200);
/** Option values: "unique to this option, alphanumeric, and up to 100 characters." */
const dropdownValue = z
  .string()
  .regex(/^[A-Za-z0-9]+$/, { message: "must be letters and digits only" })
  .max(100);

/** Custom texts: "Text can be up to 1200 characters in length." */
const pageText = z.string().min(1).max(1200);

const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value))
        ctx.addIssue({ code: "custom", path: [index], message: `${what} "${value}" is repeated` });
      seen.add(value);
    });
  };

/** https://docs.stripe.com/payments/checkout/custom-fields — at most 3 fields, dropdowns up to 200 options. */
export const customFieldSchema = z
  .strictObject({
    key: customFieldKey,
    /** label.custom: "Up to 100 characters" in the pinned API version. */
    label: z.string().min(1).max(100),
    type: z.enum(["text", "numeric", "dropdown"]),
    optional: z.boolean().optional(),
    options: z
      .array(z.strictObject({ value: dropdownValue, label: z.string().min(1).max(100) }))
      .min(1)
      .max(200)
      .superRefine(uniqueBy((option) => option.value, "option value"))
      .optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === "dropdown" && field.options === undefined)
      ctx.addIssue({ code: "custom", path: ["options"], message: "a dropdown needs options" });
    if (field.type !== "dropdown" && field.options !== undefined)
      ctx.addIssue({ code: "custom", path: ["options"], message: "only a dropdown has options" });
  });
export type CustomFieldOption = z.infer<typeof customFieldSchema>;

/** Stripe's `shr_…` shipping rate ids. */
const shippingRateId = z.string().regex(/^shr_[A-Za-z0-9]+$/, { message: "must be a shr_… id" });

/** The options' keys, spread into the mapping's schema; each optional. */
export const checkoutOptionsShape = {
  /** Default hosted (Stripe's `hosted_page`); embedded is Stripe's `embedded_page`. */
  uiMode: z.enum(["hosted", "embedded"]).optional(),
  returnUrl: z
    .string()
    .min(1)
    .max(5000)
    .regex(/^https?:\/\/\S+$/, { message: "must be an absolute http:// or https:// URL" })
    .optional(),
  /** Absent: the account's Dashboard settings choose. */
  paymentMethodTypes: z
    .array(z.enum(STRIPE_PAYMENT_METHOD_TYPES))
    .min(1)
    .superRefine(uniqueBy((type) => type, "payment method"))
    .optional(),
  /** payment_method_options.konbini.expires_after_days: "between 1 and 60". */
  konbiniExpiresAfterDays: z.number().int().min(1).max(60).optional(),
  phoneNumberCollection: z.boolean().optional(),
  shippingAddressCollection: z
    .strictObject({
      allowedCountries: z
        .array(
          z.enum(STRIPE_SHIPPING_COUNTRIES as [string, ...string[]], {
            message: "must be a 2-letter upper-case country code Stripe ships to",
          }),
        )
        .min(1)
        .superRefine(uniqueBy((country) => country, "country")),
    })
    .optional(),
  /** shipping_options: "Up to a maximum of 5." */
  shippingRates: z
    .array(shippingRateId)
    .min(1)
    .max(5)
    .superRefine(uniqueBy((id) => id, "shipping rate"))
    .optional(),
  customFields: z
    .array(customFieldSchema)
    .min(1)
    .max(3)
    .superRefine(uniqueBy((field) => field.key, "key"))
    .optional(),
  customText: z
    .strictObject({
      submit: pageText.optional(),
      afterSubmit: pageText.optional(),
      shippingAddress: pageText.optional(),
      termsOfServiceAcceptance: pageText.optional(),
    })
    .optional(),
  consentCollection: z
    .strictObject({
      termsOfService: z.enum(["required", "none"]).optional(),
      promotions: z.enum(["auto", "none"]).optional(),
    })
    .optional(),
  submitType: z.enum(["auto", "pay", "book", "donate"]).optional(),
  customerCreation: z.enum(["always", "if_required"]).optional(),
} as const;
