/** Builds DOM with code, never from HTML strings: texts from data can never become markup. */
export type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  options: ElementOptions = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

export type ButtonKind = "normal" | "primary" | "danger";

/** A kintone-looking button that never submits a form. */
export function button(
  document: Document,
  label: string,
  onClick: () => void,
  kind: ButtonKind = "normal",
): HTMLButtonElement {
  const node = element(document, "button", {
    className: `kintone-stripe-checkout-button kintone-stripe-checkout-button-${kind}`,
    text: label,
    attributes: { type: "button" },
  });
  node.addEventListener("click", onClick);
  return node;
}
