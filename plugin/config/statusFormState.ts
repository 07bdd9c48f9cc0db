/**
 * The settings form's part for the app's own status texts (`statusLabels`) and the process
 * actions (`processActions`): one string per state and per change, "" where the mapping says
 * nothing (a state written as its code, a change that runs no action). A label equal to its code
 * is the same as none, so it is left out of the mapping.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { STATES_OF, type StatusTarget } from "../../core/mapping/statusLabels";

export const PROCESS_CHANGES = ["paid", "expired", "refunded"] as const;
export type ProcessChange = (typeof PROCESS_CHANGES)[number];

export type LabelFormState = { [T in StatusTarget]: Record<string, string> };
export type ProcessActionFormState = Record<ProcessChange, string>;

type Labels = NonNullable<MappingConfig["statusLabels"]>;

export const STATUS_TARGETS: readonly StatusTarget[] = ["status", "paymentStatus"];

export function emptyLabelFormState(): LabelFormState {
  const none = (target: StatusTarget) =>
    Object.fromEntries(STATES_OF[target].map((state) => [state, ""]));
  return { status: none("status"), paymentStatus: none("paymentStatus") };
}

export function emptyProcessActionFormState(): ProcessActionFormState {
  return { paid: "", expired: "", refunded: "" };
}

export function labelFormStateFromMapping(mapping: MappingConfig): LabelFormState {
  const state = emptyLabelFormState();
  for (const target of STATUS_TARGETS) {
    const labels = (mapping.statusLabels?.[target] ?? {}) as Record<string, string | undefined>;
    for (const code of STATES_OF[target]) state[target][code] = labels[code] ?? "";
  }
  return state;
}

export function processActionFormStateFromMapping(mapping: MappingConfig): ProcessActionFormState {
  const state = emptyProcessActionFormState();
  for (const change of PROCESS_CHANGES) state[change] = mapping.processActions?.[change] ?? "";
  return state;
}

/** The mapping's `statusLabels`, or nothing when every state is written as its code. */
export function statusLabelsPart(labels: LabelFormState): Pick<MappingConfig, "statusLabels"> {
  const statusLabels: Record<string, Record<string, string>> = {};
  for (const target of STATUS_TARGETS) {
    const given = Object.entries(labels[target]).filter(
      ([code, label]) => label !== "" && label !== code,
    );
    if (given.length > 0) statusLabels[target] = Object.fromEntries(given);
  }
  return Object.keys(statusLabels).length > 0 ? { statusLabels: statusLabels as Labels } : {};
}

/** The mapping's `processActions`, or nothing when no change runs one. */
export function processActionsPart(
  actions: ProcessActionFormState,
): Pick<MappingConfig, "processActions"> {
  const given = PROCESS_CHANGES.filter((change) => actions[change] !== "").map(
    (change) => [change, actions[change]] as const,
  );
  return given.length > 0 ? { processActions: Object.fromEntries(given) } : {};
}
