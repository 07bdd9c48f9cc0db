/**
 * How states are written into status drop-downs (`statusLabels`): for the session status and the
 * payment status write-back fields, when they are drop-downs or radio buttons, one picker per
 * state offering the field's options (the option equal to the code by default). Rebuilt when the
 * fields load or another write-back field is chosen.
 */
import { Dropdown, type DropdownItem } from "kintone-ui-component/lib/dropdown";
import { STATES_OF, type StatusTarget } from "../../../core/mapping/statusLabels";
import type { Messages } from "../../i18n/messages";
import { element } from "../../ui/element";
import { formatMessage } from "../formatMessage";
import { findField, type FormField } from "../formFields";
import { isChoiceField } from "../missingStatusOptions";
import { STATUS_TARGETS } from "../statusFormState";
import { kucTarget, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

type StateCode = (typeof STATES_OF)[StatusTarget][number];

const STATE_NAMES: Record<StateCode, keyof Messages> = {
  open: "settingsStateOpen",
  complete: "settingsStateComplete",
  expired: "settingsStateExpired",
  unpaid: "settingsStateUnpaid",
  paid: "settingsStatePaid",
  no_payment_required: "settingsStateNoPaymentRequired",
  failed: "settingsStateFailed",
  refunded: "settingsStateRefunded",
  partially_refunded: "settingsStatePartiallyRefunded",
  disputed: "settingsStateDisputed",
  dispute_lost: "settingsStateDisputeLost",
};

export function statusLabelsSection(context: SettingsContext): HTMLElement {
  const { t, document } = context;
  const body = element(document, "div", { className: `${CLASS}-status-labels` });
  const container = section(context, t.settingsSectionStatusLabels, t.settingsStatusLabelsHelp);
  container.append(body);
  container.dataset.section = "statusLabels";

  let shownFor = "";
  const render = () => {
    const choiceFields = STATUS_TARGETS.map((target) => ({
      target,
      field: choiceFieldOf(context, target),
    }));
    const key = JSON.stringify(choiceFields.map(({ field }) => field?.code ?? ""));
    if (key === shownFor) return;
    shownFor = key;
    const rows = choiceFields.flatMap(({ target, field }) =>
      field === undefined ? [] : targetRows(context, target, field),
    );
    body.replaceChildren(
      ...(rows.length > 0
        ? rows
        : [
            element(document, "p", {
              className: `${CLASS}-help`,
              text: t.settingsStatusLabelsNoChoiceField,
            }),
          ]),
    );
  };
  render();
  context.refreshers.push(() => {
    shownFor = "";
    render();
  });
  // A write-back field chosen above changes which pickers make sense.
  document.addEventListener("change", render);
  return container;
}

function choiceFieldOf(context: SettingsContext, target: StatusTarget): FormField | undefined {
  const code = context.state.writeBack[target];
  if (code === "" || context.fields === undefined) return undefined;
  const field = findField(context.fields, code);
  return field !== undefined && isChoiceField(field) ? field : undefined;
}

/** A heading naming the field, then one picker per state. */
function targetRows(
  context: SettingsContext,
  target: StatusTarget,
  field: FormField,
): HTMLElement[] {
  const { t, document, state } = context;
  const heading = element(document, "h3", {
    className: `${CLASS}-subheading`,
    text: `${target === "status" ? t.settingsWriteBackStatus : t.settingsWriteBackPaymentStatus}: ${field.label} (${field.code})`,
  });
  const options = field.options ?? [];
  const rows = STATES_OF[target].map((code) => {
    const labels = state.statusLabels[target];
    const current = () => labels[code] || (options.includes(code) ? code : "");
    const items: DropdownItem[] = [
      { label: t.settingsStatusLabelChoose, value: "" },
      ...options.map((option) => ({ label: option, value: option })),
    ];
    const chosen = current();
    if (chosen !== "" && !options.includes(chosen)) {
      items.push({
        label: formatMessage(t.settingsStatusLabelNotOffered, { label: chosen }),
        value: chosen,
      });
    }
    const dropdown = new Dropdown({ items, value: chosen, className: `${CLASS}-field` });
    dropdown.addEventListener("change", () => (labels[code] = dropdown.value));
    const control = `statusLabels.${target}.${code}`;
    const name = t[STATE_NAMES[code]] as string;
    const label = name === code ? code : `${name} (${code})`;
    kucTarget(context, control, label, dropdown);
    return row(context, control, label, dropdown);
  });
  return [heading, ...rows];
}
