/**
 * The app's field labels, so what the proxy writes into a record (its `error` field, a job's
 * errors) names a field the way the app's users know it, by its label (「価格」), not its code.
 * Read once per refusal or job, and only on the way to an error; without them the codes stay.
 */
import type { FieldLabeler } from "../../core/fields/labelFields";
import type { FormField, RecordStore } from "../ports/RecordStore";

export const NO_LABELS: FieldLabeler = () => undefined;

export async function appFieldLabels(
  records: Pick<RecordStore, "getFormFields">,
  appId: string,
): Promise<FieldLabeler> {
  let fields: FormField[];
  try {
    fields = await records.getFormFields(appId);
  } catch {
    // The reason still reaches the record, naming fields by code.
    return NO_LABELS;
  }
  const labels = new Map<string, string>();
  for (const field of fields) {
    labels.set(field.code, field.label);
    for (const column of field.fields ?? []) labels.set(column.code, column.label);
  }
  return (code) => labels.get(code);
}
