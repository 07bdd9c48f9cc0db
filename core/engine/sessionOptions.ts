/** The session-wide Checkout options that depend on the records: the customer, and methods bound to one currency. */
import type { MappingConfig, ValueRef } from "../mapping/MappingConfig";
import { JPY_ONLY_PAYMENT_METHOD_TYPES } from "../mapping/stripeCheckoutCodes";
import type { Issue } from "./CheckoutPlan";
import type { LineDraft } from "./buildLineItem";
import { issueMessages } from "./issueMessages";
import { issueAt, makeIssue, resolveText, type LineContext } from "./resolveValue";

const CUSTOMER_ID = /^cus_[A-Za-z0-9]+$/;

/**
 * A session-wide text from the first record, trimmed: undefined when the mapping or the record
 * gives none (Stripe reads "" as unset), else the text and the field it came from.
 */
export function resolveSessionText(
  ref: ValueRef | undefined,
  ctx: LineContext,
  element: string,
  issues: Issue[],
): { text: string; field: string } | undefined {
  if (ref === undefined) return undefined;
  const resolved = resolveText(ref, ctx, element);
  if (!resolved.ok) {
    issues.push(...resolved.issues);
    return undefined;
  }
  const text = resolved.value.text.trim();
  return text === "" ? undefined : { text, field: resolved.value.field };
}

/** An existing Stripe customer from the record; empty means none. */
export function resolveCustomer(
  ref: MappingConfig["customer"],
  ctx: LineContext,
  issues: Issue[],
): string | undefined {
  const resolved = resolveSessionText(ref, ctx, "customer", issues);
  if (resolved === undefined) return undefined;
  const { text: id, field } = resolved;
  if (!CUSTOMER_ID.test(id)) {
    issues.push(
      issueAt(ctx, field, "INVALID_CUSTOMER_ID", issueMessages.invalidCustomerId(field, id)),
    );
    return undefined;
  }
  return id;
}

/**
 * Konbini and PayPay take JPY only (https://docs.stripe.com/payments/konbini,
 * https://docs.stripe.com/payments/paypay): each line in another currency is an issue of its
 * record, naming the field its currency came from ("currency" for the mapping's constant).
 */
export function paymentMethodCurrencyIssues(mapping: MappingConfig, drafts: LineDraft[]): Issue[] {
  const bound = (mapping.paymentMethodTypes ?? []).filter((method) =>
    JPY_ONLY_PAYMENT_METHOD_TYPES.includes(method),
  );
  if (bound.length === 0) return [];
  return drafts
    .filter((draft) => draft.currency.code !== "jpy")
    .map((draft) =>
      makeIssue(
        { recordId: draft.item.recordId, row: draft.item.row },
        draft.currencyField,
        "PAYMENT_METHOD_CURRENCY",
        issueMessages.paymentMethodCurrency(
          bound.join(", "),
          draft.currencyField,
          draft.currency.code,
        ),
      ),
    );
}
