/**
 * The process-management actions run when a payment changes (`processActions`): one picker per
 * change offering the app's actions, read from kintone's process-management settings. Shown only
 * while the app's process management is on; a stored action stays selected (and is saved as it
 * was) even when the app no longer has it, so the admin sees it.
 */
import { Dropdown, type DropdownItem } from "kintone-ui-component/lib/dropdown";
import { element } from "../../ui/element";
import { formatMessage } from "../formatMessage";
import type { ProcessSettingsView } from "../processSettings";
import { PROCESS_CHANGES, type ProcessChange } from "../statusFormState";
import { kucTarget, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

export interface ProcessActionsSection {
  element: HTMLElement;
  /** Fills the pickers with the app's actions, or hides the section when process management is off. */
  show(settings: ProcessSettingsView): void;
}

export function processActionsSection(context: SettingsContext): ProcessActionsSection {
  const { t, document, state } = context;
  const container = section(context, t.settingsSectionProcessActions, t.settingsProcessActionsHelp);
  container.dataset.section = "processActions";
  container.hidden = true;
  const body = element(document, "div", { className: `${CLASS}-process-actions` });
  container.append(body);
  const labels: Record<ProcessChange, string> = {
    paid: t.settingsProcessActionPaid,
    expired: t.settingsProcessActionExpired,
    refunded: t.settingsProcessActionRefunded,
  };

  const show = (settings: ProcessSettingsView) => {
    container.hidden = !settings.enabled;
    body.replaceChildren(
      ...PROCESS_CHANGES.map((change) => {
        const current = state.processActions[change];
        const items: DropdownItem[] = [
          { label: t.settingsProcessActionNone, value: "" },
          ...settings.actions.map((action) => ({ label: action, value: action })),
        ];
        if (current !== "" && !settings.actions.includes(current)) {
          items.push({
            label: formatMessage(t.settingsProcessActionNotOffered, { action: current }),
            value: current,
          });
        }
        const dropdown = new Dropdown({ items, value: current, className: `${CLASS}-field` });
        dropdown.addEventListener("change", () => (state.processActions[change] = dropdown.value));
        const control = `processActions.${change}`;
        kucTarget(context, control, labels[change], dropdown);
        return row(context, control, labels[change], dropdown);
      }),
    );
  };
  return { element: container, show };
}
