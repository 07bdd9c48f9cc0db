/** The write-back section: the fields a link's URL, status, payment and dates are written to. */
import { WRITE_BACK_PURPOSES } from "../checkMappingForm";
import { WRITE_BACK_KEYS } from "../MappingFormState";
import { writeBackTexts } from "../writeBackTexts";
import { fieldDropdown } from "./fieldDropdown";
import { kucTarget, row, section } from "./layout";
import type { SettingsContext } from "./SettingsContext";

export function writeBackSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const writeBackLabels = writeBackTexts(t);
  const writeBack = section(context, t.settingsSectionWriteBack, t.settingsWriteBackHelp);
  for (const key of WRITE_BACK_KEYS) {
    const [label, help] = writeBackLabels[key];
    const dropdown = fieldDropdown(
      context,
      WRITE_BACK_PURPOSES[key],
      () => state.writeBack[key],
      (code) => (state.writeBack[key] = code),
      false,
      true,
    );
    kucTarget(context, `writeBack.${key}`, label, dropdown);
    writeBack.append(row(context, `writeBack.${key}`, label, dropdown, help));
  }
  return writeBack;
}
