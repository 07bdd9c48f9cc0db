/**
 * One checkout session from its records' line drafts: one currency, at most 100 items, a total
 * Stripe will charge, record ids that fit in metadata, and URLs / e-mail filled from the first record.
 */
import { MAX_AMOUNT } from "../money/currencies";
import { formatMinorUnits } from "../money/toMinorUnits";
import type { MappingConfig } from "../mapping/MappingConfig";
import { isHttpUrl } from "../mapping/parseMappingConfig";
import type { Issue, PlannedSession } from "./CheckoutPlan";
import type { LineDraft } from "./buildLineItem";
import { issueMessages } from "./issueMessages";
import { MAX_EMAIL, MAX_LINE_ITEMS, MAX_METADATA_VALUE, MAX_URL } from "./limits";
import { paymentMethodCurrencyIssues, resolveCustomer, resolveSessionText } from "./sessionOptions";
import { fillTemplate, issueAt, makeIssue, type LineContext } from "./resolveValue";
import { wellFormedText } from "./wellFormedText";
import { computeTaxes } from "../tax/computeTaxes";
import { subscriptionSessionIssues } from "../subscription/subscriptionIssues";

/** A record of the session: its id, its fields, and the drafts of its lines (if all resolved). */
export interface SessionRecord {
  ctx: LineContext;
  drafts: LineDraft[];
  /** False when some line of this record has issues: totals are then not meaningful. */
  complete: boolean;
}

/** Something@domain.tld, no spaces or characters an address never holds unquoted. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

export function isPlausibleEmail(text: string): boolean {
  return text.length <= MAX_EMAIL && EMAIL.test(text) && !text.includes("..");
}

export function buildSession(
  records: SessionRecord[],
  mapping: MappingConfig,
): { session?: PlannedSession; issues: Issue[] } {
  const first = records[0];
  if (!first) return { issues: [] };
  const issues: Issue[] = [];
  const drafts = records.flatMap((r) => r.drafts);
  const recordIds = records.map((r) => r.ctx.recordId);

  const currency = drafts[0]?.currency;
  for (const draft of drafts) {
    if (currency && draft.currency.code !== currency.code) {
      const where = { recordId: draft.item.recordId, row: draft.item.row };
      const message = issueMessages.currencyMismatch(
        draft.currencyField,
        draft.currency.code,
        currency.code,
      );
      issues.push(makeIssue(where, draft.currencyField, "CURRENCY_MISMATCH", message));
    }
  }

  const overflow = drafts[MAX_LINE_ITEMS];
  if (overflow) {
    const field = mapping.source.type === "subtable" ? mapping.source.field : "records";
    const where = { recordId: overflow.item.recordId, row: overflow.item.row };
    issues.push(
      makeIssue(
        where,
        field,
        "TOO_MANY_LINE_ITEMS",
        issueMessages.tooManyLineItems(drafts.length, MAX_LINE_ITEMS),
      ),
    );
  }

  issues.push(...recordIdProblems(records));
  if (records.every((r) => r.complete))
    issues.push(
      ...subscriptionSessionIssues(
        mapping,
        drafts.map((d) => d.item),
      ),
    );

  // Totals only mean something when every line resolved, in one currency.
  const subtotal = drafts.reduce(
    (sum, d) => sum + BigInt(d.item.unitAmount) * BigInt(d.item.quantity),
    0n,
  );
  const taxBehavior = mapping.taxBehavior ?? "inclusive";
  const tax = computeTaxes(
    drafts.map((d) => ({
      amount: d.item.unitAmount * d.item.quantity,
      ratePercent: d.item.taxRate,
    })),
    taxBehavior,
  );
  // Exclusive tax is added to what the buyer pays; Stripe's limits apply to that total.
  const total = taxBehavior === "exclusive" ? subtotal + BigInt(tax.amountTax) : subtotal;
  const allComplete = records.every((r) => r.complete) && issues.length === 0;
  if (currency && allComplete) {
    const { unitPrice } = mapping.lineItem;
    const priceField = unitPrice && "field" in unitPrice ? unitPrice.field : "unitPrice";
    if (total > BigInt(MAX_AMOUNT)) {
      const message = issueMessages.totalAboveMaximum(
        formatMinorUnits(total, currency.code),
        formatMinorUnits(MAX_AMOUNT, currency.code),
        currency.code,
      );
      issues.push(issueAt(first.ctx, priceField, "AMOUNT_ABOVE_MAXIMUM", message));
    } else if (total < BigInt(currency.minimumCharge)) {
      const message = issueMessages.totalBelowMinimum(
        formatMinorUnits(total, currency.code),
        formatMinorUnits(currency.minimumCharge, currency.code),
        currency.code,
      );
      issues.push(issueAt(first.ctx, priceField, "AMOUNT_BELOW_MINIMUM", message));
    }
  }

  issues.push(...paymentMethodCurrencyIssues(mapping, drafts));
  const optionalUrl = (key: "successUrl" | "cancelUrl" | "returnUrl") => {
    const template = mapping[key];
    return template === undefined ? undefined : fillUrl(template, key, first.ctx, issues);
  };
  const successUrl = optionalUrl("successUrl");
  const cancelUrl = optionalUrl("cancelUrl");
  const returnUrl = optionalUrl("returnUrl");
  const customerEmail = resolveEmail(mapping.customerEmail, first.ctx, issues);
  const customer = resolveCustomer(mapping.customer, first.ctx, issues);
  const hasItsUrl = mapping.uiMode === "embedded" ? returnUrl : successUrl;

  if (issues.length > 0 || !currency || !allComplete || hasItsUrl === undefined) return { issues };
  const session: PlannedSession = {
    recordIds,
    currency: currency.code,
    amountTotal: Number(total),
    amountTax: tax.amountTax,
    taxes: tax.taxes,
    taxBehavior,
    lineItems: drafts.map((d) => d.item),
  };
  if (successUrl !== undefined) session.successUrl = successUrl;
  if (cancelUrl !== undefined) session.cancelUrl = cancelUrl;
  if (returnUrl !== undefined) session.returnUrl = returnUrl;
  if (customerEmail !== undefined) session.customerEmail = customerEmail;
  if (customer !== undefined) session.customer = customer;
  if (mapping.mode === "subscription") session.mode = "subscription";
  return { session, issues };
}

/** The proxy keeps the session's record ids, joined by ",", in one metadata value (≤ 500 characters). */
function recordIdProblems(records: SessionRecord[]): Issue[] {
  let length = -1;
  for (const record of records) {
    length += record.ctx.recordId.length + 1;
    if (length > MAX_METADATA_VALUE) {
      const message = issueMessages.recordIdsTooLong(records.length, MAX_METADATA_VALUE);
      return [makeIssue({ recordId: record.ctx.recordId }, "$id", "TOO_LONG", message)];
    }
  }
  return [];
}

