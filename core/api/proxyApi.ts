/**
 * The proxy's HTTP contract, binding on both sides, as zod schemas: one definition gives each
 * request's and answer's TypeScript type and its runtime check, used by the proxy (to parse what it
 * receives) and by the plugin (to parse what it gets back).
 */
import { z } from "zod";

/** At most this many records per `POST /v1/checkouts`; more go through `/v1/jobs`. */
export const MAX_RECORDS_PER_CHECKOUT_REQUEST = 100;

/**
 * The app a call is bound to. The plug-in's settings store it with `setProxyConfig` as a header
 * for every method, so kintone adds it server-side to every `kintone.plugin.app.proxy` call of that
 * app and a user cannot change it (a stored header wins over the page's). When it is present the
 * proxy acts on that app only; without it (an older saved config, a script with the secret) it
 * acts as before. https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/
 */
export const APP_BINDING_HEADER = "X-Kintone-App-Id";

/** kintone ids arrive as strings (stored proxy config values are strings); numbers are tolerated. */
const numericId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().regex(/^\d+$/, { error: "must be a numeric id" }));

export const recordRefSchema = z.object({ id: numericId, revision: numericId.optional() });

export const createCheckoutsBodySchema = z.object({
  appId: numericId,
  records: z
    .array(recordRefSchema)
    .min(1, { error: "choose at least one record" })
    .max(MAX_RECORDS_PER_CHECKOUT_REQUEST, {
      error: `at most ${MAX_RECORDS_PER_CHECKOUT_REQUEST} records per request; use /v1/jobs for more`,
    })
    .refine((records) => new Set(records.map((r) => r.id)).size === records.length, {
      error: "a record is named twice",
    }),
  mapping: z.string({ error: "must be the mapping as a JSON string" }).min(1),
  dryRun: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .optional()
    .transform((v) => v === true || v === "true"),
});
export type CreateCheckoutsBody = z.input<typeof createCheckoutsBodySchema>;

export const sessionStatusSchema = z.enum(["open", "complete", "expired"]);
export const paymentStatusSchema = z.enum([
  "unpaid",
  "paid",
  "no_payment_required",
  "failed",
  "refunded",
  "partially_refunded",
  "disputed",
  "dispute_lost",
]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/**
 * A record whose newest session has one of these payment states (or is complete and still
 * `unpaid`: an async payment on its way) gets no new link unless the mapping has
 * `allowRepeatPayment`. Fully refunded, failed, expired and unpaid records may be billed again.
 */
export const BILLED_PAYMENT_STATUSES = [
  "paid",
  "no_payment_required",
  "partially_refunded",
  "disputed",
  "dispute_lost",
] as const satisfies readonly PaymentStatus[];

export const createdSessionSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  expiresAt: z.string(),
  recordIds: z.array(z.string()),
  currency: z.string(),
  amountTotal: z.number().int(),
  replaced: z.array(z.string()),
  /** Stripe's client secret of an embedded session (its `url` is null); null for hosted ones. */
  clientSecret: z.string().nullable().optional(),
});
export type CreatedSession = z.infer<typeof createdSessionSchema>;
export const createCheckoutsAnswerSchema = z.object({ sessions: z.array(createdSessionSchema) });
export type CreateCheckoutsAnswer = z.infer<typeof createCheckoutsAnswerSchema>;

/** Stripe's billing intervals: https://docs.stripe.com/api/prices/create#create_price-recurring-interval */
export const SUBSCRIPTION_INTERVALS = ["day", "week", "month", "year"] as const;
export type SubscriptionInterval = (typeof SUBSCRIPTION_INTERVALS)[number];
export const recurringSchema = z.object({
  interval: z.enum(SUBSCRIPTION_INTERVALS),
  intervalCount: z.number().int().min(1),
});
export type Recurring = z.infer<typeof recurringSchema>;

export const previewLineItemSchema = z.object({
  recordId: z.string(),
  row: z.number().int().optional(),
  productCode: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  unitAmount: z.number().int(),
  quantity: z.number().int(),
  minQuantity: z.number().int().optional(),
  maxQuantity: z.number().int().optional(),
  imageCount: z.number().int(),
  /** The line's tax percent, e.g. "10" or "8"; absent without a tax rate. */
  taxRate: z.string().optional(),
  /** A subscription line: charged every `intervalCount` `interval`s ("¥5,000 / month"). */
  recurring: recurringSchema.optional(),
});
export type PreviewLineItem = z.infer<typeof previewLineItemSchema>;
export const previewSessionSchema = z.object({
  recordIds: z.array(z.string()),
  currency: z.string(),
  amountTotal: z.number().int(),
  /** Tax included in or added to amountTotal, minor units; 0 without tax. */
  amountTax: z.number().int().optional(),
  /** One entry per rate; taxableAmount is the lines' sum at that rate as the prices are given. */
  taxes: z
    .array(
      z.object({
        ratePercent: z.string(),
        amount: z.number().int(),
        taxableAmount: z.number().int().optional(),
      }),
    )
    .optional(),
  lineItems: z.array(previewLineItemSchema),
});
export type PreviewSession = z.infer<typeof previewSessionSchema>;
export const previewAnswerSchema = z.object({
  preview: z.object({ sessions: z.array(previewSessionSchema) }),
});
export type PreviewAnswer = z.infer<typeof previewAnswerSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  url: z.string().nullable(),
  status: sessionStatusSchema,
  paymentStatus: paymentStatusSchema,
  amountTotal: z.number().int().nullable(),
  currency: z.string().nullable(),
  customerEmail: z.string().nullable(),
  expiresAt: z.string(),
  appId: z.string().nullable(),
  recordIds: z.array(z.string()),
  /** Minor units, cumulative; present once something was refunded. */
  amountRefunded: z.number().int().optional(),
  /** An expired session's recovery link (`afterExpirationRecovery`). */
  recoveryUrl: z.string().optional(),
  /** A subscription-mode session's subscription, once paid: its id, Stripe's state, period end (ISO 8601). */
  subscriptionId: z.string().optional(),
  subscriptionStatus: z.string().optional(),
  currentPeriodEnd: z.string().optional(),
  cancelAtPeriodEnd: z.boolean().optional(),
  /** An open embedded session's client secret, for Stripe.js on the record screen. */
  clientSecret: z.string().optional(),
});
export type SessionViewAnswer = z.infer<typeof sessionViewSchema>;
export const sessionAnswerSchema = z.object({ session: sessionViewSchema });
/** GET /v1/checkouts/:id and POST …/sync, …/expire. */
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;
export const sessionListAnswerSchema = z.object({
  sessions: z.array(sessionViewSchema),
  hasMore: z.boolean(),
});
/** GET /v1/checkouts. */
export type SessionListAnswer = z.infer<typeof sessionListAnswerSchema>;

