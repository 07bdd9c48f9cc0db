import { element } from "./element";

export interface Modal {
  dialog: HTMLDialogElement;
  body: HTMLElement;
  footer: HTMLElement;
  close(): void;
}

export interface ModalOptions {
  title: string;
  className?: string;
  closeLabel: string;
  /** Called once when the modal closes, however it was closed (button, Esc). */
  onClose?: () => void;
}

/**
 * A kintone-style modal on a native <dialog>: title bar, scrolling body, footer with the buttons.
 * Removed from the page when closed.
 */
export function openModal(document: Document, options: ModalOptions): Modal {
  const body = element(document, "div", { className: "kintone-stripe-checkout-modal-body" });
  const footer = element(document, "div", { className: "kintone-stripe-checkout-modal-footer" });
  const closeButton = element(document, "button", {
    className: "kintone-stripe-checkout-modal-close",
    text: "×",
    attributes: { type: "button", "aria-label": options.closeLabel, title: options.closeLabel },
  });
  const dialog = element(
    document,
    "dialog",
    { className: `kintone-stripe-checkout-modal ${options.className ?? ""}`.trim() },
    [
      element(document, "div", { className: "kintone-stripe-checkout-modal-header" }, [
        element(document, "h2", {
          className: "kintone-stripe-checkout-modal-title",
          text: options.title,
        }),
        closeButton,
      ]),
      body,
      footer,
    ],
  );
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (dialog.open && typeof dialog.close === "function") dialog.close();
    dialog.remove();
    options.onClose?.();
  };
  closeButton.addEventListener("click", close);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault(); // Esc closes through close(), so onClose runs
    close();
  });
  document.body.appendChild(dialog);
  // jsdom lacks showModal; an open non-modal dialog still shows its content there.
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
  return { dialog, body, footer, close };
}
