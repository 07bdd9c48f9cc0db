/**
 * Stripe's rules for Checkout in subscription mode, as engine issues raised before Stripe is
 * called: the mapping's own (naming the mapping key) and a session's (naming the line's record,
 * row and field).
 */
import type { Issue, PlannedLineItem } from "../engine/CheckoutPlan";
import { makeIssue } from "../engine/resolveValue";
import type { MappingConfig } from "../mapping/MappingConfig";
import { INTERVAL_ELEMENT } from "./resolveRecurring";
import {
  MAX_ONE_TIME_LINE_ITEMS_IN_SUBSCRIPTION,
  MAX_RECURRING_LINE_ITEMS,
  ONE_TIME_ONLY_PAYMENT_METHOD_TYPES,
} from "./subscriptionLimits";
import { subscriptionIssueMessages } from "./subscriptionIssueMessages";

const mappingIssue = (key: string, code: Issue["code"], message: Issue["message"]): Issue =>
  makeIssue({ recordId: "" }, key, code, message);

/** What the mapping alone tells: options Stripe refuses in subscription mode, an interval without it. */
export function subscriptionMappingIssues(mapping: MappingConfig): Issue[] {
  if (mapping.mode !== "subscription") {
    if (mapping.lineItem.recurring === undefined) return [];
    const message = subscriptionIssueMessages.recurringWithoutSubscription();
    return [mappingIssue("lineItem.recurring", "RECURRING_WITHOUT_SUBSCRIPTION", message)];
  }
  const issues: Issue[] = [];
  const oneTimeOnly = (mapping.paymentMethodTypes ?? []).filter((method) =>
    ONE_TIME_ONLY_PAYMENT_METHOD_TYPES.includes(method),
  );
  if (oneTimeOnly.length > 0) {
    const key = "paymentMethodTypes";
    const message = subscriptionIssueMessages.paymentMethodNotForSubscriptions(
      key,
      oneTimeOnly.join(", "),
    );
    issues.push(mappingIssue(key, "NOT_FOR_SUBSCRIPTIONS", message));
  }
  // "invoice_creation: Generate a post-purchase Invoice for one-time payments" (a subscription
  // issues its own invoices); customer_creation "can only be set in payment and setup mode".
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-invoice_creation
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-customer_creation
  if (mapping.invoiceCreation?.enabled) {
    const message = subscriptionIssueMessages.optionNotForSubscriptions("invoiceCreation");
    issues.push(mappingIssue("invoiceCreation", "NOT_FOR_SUBSCRIPTIONS", message));
  }
  if (mapping.customerCreation !== undefined) {
    const message = subscriptionIssueMessages.optionNotForSubscriptions("customerCreation");
    issues.push(mappingIssue("customerCreation", "NOT_FOR_SUBSCRIPTIONS", message));
  }
  return issues;
}

/** Where a line's period came from: its Price, the interval's field, or the mapping element. */
function periodField(mapping: MappingConfig, item: PlannedLineItem): string {
  const { priceId, recurring } = mapping.lineItem;
  if (item.priceId !== undefined) return priceId && "field" in priceId ? priceId.field : "priceId";
  const interval = recurring?.interval;
  return interval && "field" in interval ? interval.field : INTERVAL_ELEMENT;
}

const where = (item: PlannedLineItem) => ({ recordId: item.recordId, row: item.row });
const periodOf = (item: PlannedLineItem): string =>
  item.recurring
    ? item.recurring.intervalCount === 1
      ? item.recurring.interval
      : `${item.recurring.intervalCount} ${item.recurring.interval}`
    : "";

/**
 * A subscription session's lines (every line resolved): at least one recurring, at most 20
 * recurring and 20 one-time (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items),
 * all on one period: Stripe bills items of different intervals on one subscription only in
 * flexible billing mode, through the Subscriptions API, not Checkout
 * (https://docs.stripe.com/billing/subscriptions/mixed-interval).
 */
export function subscriptionSessionIssues(
  mapping: MappingConfig,
  items: PlannedLineItem[],
): Issue[] {
  if (mapping.mode !== "subscription" || items.length === 0) return [];
  const recurring = items.filter((item) => item.recurring !== undefined);
  const oneTime = items.filter((item) => item.recurring === undefined);
  const first = recurring[0];
  if (!first) {
    const message = subscriptionIssueMessages.noRecurringLine();
    return [
      makeIssue(where(items[0]!), "lineItem.recurring", "SUBSCRIPTION_WITHOUT_RECURRING", message),
    ];
  }
  const issues: Issue[] = [];
  const tableOrRecords = mapping.source.type === "subtable" ? mapping.source.field : "records";
  const overflow = (lines: PlannedLineItem[], max: number, kind: "recurring" | "oneTime") => {
    const extra = lines[max];
    if (!extra) return;
    const message = subscriptionIssueMessages.tooManyRecurringLines(kind, lines.length, max);
    issues.push(makeIssue(where(extra), tableOrRecords, "TOO_MANY_LINE_ITEMS", message));
  };
  overflow(recurring, MAX_RECURRING_LINE_ITEMS, "recurring");
  overflow(oneTime, MAX_ONE_TIME_LINE_ITEMS_IN_SUBSCRIPTION, "oneTime");
  const other = recurring.find((item) => periodOf(item) !== periodOf(first));
  if (other) {
    const message = subscriptionIssueMessages.mixedIntervals(periodOf(first), periodOf(other));
    issues.push(makeIssue(where(other), periodField(mapping, other), "MIXED_INTERVALS", message));
  }
  return issues;
}
