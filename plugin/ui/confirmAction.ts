import { button, element } from "./element";
import { openModal } from "./openModal";

export interface ConfirmOptions {
  title: string;
  message: string;
  /** Sentences under the message, one per line (e.g. what happens to each kind of record). */
  details?: string[];
  confirmLabel: string;
  cancelLabel: string;
  /** Red confirm button for what cannot be undone (expire). */
  danger?: boolean;
}

export const CONFIRM_DIALOG_CLASS = "kintone-stripe-checkout-confirm";

/** Asks before anything is charged or broken; resolves true only for the confirm button. */
export function confirmAction(document: Document, options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const modal = openModal(document, {
      title: options.title,
      className: CONFIRM_DIALOG_CLASS,
      closeLabel: options.cancelLabel,
      onClose: () => resolve(answer),
    });
    modal.body.append(
      element(document, "p", {
        className: "kintone-stripe-checkout-confirm-message",
        text: options.message,
      }),
    );
    const details = options.details ?? [];
    if (details.length > 0) {
      modal.body.append(
        element(
          document,
          "ul",
          { className: "kintone-stripe-checkout-confirm-details" },
          details.map((text) => element(document, "li", { text })),
        ),
      );
    }
    const confirm = button(
      document,
      options.confirmLabel,
      () => {
        answer = true;
        modal.close();
      },
      options.danger ? "danger" : "primary",
    );
    confirm.classList.add("kintone-stripe-checkout-confirm-ok");
    const cancel = button(document, options.cancelLabel, () => modal.close());
    cancel.classList.add("kintone-stripe-checkout-confirm-cancel");
    modal.footer.append(cancel, confirm);
    cancel.focus();
  });
}
