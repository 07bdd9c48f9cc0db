/** Dropdowns that offer the app's form fields fit for a purpose, re-filled as the form changes. */
import { Dropdown, type DropdownItem } from "kintone-ui-component/lib/dropdown";
import { formatMessage } from "../formatMessage";
import { fieldChoices, findField, type FieldPurpose } from "../formFields";
import { CLASS, type SettingsContext } from "./SettingsContext";

/** The chosen subtable, when line items come from one. */
function subtableScope({ state }: SettingsContext): string | undefined {
  return state.sourceType === "subtable" && state.subtableField !== ""
    ? state.subtableField
    : undefined;
}

/** Optional choices (image, write-back) start with "not used", required ones with "choose". */
function fieldItems(
  context: SettingsContext,
  purpose: FieldPurpose,
  current: string,
  scoped: boolean,
  optional: boolean,
): DropdownItem[] {
  const { t, fields } = context;
  const items: DropdownItem[] = [
    { label: optional ? t.settingsNoField : t.settingsChooseField, value: "" },
  ];
  if (fields === undefined) {
    if (current !== "") items.push({ label: current, value: current });
    return items;
  }
  const scope = scoped ? subtableScope(context) : undefined;
  for (const field of fieldChoices(fields, purpose, scope)) {
    const table =
      field.subtable !== undefined ? findField(fields, field.subtable)?.label : undefined;
    const name = table !== undefined ? `${table} › ${field.label}` : field.label;
    items.push({ label: `${name} (${field.code})`, value: field.code });
  }
  // A stored choice that no longer fits stays visible, so the check can name it.
  if (current !== "" && !items.some((item) => item.value === current)) {
    items.push({
      label: formatMessage(t.settingsFieldNotOffered, { code: current }),
      value: current,
    });
  }
  return items;
}

/** `scoped`: inside the chosen subtable first (line-item values); `optional`: may stay unset. */
export function fieldDropdown(
  context: SettingsContext,
  purpose: FieldPurpose,
  get: () => string,
  set: (code: string) => void,
  scoped: boolean,
  optional = false,
): Dropdown {
  const items = () => fieldItems(context, purpose, get(), scoped, optional);
  const dropdown = new Dropdown({ items: items(), value: get() });
  dropdown.className = `${CLASS}-field`;
  dropdown.addEventListener("change", () => set(dropdown.value));
  context.refreshers.push(() => {
    dropdown.items = items();
    dropdown.value = get();
  });
  return dropdown;
}

/** A dropdown for one of the form's own field choices (not a line item's or a write-back's). */
export function stateFieldDropdown(
  context: SettingsContext,
  purpose: FieldPurpose,
  key: "subtableField" | "imageField" | "currencyField",
  scoped: boolean,
  optional = false,
): Dropdown {
  const { state } = context;
  const set = (code: string) => (state[key] = code);
  return fieldDropdown(context, purpose, () => state[key], set, scoped, optional);
}
