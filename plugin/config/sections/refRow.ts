/** A mapping row: how a value is given (none / field / constant / template) and the value. */
import { Text } from "kintone-ui-component/lib/text";
import type { Messages } from "../../i18n/messages";
import { LINE_ITEM_PURPOSES } from "../checkMappingForm";
import type { FieldPurpose } from "../formFields";
import type { LineItemRefKey, RefMode, RefState } from "../MappingFormState";
import { fieldDropdown } from "./fieldDropdown";
import { modeDropdown, row } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

/** A value mapped from the record: a line item's, or the customer's e-mail. */
export type MappedValueKey = LineItemRefKey | "customerEmail";

/** A message that has a help text named after it (`settingsName` and `settingsNameHelp`). */
type LabelWithHelp = {
  [K in keyof Messages]: `${K}Help` extends keyof Messages ? K : never;
}[keyof Messages];

/**
 * Each mapped value's label (its help is named after it) and the modes it offers. A value that
 * offers no "none" must be given, so its row is marked required (a line item's name and price).
 */
const MAPPED_VALUES: Record<MappedValueKey, { label: LabelWithHelp; modes: RefMode[] }> = {
  productCode: { label: "settingsProductCode", modes: ["none", "field", "const", "template"] },
  name: { label: "settingsName", modes: ["field", "const", "template"] },
  description: { label: "settingsDescription", modes: ["none", "field", "const", "template"] },
  unitPrice: { label: "settingsUnitPrice", modes: ["field", "const"] },
  quantity: { label: "settingsQuantity", modes: ["none", "field", "const"] },
  minQuantity: { label: "settingsMinQuantity", modes: ["none", "field", "const"] },
  maxQuantity: { label: "settingsMaxQuantity", modes: ["none", "field", "const"] },
  customerEmail: { label: "settingsCustomerEmail", modes: ["none", "field", "const", "template"] },
};

/** The row of one mapped value: how it is given and the value; `data-control` names the key. */
export function refRow(context: SettingsContext, key: MappedValueKey): HTMLElement {
  const { t, state } = context;
  const { modes } = MAPPED_VALUES[key];
  const label = t[MAPPED_VALUES[key].label];
  const help = t[`${MAPPED_VALUES[key].label}Help`];
  const control = key === "customerEmail" ? key : `lineItem.${key}`;
  const purpose: FieldPurpose = key === "customerEmail" ? "email" : LINE_ITEM_PURPOSES[key];
  const ref = (): RefState => (key === "customerEmail" ? state.customerEmail : state.lineItem[key]);
  const modeLabels: Record<RefMode, string> = {
    none: t.settingsModeNone,
    field: t.settingsModeField,
    const: t.settingsModeConst,
    template: t.settingsModeTemplate,
  };
  // A stored mode the row does not offer stays visible, so the check can name it.
  const offered = modes.includes(ref().mode) ? modes : [...modes, ref().mode];
  const mode = modeDropdown(
    offered.map((m) => ({ label: modeLabels[m], value: m })),
    ref().mode,
  );
  const field = fieldDropdown(
    context,
    purpose,
    () => ref().field,
    (code) => (ref().field = code),
    true,
  );
  const text = new Text({ value: ref().text, className: `${CLASS}-value` });
  text.addEventListener("change", () => (ref().text = text.value));
  const show = () => {
    field.visible = ref().mode === "field";
    text.visible = ref().mode === "const" || ref().mode === "template";
    text.placeholder = ref().mode === "template" ? t.settingsTemplatePlaceholder : "";
  };
  mode.addEventListener("change", () => {
    ref().mode = mode.value as RefMode;
    field.error = "";
    text.error = "";
    show();
  });
  show();
  context.errorTargets.set(control, {
    label,
    show: (message) => {
      const target = ref().mode === "field" ? field : ref().mode === "none" ? mode : text;
      field.error = "";
      text.error = "";
      mode.error = "";
      target.error = message;
    },
  });
  return row(context, control, label, [mode, field, text], help, !modes.includes("none"));
}
