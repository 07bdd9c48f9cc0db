/** The source section: records or a subtable's rows, and one link per record or one for all. */
import { stateFieldDropdown } from "./fieldDropdown";
import { kucTarget, radioChoice, row, section } from "./layout";
import { refreshFieldChoices, type SettingsContext } from "./SettingsContext";

export function sourceSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const subtableDropdown = stateFieldDropdown(context, "subtable", "subtableField", false);
  subtableDropdown.addEventListener("change", () => refreshFieldChoices(context));
  kucTarget(context, "source.field", t.settingsSubtableLabel, subtableDropdown);
  const subtableRow = row(
    context,
    "source.field",
    t.settingsSubtableLabel,
    subtableDropdown,
    t.settingsSubtableHelp,
    true,
  );
  const showSubtable = () => (subtableRow.hidden = state.sourceType !== "subtable");
  const sourceRadio = radioChoice(
    [
      { label: t.settingsSourceRecords, value: "records" },
      { label: t.settingsSourceSubtable, value: "subtable" },
    ],
    state.sourceType,
    (value) => {
      state.sourceType = value === "subtable" ? "subtable" : "records";
      showSubtable();
      refreshFieldChoices(context);
    },
  );
  showSubtable();

  const groupingRadio = radioChoice(
    [
      { label: t.settingsGroupingPerRecord, value: "perRecord" },
      { label: t.settingsGroupingSingle, value: "single" },
    ],
    state.grouping,
    (value) => (state.grouping = value === "single" ? "single" : "perRecord"),
  );

  const source = section(context, t.settingsSectionSource);
  source.append(
    row(context, "source.type", t.settingsSourceLabel, sourceRadio),
    subtableRow,
    row(context, "grouping", t.settingsGroupingLabel, groupingRadio),
  );
  return source;
}
