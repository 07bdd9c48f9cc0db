/**
 * What the engine makes of records + mapping: sessions of line items ready for Stripe, or the
 * issues that stop them. Amounts are integers in the currency's minor units, as Stripe counts them.
 */
import type { KintoneFile } from "../kintone/KintoneRecord";
import type { TaxBehavior, TaxPerRate } from "../tax/computeTaxes";
import type { TaxPercent } from "../tax/taxPercent";
import type { Recurring } from "../api/proxyApi";

export interface PlannedLineItem {
  recordId: string;
  /** 1-based subtable row as the user sees it; absent in `records` mode. */
  row?: number;
  productCode?: string;
  name: string;
  description?: string;
  /** Minor units, as the mapping gives prices: tax included unless the session's taxBehavior is exclusive. */
  unitAmount: number;
  quantity: number;
  minQuantity?: number;
  maxQuantity?: number;
  /** Attachment files chosen as product images, in order (at most 8). */
  images: KintoneFile[];
  /** An existing Stripe Price the line charges (`line_items[].price`); unitAmount is its amount. */
  priceId?: string;
  /** The line's consumption tax percent (`lineItem.taxRate`); absent: no tax rate. */
  taxRate?: TaxPercent;
  /** A subscription line (`lineItem.recurring`, mode subscription): billed every period; absent: once. */
  recurring?: Recurring;
}

/** An existing Stripe Price as read from Stripe, for lines that name one (`lineItem.priceId`). */
export interface KnownPrice {
  /** Minor units; null for prices Stripe computes (tiers, customer-chosen amounts). */
  unitAmount: number | null;
  /** Lower-case ISO 4217. */
  currency: string;
  active: boolean;
  /** A subscription price cannot be charged once. */
  recurring: boolean;
  /** A recurring price's period, as Stripe gives it (`recurring.interval`, `interval_count`). */
  recurringInterval?: Recurring;
}

/** What the engine knows beyond records and mapping. */
export interface PlanContext {
  /** The Prices the lines' `priceId` values name, by id; an id missing here is an issue. */
  prices?: ReadonlyMap<string, KnownPrice>;
}

export interface PlannedSession {
  recordIds: string[];
  /** Lower-case ISO 4217, as Stripe returns it. */
  currency: string;
  /** What the buyer pays, minor units: sum of unitAmount × quantity, plus the tax when exclusive. */
  amountTotal: number;
  /** Tax included in (inclusive) or added to (exclusive) the total, minor units; 0 without rates. */
  amountTax: number;
  /** One entry per rate the lines carry, highest first. */
  taxes: TaxPerRate[];
  taxBehavior: TaxBehavior;
  lineItems: PlannedLineItem[];
  /** `{{code}}` placeholders filled from the session's first record; `{CHECKOUT_SESSION_ID}` kept. */
  /** Absent for embedded sessions, which have `returnUrl` instead. */
  successUrl?: string;
  cancelUrl?: string;
  returnUrl?: string;
  customerEmail?: string;
  /** An existing Stripe customer (`cus_…`) from the session's first record. */
  customer?: string;
  /** `subscription` when the mapping's mode is; absent: a one-time payment. */
  mode?: "subscription";
}

export type IssueCode =
  | "EMPTY_SELECTION"
  | "FIELD_NOT_FOUND"
  | "FIELD_TYPE_UNSUPPORTED"
  | "REQUIRED"
  | "NOT_A_NUMBER"
  | "NOT_AN_INTEGER"
  | "TOO_MANY_DECIMALS"
  | "OUT_OF_RANGE"
  | "QUANTITY_RANGE"
  | "UNKNOWN_CURRENCY"
  | "CURRENCY_MISMATCH"
  | "AMOUNT_BELOW_MINIMUM"
  | "AMOUNT_ABOVE_MAXIMUM"
  | "TOO_MANY_LINE_ITEMS"
  | "NOT_AN_IMAGE"
  | "IMAGE_NOT_FOUND"
  | "TOO_LONG"
  | "INVALID_EMAIL"
  | "INVALID_URL"
  /** Konbini or PayPay for a currency other than JPY. */
  | "PAYMENT_METHOD_CURRENCY"
  | "INVALID_PRICE_ID"
  | "PRICE_NOT_FOUND"
  | "PRICE_UNSUPPORTED"
  | "INVALID_CUSTOMER_ID"
  /** lineItem.taxRate is not 10, 8 or 0. */
  | "INVALID_TAX_RATE"
  /** invoiceCreation's registration number is not T + 13 digits. */
  | "INVALID_REGISTRATION_NUMBER"
  /** lineItem.recurring's interval is not day, week, month or year (nor 日/週/月/年). */
  | "INVALID_INTERVAL"
  /** Subscription mode, but no line is billed every period. */
  | "SUBSCRIPTION_WITHOUT_RECURRING"
  /** lineItem.recurring without subscription mode. */
  | "RECURRING_WITHOUT_SUBSCRIPTION"
  /** An option Stripe refuses in subscription mode (konbini, PayPay, invoiceCreation, customerCreation). */
  | "NOT_FOR_SUBSCRIPTIONS"
  /** Recurring lines of one subscription on different periods. */
  | "MIXED_INTERVALS"
  /** The mapping itself fails its schema (callers should have run parseMappingConfig first). */
  | "INVALID_MAPPING";

/** One reason a record cannot become valid line items. */
export interface Issue {
  recordId: string;
  /** 1-based subtable row, when the problem is in a row. */
  row?: number;
  /** The kintone field code at fault (or the mapping element when no single field is). */
  field: string;
  code: IssueCode;
  /** For the user, in English and Japanese. */
  message: { en: string; ja: string };
}

export type CheckoutPlan =
  { ok: true; sessions: PlannedSession[] } | { ok: false; issues: Issue[] };
