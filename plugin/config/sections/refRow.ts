/** A mapping row: how a value is given (none / field / constant / template) and the value. */
import { Text } from "kintone-ui-component/lib/text";
import type { FieldPurpose } from "../formFields";
import type { LineItemRefKey, RefMode, RefState } from "../MappingFormState";
import { fieldDropdown } from "./fieldDropdown";
import { modeDropdown, row } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

/** Modes each mapped value offers (constants make no sense for an attachment). */
export const REF_MODES: Record<LineItemRefKey | "customerEmail", RefMode[]> = {
  productCode: ["none", "field", "const", "template"],
  name: ["field", "const", "template"],
  description: ["none", "field", "const", "template"],
  unitPrice: ["field", "const"],
  quantity: ["none", "field", "const"],
  minQuantity: ["none", "field", "const"],
  maxQuantity: ["none", "field", "const"],
  customerEmail: ["none", "field", "const", "template"],
};

export interface RefRowOptions {
  control: string;
  label: string;
  help: string;
  modes: RefMode[];
  ref: () => RefState;
  purpose: FieldPurpose;
  required: boolean;
}

export function refRow(context: SettingsContext, options: RefRowOptions): HTMLElement {
  const { t } = context;
  const { control, label, ref } = options;
  const modeLabels: Record<RefMode, string> = {
    none: t.settingsModeNone,
    field: t.settingsModeField,
    const: t.settingsModeConst,
    template: t.settingsModeTemplate,
  };
  // A stored mode the row does not offer stays visible, so the check can name it.
  const offered = options.modes.includes(ref().mode)
    ? options.modes
    : [...options.modes, ref().mode];
  const mode = modeDropdown(
    offered.map((m) => ({ label: modeLabels[m], value: m })),
    ref().mode,
  );
  const field = fieldDropdown(
    context,
    options.purpose,
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
  return row(context, control, label, [mode, field, text], options.help, options.required);
}
