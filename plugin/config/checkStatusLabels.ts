/**
 * The settings screen's own check of the status texts, in the user's language: two states of one
 * drop-down written as the same option could not be told apart when the record is read back.
 * core's mapping check refuses the same (in English, for the proxy).
 */
import { STATES_OF, labelFor } from "../../core/mapping/statusLabels";
import type { Messages } from "../i18n/messages";
import type { FormError } from "./checkMappingForm";
import { formatMessage } from "./formatMessage";
import { statusLabelsPart, STATUS_TARGETS, type LabelFormState } from "./statusFormState";

/** One control per state: `statusLabels.<target>.<state>`. */
export const STATUS_LABEL_CONTROLS = STATUS_TARGETS.flatMap((target) =>
  STATES_OF[target].map((state) => `statusLabels.${target}.${state}`),
);

export function checkStatusLabels(labels: LabelFormState, messages: Messages): FormError[] {
  const mapping = statusLabelsPart(labels);
  const errors: FormError[] = [];
  for (const target of STATUS_TARGETS) {
    const seen = new Map<string, string>();
    for (const state of STATES_OF[target]) {
      const label = labelFor(mapping, target, state as never);
      const earlier = seen.get(label);
      if (earlier === undefined) {
        seen.set(label, state);
        continue;
      }
      errors.push({
        control: `statusLabels.${target}.${labels[target][state] !== "" ? state : earlier}`,
        message: formatMessage(messages.settingsErrorStatusLabelTwice, { label, other: earlier }),
      });
    }
  }
  return errors;
}
