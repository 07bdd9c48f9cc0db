/** The id of the plugin's button in the record list's header menu space. */
export const LIST_BUTTON_ID = "kintone-stripe-checkout-list-button";

export interface ListButtonOptions {
  label: string;
  onClick: (event: MouseEvent) => void;
}

/**
 * Puts the plugin's button into the list view's header menu space, once.
 *
 * kintone fires `app.record.index.show` again on every page, filter, sort and view change, and
 * keeps the header menu space, so the button would pile up if added each time
 * (https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event/). When the button
 * already exists its click handler is replaced instead, so a click always acts on the view shown
 * last. Returns the button, or null when the page has no header menu space (e.g. a custom view
 * without one).
 */
export function addListButton(
  headerMenuSpace: HTMLElement | null,
  { label, onClick }: ListButtonOptions,
): HTMLButtonElement | null {
  if (headerMenuSpace === null) return null;
  const document = headerMenuSpace.ownerDocument;
  const existing = document.getElementById(LIST_BUTTON_ID);
  const button =
    existing instanceof HTMLButtonElement ? existing : createButton(document, headerMenuSpace);
  button.textContent = label;
  button.onclick = onClick;
  return button;
}

function createButton(document: Document, headerMenuSpace: HTMLElement): HTMLButtonElement {
  const button = document.createElement("button");
  button.id = LIST_BUTTON_ID;
  button.type = "button";
  button.className = "kintone-stripe-checkout-list-button";
  headerMenuSpace.appendChild(button);
  return button;
}
