/** A billed record's state as a badge, on the list dialog and the record screen. */
import { billedStateLabel } from "../i18n/billedStateLabel";
import type { Messages } from "../i18n/messages";
import { element } from "../ui/element";
import type { BilledState } from "./billedState";

export const BILLED_CLASS = "kintone-stripe-checkout-billed";

/** A pill like the status's, coloured by the state ("Paid" green, "Disputed" red…). */
export function billedBadge(doc: Document, state: BilledState, messages: Messages): HTMLElement {
  return element(doc, "span", {
    className: `kintone-stripe-checkout-status-pill ${BILLED_CLASS}-badge ${BILLED_CLASS}-${state}`,
    text: billedStateLabel(state, messages),
  });
}
