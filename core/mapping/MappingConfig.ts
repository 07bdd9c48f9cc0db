/**
 * The mapping config, version 1: a contract saved configs rely on, so keys are only ever added
 * (optional) and the version stays 1. One zod schema gives both the TypeScript
 * type and the runtime check; the settings screen and the proxy validate with this same code.
 */
import { z } from "zod";
import { paymentStatusSchema, sessionStatusSchema } from "../api/proxyApi";
import { checkoutOptionProblems } from "./checkoutOptionRules";
import { checkoutOptionsShape } from "./checkoutOptionsSchema";
import { taxOptionProblems } from "../tax/taxOptionRules";
import { taxOptionsShape } from "../tax/taxOptionsSchema";

/** kintone field codes are at most 128 characters. */
const fieldCode = z.string().min(1).max(128);

/** A drop-down's option text; kintone allows any non-empty text. */
const optionText = z.string().min(1).max(1000);
/** A process-management action's name as the app's settings show it. */
const actionName = z.string().min(1).max(1000);

export const valueRefSchema = z.union([
  z.strictObject({ field: fieldCode }),
  z.strictObject({ const: z.union([z.string(), z.number()]) }),
  z.strictObject({ template: z.string().min(1) }),
]);
export type ValueRef = z.infer<typeof valueRefSchema>;

/** Locales Stripe Checkout accepts for `locale`. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale */
export const STRIPE_CHECKOUT_LOCALES = [
  "auto",
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "en-GB",
  "es",
  "es-419",
  "et",
  "fi",
  "fil",
  "fr",
  "fr-CA",
  "hr",
  "hu",
  "id",
  "it",
  "ja",
  "ko",
  "lt",
  "lv",
  "ms",
  "mt",
  "nb",
  "nl",
  "pl",
  "pt",
  "pt-BR",
  "ro",
  "ru",
  "sk",
  "sl",
  "sv",
  "th",
  "tr",
  "vi",
  "zh",
  "zh-HK",
  "zh-TW",
] as const;

/** An absolute http(s) URL, possibly with `{{code}}` placeholders and `{CHECKOUT_SESSION_ID}`. */
const urlTemplate = z
  .string()
  .min(1)
  .max(5000)
  .regex(/^https?:\/\/\S+$/, { message: "must be an absolute http:// or https:// URL" });