/** POST /v1/subscriptions/:id/cancel: at the period's end (default) or now. */
export const cancelSubscriptionBodySchema = z.object({ atPeriodEnd: z.boolean().optional() });
export type CancelSubscriptionBody = z.infer<typeof cancelSubscriptionBodySchema>;
export const subscriptionViewSchema = z.object({
  id: z.string(),
  /** Stripe's: `active`, `past_due`, `canceled`, `incomplete`, `trialing`, `unpaid`, … */
  status: z.string(),
  cancelAtPeriodEnd: z.boolean(),
  /** ISO 8601; null once canceled without a period. */
  currentPeriodEnd: z.string().nullable(),
  appId: z.string().nullable(),
  recordIds: z.array(z.string()),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
export const subscriptionAnswerSchema = z.object({ subscription: subscriptionViewSchema });
export type SubscriptionAnswer = z.infer<typeof subscriptionAnswerSchema>;

export const jobStatusSchema = z.enum([
  "queued",
  "running",
  "succeeded",
  "partially_failed",
  "failed",
]);
export const jobSchema = z.object({
  id: z.string(),
  status: jobStatusSchema,
  total: z.number().int().optional(),
  done: z.number().int().optional(),
  failed: z.number().int().optional(),
  errors: z
    .array(z.object({ recordId: z.string(), code: z.string(), message: z.string() }))
    .optional(),
  /** When the job was submitted (ISO 8601), so a list of recent jobs can say so. */
  createdAt: z.string().optional(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobAnswerSchema = z.object({ job: jobSchema });
/** GET /v1/jobs?appId=&limit=: the app's recent jobs, newest first. */
export const jobListAnswerSchema = z.object({ jobs: z.array(jobSchema) });
export type JobListAnswer = z.infer<typeof jobListAnswerSchema>;

export const diagnosticsAnswerSchema = z.object({
  stripe: z.object({
    ok: z.boolean(),
    mode: z.enum(["test", "live"]),
    keyType: z.enum(["restricted", "secret"]),
    problems: z.array(z.string()),
  }),
  kintone: z.object({
    ok: z.boolean(),
    apps: z.array(z.object({ appId: z.string(), ok: z.boolean(), problems: z.array(z.string()) })),
  }),
});
export type DiagnosticsAnswer = z.infer<typeof diagnosticsAnswerSchema>;

/** Every code the proxy answers with, in `{ error: { code } }` and in a job's record errors. */
// prettier-ignore
export const errorCodeSchema = z.enum([
  // 400 a malformed request; 401 no proxy secret or a wrong one (400: a bad webhook signature).
  "BAD_REQUEST", "UNAUTHORIZED",
  // 404 a kintone record (details name them) or a Stripe session unknown, or another app's;
  // 409 a record's revision is not the one given, or the session is no longer open, or the record
  // is already paid (details: `alreadyPaidDetailSchema`);
  // 422 records the mapping cannot turn into a checkout (details say where).
  "RECORD_NOT_FOUND", "SESSION_NOT_FOUND", "RECORD_CHANGED", "SESSION_NOT_OPEN", "RECORD_ALREADY_PAID",
  "VALIDATION_FAILED",
  // 502 Stripe or kintone refused or failed.
  "STRIPE_ERROR", "KINTONE_ERROR",
  // 404 no such route, or an unknown job id; 429 over a per-client limit (with Retry-After);
  // 500 the proxy failed (the detail is in its log only); 503 POST /v1/stripe/webhook without
  // STRIPE_WEBHOOK_SECRET.
  "NOT_FOUND", "RATE_LIMITED", "INTERNAL", "WEBHOOK_NOT_CONFIGURED",
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** `RECORD_ALREADY_PAID` details: the record, the session that billed it and its payment state. */
export const alreadyPaidDetailSchema = z.object({
  recordId: z.string(),
  sessionId: z.string(),
  paymentStatus: paymentStatusSchema,
});
export type AlreadyPaidDetail = z.infer<typeof alreadyPaidDetailSchema>;

/** `VALIDATION_FAILED` details: which record, row and field, and why. */
export const validationDetailSchema = z.object({
  recordId: z.string(),
  row: z.number().int().optional(),
  field: z.string(),
  code: z.string().optional(),
  message: z.string(),
});
export type ValidationDetail = z.infer<typeof validationDetailSchema>;

/**
 * Every error answer: `{ error: { code, message, details } }`. Codes outside `errorCodeSchema`
 * (a newer proxy's) pass: the caller shows them as they come.
 */
export const errorAnswerSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.unknown()).optional(),
  }),
});
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
