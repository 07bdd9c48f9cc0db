import type { PreviewSession } from "../../core/api/proxyApi";
import type { Messages } from "../i18n/messages";
import { element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";

/**
 * The rows a session with tax rates shows above its total, as its invoice will: the subtotal
 * (the lines as priced), then per rate the amount at that rate and its tax, included in the
 * prices (税込) or added to them (税抜). None for a session without rates.
 */
/** Exclusive tax is what the total adds to the lines; inclusive tax leaves them equal. */
function taxIsAdded(session: PreviewSession): boolean {
  const subtotal = session.lineItems.reduce(
    (sum, item) => sum + item.unitAmount * item.quantity,
    0,
  );
  return (session.amountTax ?? 0) > 0 && session.amountTotal > subtotal;
}

/** The unit price column's header: prices as given, tax included unless the session adds it. */
export function unitPriceHeader(session: PreviewSession, messages: Messages): string {
  return taxIsAdded(session)
    ? messages.previewUnitPriceExclusiveHeader
    : messages.previewUnitPriceHeader;
}

export function renderPreviewTaxRows(
  document: Document,
  session: PreviewSession,
  messages: Messages,
  money: (amount: number) => string,
): HTMLElement[] {
  const taxes = session.taxes ?? [];
  if (taxes.length === 0) return [];
  const subtotal = session.lineItems.reduce(
    (sum, item) => sum + item.unitAmount * item.quantity,
    0,
  );
  const included = !taxIsAdded(session);
  const row = (className: string, label: string, amount: number) =>
    element(document, "tr", { className }, [
      element(document, "td", { text: label, attributes: { colspan: "4" } }),
      element(document, "td", { className: "number", text: money(amount) }),
    ]);
  return [
    row("kintone-stripe-checkout-session-subtotal", messages.previewSubtotal, subtotal),
    ...taxes.map((tax) =>
      row(
        "kintone-stripe-checkout-session-tax",
        fillTemplate(included ? messages.previewTaxIncluded : messages.previewTaxAdded, {
          rate: tax.ratePercent,
          taxable: money(tax.taxableAmount ?? 0),
        }),
        tax.amount,
      ),
    ),
  ];
}
