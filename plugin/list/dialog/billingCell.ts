/** The list dialog's payment cell: a billed record's badge and, when it cannot be chosen, why. */
import type { BilledState } from "../../billing/billedState";
import { BILLED_CLASS, billedBadge } from "../../billing/billedBadge";
import { billedReason } from "../../i18n/billedStateLabel";
import type { Messages } from "../../i18n/messages";
import { element } from "../../ui/element";

/**
 * Empty for a record not billed; `blocked`: the record gets no new link, so why shows under the
 * badge (how to allow it is said once, above the table).
 */
export function billingCell(
  doc: Document,
  state: BilledState | undefined,
  blocked: boolean,
  messages: Messages,
): HTMLTableCellElement {
  if (state === undefined) return element(doc, "td");
  return element(doc, "td", {}, [
    billedBadge(doc, state, messages),
    blocked &&
      element(doc, "div", {
        className: `${BILLED_CLASS}-reason`,
        text: billedReason(state, messages)[0],
      }),
  ]);
}