/**
 * encodeURIComponent throws on a lone UTF-16 surrogate (possible in any text a user pasted):
 * such a half character becomes U+FFFD first.
 */
export function encodeUrlValue(value: string): string {
  return encodeURIComponent(wellFormedText(value));
}

/** Fills a URL template from the record (values URL-encoded; `{CHECKOUT_SESSION_ID}` kept) and checks the result. */
function fillUrl(
  template: string,
  element: string,
  ctx: LineContext,
  issues: Issue[],
): string | undefined {
  const result = fillTemplate(template, ctx, encodeUrlValue);
  if (!result.ok) {
    issues.push(...result.issues);
    return undefined;
  }
  // The template's own text may hold a lone surrogate too.
  const filled = { text: wellFormedText(result.text) };
  if (!isHttpUrl(filled.text)) {
    issues.push(
      issueAt(ctx, element, "INVALID_URL", issueMessages.invalidUrl(element, filled.text)),
    );
    return undefined;
  }
  if (filled.text.length > MAX_URL) {
    issues.push(
      issueAt(
        ctx,
        element,
        "TOO_LONG",
        issueMessages.urlTooLong(element, filled.text.length, MAX_URL),
      ),
    );
    return undefined;
  }
  return filled.text;
}

/** The buyer's e-mail, prefilled on the checkout page; empty means "let the buyer type it". */
function resolveEmail(
  ref: MappingConfig["customerEmail"],
  ctx: LineContext,
  issues: Issue[],
): string | undefined {
  const resolved = resolveSessionText(ref, ctx, "customerEmail", issues);
  if (resolved === undefined) return undefined;
  const { text, field } = resolved;
  if (!isPlausibleEmail(text)) {
    issues.push(issueAt(ctx, field, "INVALID_EMAIL", issueMessages.invalidEmail(field, text)));
    return undefined;
  }
  return text;
}