const mappingConfigObject = z.strictObject({
  version: z.literal(1),
  source: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("records") }),
    z.strictObject({ type: z.literal("subtable"), field: fieldCode }),
  ]),
  grouping: z.enum(["single", "perRecord"]),
  lineItem: z.strictObject({
    productCode: valueRefSchema.optional(),
    name: valueRefSchema,
    description: valueRefSchema.optional(),
    image: z
      .strictObject({
        field: fieldCode,
        index: z.number().int().min(0).optional(),
        all: z.boolean().optional(),
      })
      .optional(),
    /** Absent only when `priceId` gives the line an existing Stripe Price. */
    unitPrice: valueRefSchema.optional(),
    unitPriceIn: z.enum(["major", "minor"]).optional(),
    quantity: valueRefSchema.optional(),
    minQuantity: valueRefSchema.optional(),
    maxQuantity: valueRefSchema.optional(),
    /** An existing Stripe Price (`price_…`): its amount and currency, not `unitPrice`, are charged. */
    priceId: valueRefSchema.optional(),
    /** The line's consumption tax, a percent: "10", "8" or "0". */
    taxRate: valueRefSchema.optional(),
    /**
     * The line is charged every `intervalCount` (default 1) `interval`s (`day|week|month|year`,
     * from a field or a constant); only with `mode: "subscription"`.
     */
    recurring: z
      .strictObject({ interval: valueRefSchema, intervalCount: valueRefSchema.optional() })
      .optional(),
  }),
  currency: z.union([
    z.string().regex(/^[A-Za-z]{3}$/, { message: "must be a 3-letter ISO 4217 code" }),
    z.strictObject({ field: fieldCode }),
  ]),
  /** Required unless uiMode is embedded (then it must be absent): see checkoutOptionRules. */
  successUrl: urlTemplate.optional(),
  cancelUrl: urlTemplate.optional(),
  expiresAfterMinutes: z.number().int().min(30).max(1440).optional(),
  customerEmail: valueRefSchema.optional(),
  locale: z.enum(STRIPE_CHECKOUT_LOCALES).optional(),
  allowPromotionCodes: z.boolean().optional(),
  billingAddressCollection: z.enum(["auto", "required"]).optional(),
  replaceOpenSession: z.boolean().optional(),
  /** Default false: a record already paid gets no new link (409 RECORD_ALREADY_PAID). */
  allowRepeatPayment: z.boolean().optional(),
  /** Sessions are made with Stripe's `after_expiration.recovery`: an expired link gets a live one. */
  afterExpirationRecovery: z.boolean().optional(),
  writeBack: z.strictObject({
    url: fieldCode.optional(),
    sessionId: fieldCode.optional(),
    status: fieldCode.optional(),
    paymentStatus: fieldCode.optional(),
    expiresAt: fieldCode.optional(),
    amountTotal: fieldCode.optional(),
    paidAt: fieldCode.optional(),
    customerEmail: fieldCode.optional(),
    error: fieldCode.optional(),
    /** Major units, like amountTotal. */
    amountRefunded: fieldCode.optional(),
    paymentIntentId: fieldCode.optional(),
    recoveryUrl: fieldCode.optional(),
    /** The buyer, from the completed session's `customer` and `customer_details`. */
    customerId: fieldCode.optional(),
    customerName: fieldCode.optional(),
    customerPhone: fieldCode.optional(),
    /** One multi-line text each, in the country's usual order. */
    billingAddress: fieldCode.optional(),
    shippingAddress: fieldCode.optional(),
    /** The invoice Stripe issued for a paid session (invoiceCreation); amountTax in major units. */
    invoiceNumber: fieldCode.optional(),
    invoiceUrl: fieldCode.optional(),
    invoicePdfUrl: fieldCode.optional(),
    amountTax: fieldCode.optional(),
    /** A subscription's id, Stripe's state (`active`, `past_due`, `canceled`, …) and its period end (DATETIME). */
    subscriptionId: fieldCode.optional(),
    subscriptionStatus: fieldCode.optional(),
    currentPeriodEnd: fieldCode.optional(),
    /** Custom field key → the field that receives what the buyer entered. */
    customFields: z.record(z.string(), fieldCode).optional(),
  }),
  /**
   * The option texts of the app's drop-downs for each state, e.g. `{ paymentStatus: { paid: "入金済み" } }`;
   * a state without a label is written as its code.
   */
  statusLabels: z
    .strictObject({
      status: z.partialRecord(sessionStatusSchema, optionText).optional(),
      paymentStatus: z.partialRecord(paymentStatusSchema, optionText).optional(),
    })
    .optional(),
  /** kintone process-management action names, run on each of the session's records on that change. */
  processActions: z
    .strictObject({
      paid: actionName.optional(),
      expired: actionName.optional(),
      refunded: actionName.optional(),
    })
    .optional(),
  ...checkoutOptionsShape,
  ...taxOptionsShape,
  /** An existing Stripe customer (`cus_…`), e.g. from a field. */
  customer: valueRefSchema.optional(),
  /** Default payment; subscription: the lines with `lineItem.recurring` are billed every period. */
  mode: z.enum(["payment", "subscription"]).optional(),
});

export const mappingConfigSchema = mappingConfigObject.superRefine((mapping, ctx) => {
  for (const problem of [...checkoutOptionProblems(mapping), ...taxOptionProblems(mapping)])
    ctx.addIssue({ code: "custom", path: problem.path.split("."), message: problem.message });
});

export type MappingConfig = z.infer<typeof mappingConfigSchema>;

export const DEFAULT_EXPIRES_AFTER_MINUTES = 1440;
