/** Under a disabled Create: the record's billed state, why no new link, and how to allow one. */
import type { BilledState } from "../billing/billedState";
import type { Messages } from "../i18n/messages";
import { billedBadge } from "../billing/billedBadge";
import { element } from "../ui/element";

export const BLOCKED_CAPTION_CLASS = "kintone-stripe-checkout-detail-blocked";

export function blockedCaption(
  doc: Document,
  state: BilledState,
  reasons: string[],
  messages: Messages,
): HTMLElement {
  return element(doc, "div", { className: BLOCKED_CAPTION_CLASS }, [
    billedBadge(doc, state, messages),
    ...reasons.map((text) => element(doc, "div", { text })),
  ]);
}
