/**
 * A DROP_DOWN or RADIO_BUTTON field refuses a value that is not one of its options (kintone
 * answers the write with an error), so a status field must offer every value the proxy writes
 * there. Text fields take any value.
 */
import { paymentStatusSchema, sessionStatusSchema } from "../../core/api/proxyApi";
import type { FormField } from "./formFields";

/** Every value the proxy writes, from the contract's own lists. */
export const WRITTEN_STATUS_VALUES = {
  status: sessionStatusSchema.options,
  paymentStatus: paymentStatusSchema.options,
} as const;

export type StatusTarget = keyof typeof WRITTEN_STATUS_VALUES;

const CHOICE_TYPES = new Set(["DROP_DOWN", "RADIO_BUTTON"]);

/** The values the proxy will write that the field does not offer, in the order they are written. */
export function missingStatusOptions(field: FormField, target: StatusTarget): string[] {
  if (!CHOICE_TYPES.has(field.type)) return [];
  const offered = new Set(field.options ?? []);
  return WRITTEN_STATUS_VALUES[target].filter((value) => !offered.has(value));
}
