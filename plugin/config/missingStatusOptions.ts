/**
 * A DROP_DOWN or RADIO_BUTTON field refuses a value that is not one of its options (kintone
 * answers the write with an error), so a status field must offer every value the proxy writes
 * there: each state's label (`statusLabels`), or its code where it has none. Text fields take
 * any value.
 */
import { paymentStatusSchema, sessionStatusSchema } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { labelFor } from "../../core/mapping/statusLabels";
import type { FormField } from "./formFields";

/** Every state the proxy writes, from the contract's own lists. */
export const WRITTEN_STATUS_VALUES = {
  status: sessionStatusSchema.options,
  paymentStatus: paymentStatusSchema.options,
} as const;

export type StatusTarget = keyof typeof WRITTEN_STATUS_VALUES;

const CHOICE_TYPES = new Set(["DROP_DOWN", "RADIO_BUTTON"]);

export function isChoiceField(field: FormField): boolean {
  return CHOICE_TYPES.has(field.type);
}

/** The values the proxy will write that the field does not offer, in the order they are written. */
export function missingStatusOptions(
  field: FormField,
  target: StatusTarget,
  statusLabels?: MappingConfig["statusLabels"],
): string[] {
  if (!isChoiceField(field)) return [];
  const offered = new Set(field.options ?? []);
  const written = WRITTEN_STATUS_VALUES[target].map((state) =>
    labelFor({ statusLabels }, target, state as never),
  );
  return written.filter((value) => !offered.has(value));
}
