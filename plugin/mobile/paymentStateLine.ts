/**
 * The record's payment state in words and colour, large, for the top of the mobile record
 * screen: a billed state (paid, disputed…) wins over the link's state, as it does on the desktop.
 */
import { billedBadge } from "../billing/billedBadge";
import type { RecordCheckout } from "../detail/detailButtonStates";
import type { Messages } from "../i18n/messages";
import { element } from "../ui/element";

export const PAYMENT_STATE_CLASS = "kintone-stripe-checkout-mobile-state";

function linkStateText(status: string | undefined, messages: Messages): string {
  switch (status) {
    case "open":
      return messages.statusOpen;
    case "complete":
      return messages.statusComplete;
    case "expired":
      return messages.statusExpired;
    case undefined:
      return messages.statusNone;
    default:
      return status;
  }
}

export function paymentStateLine(
  doc: Document,
  checkout: RecordCheckout,
  messages: Messages,
): HTMLElement {
  const pill =
    checkout.billed !== undefined
      ? billedBadge(doc, checkout.billed, messages)
      : element(doc, "span", {
          className: `kintone-stripe-checkout-status-pill kintone-stripe-checkout-status-${checkout.status ?? "none"}`,
          text: linkStateText(checkout.status, messages),
        });
  return element(doc, "div", { className: PAYMENT_STATE_CLASS, attributes: { role: "status" } }, [
    pill,
  ]);
}
