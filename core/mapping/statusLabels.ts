/**
 * The app's own texts for the states the proxy writes back (`statusLabels`): a Japanese app's
 * drop-down may read 入金済み where the proxy's state is `paid`. Writing turns a state into its
 * label (a state without one is written as its code); reading turns a field's text back into the
 * state, whether the text is a label or a code. Pure.
 */
import type { z } from "zod";
import { paymentStatusSchema, sessionStatusSchema, type PaymentStatus } from "../api/proxyApi";
import type { MappingConfig } from "./MappingConfig";

type SessionStatus = z.infer<typeof sessionStatusSchema>;

export type StatusTarget = "status" | "paymentStatus";
export type StatusLabels = NonNullable<MappingConfig["statusLabels"]>;
export type StateOf<T extends StatusTarget> = T extends "status" ? SessionStatus : PaymentStatus;

/** Every state the proxy writes into each target, in the contract's order. */
export const STATES_OF: { [T in StatusTarget]: readonly StateOf<T>[] } = {
  status: sessionStatusSchema.options,
  paymentStatus: paymentStatusSchema.options,
};

type WithLabels = { statusLabels?: MappingConfig["statusLabels"] } | undefined;

/** The text written for `state`: the app's label, else the code itself. */
export function labelFor<T extends StatusTarget>(
  mapping: WithLabels,
  target: T,
  state: StateOf<T>,
): string {
  const labels = mapping?.statusLabels?.[target] as Partial<Record<string, string>> | undefined;
  return labels?.[state] ?? state;
}

/**
 * The state a field's text stands for: a label first (an app may label a state with another
 * state's code), then a code no label claims; undefined for any other text.
 */
export function stateFromLabel<T extends StatusTarget>(
  mapping: WithLabels,
  target: T,
  text: string,
): StateOf<T> | undefined {
  const trimmed = text.trim();
  const states = STATES_OF[target] as readonly StateOf<T>[];
  const labelled = states.find((state) => labelFor(mapping, target, state) === trimmed);
  if (labelled !== undefined) return labelled;
  return states.find((state) => state === trimmed);
}

/** Two states of one target sharing a label: reading the field back could not tell them apart. */
export function duplicateLabelProblems(
  labels: MappingConfig["statusLabels"],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const target of ["status", "paymentStatus"] as const) {
    const seen = new Map<string, string>();
    for (const state of STATES_OF[target]) {
      const text = labelFor({ statusLabels: labels }, target, state);
      const earlier = seen.get(text);
      if (earlier !== undefined) {
        const labelled = labels?.[target]?.[state as never] !== undefined ? state : earlier;
        problems.push({
          path: `statusLabels.${target}.${labelled}`,
          message: `"${text}" is the text of both ${earlier} and ${state}: each state needs its own option`,
        });
      } else {
        seen.set(text, state);
      }
    }
  }
  return problems;
}
