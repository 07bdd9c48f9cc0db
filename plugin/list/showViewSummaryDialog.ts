import type { Messages } from "../i18n/messages";
import type { ViewRecordCount } from "./countViewRecords";

export const VIEW_SUMMARY_DIALOG_ID = "kintone-stripe-checkout-view-summary";

/** The sentence the dialog shows for a record count. */
export function describeViewRecordCount(count: ViewRecordCount, messages: Messages): string {
  switch (count.scope) {
    case "view":
      return messages.viewRecordCount(count.count);
    case "calendarMonth":
      return messages.calendarRecordCount(count.count);
    case "unknown":
      return messages.viewRecordCountUnknown;
  }
}

/**
 * Opens a native modal <dialog> telling how many records the current view has. One dialog
 * element is reused across opens. (The checkout dialog replaces this in a later version.)
 */
export function showViewSummaryDialog(
  document: Document,
  count: ViewRecordCount,
  messages: Messages,
): HTMLDialogElement {
  const dialog = findOrCreateDialog(document, messages);
  const text = dialog.querySelector(".kintone-stripe-checkout-dialog-text");
  if (text) text.textContent = describeViewRecordCount(count, messages);
  if (!dialog.open) {
    // Older browsers (and jsdom) lack showModal; an open non-modal dialog still shows the text.
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }
  return dialog;
}

function findOrCreateDialog(document: Document, messages: Messages): HTMLDialogElement {
  const existing = document.getElementById(VIEW_SUMMARY_DIALOG_ID);
  if (existing instanceof HTMLDialogElement) return existing;

  const dialog = document.createElement("dialog");
  dialog.id = VIEW_SUMMARY_DIALOG_ID;
  dialog.className = "kintone-stripe-checkout-dialog";

  const text = document.createElement("p");
  text.className = "kintone-stripe-checkout-dialog-text";

  const close = document.createElement("button");
  close.type = "button";
  close.textContent = messages.close;
  close.addEventListener("click", () => {
    if (typeof dialog.close === "function") dialog.close();
    else dialog.removeAttribute("open");
  });

  dialog.append(text, close);
  document.body.appendChild(dialog);
  return dialog;
}
