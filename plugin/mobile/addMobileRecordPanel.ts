/**
 * The record detail screen of kintone mobile: the payment state in words and colour, the link
 * (readable, shareable through the phone's share sheet), and the desktop's own record actions —
 * create / re-issue, refresh, expire, copy, QR code — with their rules, confirmations and
 * messages, laid out for a thumb by mobile.css.
 */
import { addDetailButtons, type DetailButtonsOptions } from "../detail/addDetailButtons";
import { detailButtonStates, readRecordCheckout } from "../detail/detailButtonStates";
import { button, element } from "../ui/element";
import { paymentStateLine } from "./paymentStateLine";
import { canShare, shareLink } from "./shareLink";

export const MOBILE_PANEL_ID = "kintone-stripe-checkout-mobile";
export const MOBILE_CLASS = "kintone-stripe-checkout-mobile";

export interface MobileRecordPanelOptions extends DetailButtonsOptions {
  /** The browser's navigator (its share sheet); the page's by default. */
  navigator?: Navigator;
}

export function addMobileRecordPanel(
  space: HTMLElement | null,
  options: MobileRecordPanelOptions,
): HTMLElement | null {
  if (space === null) return null;
  const doc = space.ownerDocument;
  doc.getElementById(MOBILE_PANEL_ID)?.remove();
  const { messages, settings } = options;
  const panel = element(doc, "section", {
    className: MOBILE_CLASS,
    attributes: { id: MOBILE_PANEL_ID, "aria-label": messages.mobileTitle },
  });
  space.appendChild(panel);
  panel.append(
    element(doc, "h2", { className: `${MOBILE_CLASS}-title`, text: messages.mobileTitle }),
  );
  let onPaymentSettled: DetailButtonsOptions["onPaymentSettled"];
  if (settings !== undefined) {
    const { writeBack, statusLabels } = settings.mapping;
    const checkout = readRecordCheckout(options.record, writeBack, statusLabels);
    let state = paymentStateLine(doc, checkout, messages);
    // A closed session's link is shown as text only: nobody should be sent a dead link.
    const live = detailButtonStates(checkout, settings.mapping).copy;
    panel.append(state, linkRow(doc, checkout.url, live, options));
    // Paid while the QR code was shown: the state at the top says so at once, too.
    onPaymentSettled = (outcome) => {
      const now =
        outcome.kind === "billed"
          ? { ...checkout, billed: outcome.state }
          : { ...checkout, status: "expired" };
      const next = paymentStateLine(doc, now, messages);
      state.replaceWith(next);
      state = next;
      options.onPaymentSettled?.(outcome);
    };
  }
  addDetailButtons(panel, { ...options, onPaymentSettled });
  return panel;
}

/** The link as text the user can read and tap, with Share where the phone offers a share sheet. */
function linkRow(
  doc: Document,
  url: string | undefined,
  live: boolean,
  options: MobileRecordPanelOptions,
): HTMLElement {
  const { messages } = options;
  const row = element(doc, "div", { className: `${MOBILE_CLASS}-link` }, [
    element(doc, "div", {
      className: `${MOBILE_CLASS}-link-label`,
      text: messages.mobileLinkLabel,
    }),
  ]);
  if (url === undefined) {
    row.append(
      element(doc, "div", { className: `${MOBILE_CLASS}-link-none`, text: messages.mobileNoLink }),
    );
    return row;
  }
  if (!live) {
    row.append(element(doc, "div", { className: `${MOBILE_CLASS}-link-closed`, text: url }));
    return row;
  }
  const anchor = element(doc, "a", {
    className: `${MOBILE_CLASS}-link-url`,
    text: url,
    attributes: { href: url, target: "_blank", rel: "noopener noreferrer" },
  });
  row.append(anchor);
  const nav = options.navigator ?? doc.defaultView?.navigator;
  if (nav !== undefined && canShare(nav)) {
    const note = element(doc, "div", { className: `${MOBILE_CLASS}-share-note` });
    note.hidden = true;
    const share = button(doc, messages.shareLink, () => {
      void shareLink(nav, { title: messages.mobileLinkLabel, url }).then((outcome) => {
        note.hidden = outcome !== "failed";
        note.textContent = outcome === "failed" ? messages.shareFailed : "";
      });
    });
    share.classList.add(`${MOBILE_CLASS}-share`);
    row.append(share, note);
  }
  return row;
}
