/** The settings screen's building blocks: sections, labelled rows and KUC choice controls. */
import { Dropdown, type DropdownItem } from "kintone-ui-component/lib/dropdown";
import { RadioButton } from "kintone-ui-component/lib/radio-button";
import { element } from "../../ui/element";
import { CLASS, type SettingsContext } from "./SettingsContext";

export function section(context: SettingsContext, heading: string, help?: string): HTMLElement {
  const { document } = context;
  return element(document, "section", { className: `${CLASS}-section` }, [
    element(document, "h2", { className: `${CLASS}-section-title`, text: heading }),
    help !== undefined && element(document, "p", { className: `${CLASS}-help`, text: help }),
  ]);
}

/**
 * A labelled row: label on the left, the control (and help) on the right. `key` names the row
 * (`data-control`) for tests and for the browser stories.
 */
export function row(
  context: SettingsContext,
  key: string,
  label: string,
  control: HTMLElement | HTMLElement[],
  help?: string,
  required = false,
): HTMLElement {
  const { document } = context;
  const labelElement = element(document, "div", { className: `${CLASS}-label`, text: label }, [
    required && element(document, "span", { className: `${CLASS}-required`, text: "*" }),
  ]);
  const line = element(
    document,
    "div",
    { className: `${CLASS}-line` },
    Array.isArray(control) ? control : [control],
  );
  const body = element(document, "div", { className: `${CLASS}-control` }, [
    line,
    help !== undefined && element(document, "p", { className: `${CLASS}-help`, text: help }),
  ]);
  const rowElement = element(document, "div", { className: `${CLASS}-row` }, [labelElement, body]);
  rowElement.dataset.control = key;
  return rowElement;
}

/** Shows the errors of `control` on a KUC component. */
export function kucTarget(
  context: SettingsContext,
  control: string,
  label: string,
  component: { error: string },
): void {
  context.errorTargets.set(control, { label, show: (message) => (component.error = message) });
}

/** A borderless vertical radio group; `onChange` gets the value picked. */
export function radioChoice(
  items: Array<{ label: string; value: string }>,
  value: string,
  onChange: (value: string) => void,
): RadioButton {
  const radio = new RadioButton({ items, value, itemLayout: "vertical", borderVisible: false });
  radio.addEventListener("change", () => onChange(radio.value));
  return radio;
}

/** A dropdown of how a value is given (mode) or which of several options. */
export function modeDropdown(items: DropdownItem[], value: string): Dropdown {
  return new Dropdown({ items, value, className: `${CLASS}-mode` });
}
