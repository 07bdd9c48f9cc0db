import { button, element } from "./element";
import { openModal, type Modal } from "./openModal";

export const MESSAGE_DIALOG_CLASS = "kintone-stripe-checkout-message";

/** A modal with one sentence and a close button (e.g. "the plugin is not set up"). */
export function showMessage(document: Document, text: string, closeLabel: string): Modal {
  const modal = openModal(document, {
    title: "Stripe Checkout",
    className: MESSAGE_DIALOG_CLASS,
    closeLabel,
  });
  modal.body.append(element(document, "p", { text }));
  modal.footer.append(button(document, closeLabel, () => modal.close(), "primary"));
  return modal;
}
