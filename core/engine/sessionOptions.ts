/** The session-wide Checkout options that depend on the records: the customer, and methods bound to one currency. */
import type { MappingConfig } from "../mapping/MappingConfig";
import { JPY_ONLY_PAYMENT_METHOD_TYPES } from "../mapping/stripeCheckoutCodes";
import type { Issue } from "./CheckoutPlan";
import type { LineDraft } from "./buildLineItem";
import { issueMessages } from "./issueMessages";
import { issueAt, makeIssue, resolveText, type LineContext } from "./resolveValue";

const CUSTOMER_ID = /^cus_[A-Za-z0-9]+$/;

/** An existing Stripe customer from the record; empty means none (Stripe reads "" as unset). */
export function resolveCustomer(
  ref: MappingConfig["customer"],
  ctx: LineContext,
  issues: Issue[],
): string | undefined {
  if (ref === undefined) return undefined;
  const resolved = resolveText(ref, ctx, "customer");
  if (!resolved.ok) {
    issues.push(...resolved.issues);
    return undefined;
  }
  const id = resolved.value.text.trim();
  if (id === "") return undefined;
  if (!CUSTOMER_ID.test(id)) {
    const { field } = resolved.value;
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
