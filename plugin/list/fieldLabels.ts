/** Field codes to their labels, from the form fields API, for messages that name a field. */
import { parseFormFields, type FormField } from "../config/formFields";
import type { FieldLabeler } from "../../core/fields/labelFields";
import type { KintoneApi } from "./KintoneApi";

/** A labeler over `GET /k/v1/app/form/fields.json`'s answer, subtable columns included. */
export function fieldLabeler(formFieldsAnswer: unknown): FieldLabeler {
  const labels = new Map<string, string>();
  const add = (fields: FormField[]) => {
    for (const field of fields) {
      labels.set(field.code, field.label);
      add(field.columns ?? []);
    }
  };
  add(parseFormFields(formFieldsAnswer));
  return (code) => labels.get(code);
}

/** Loads the app's labels; a failure leaves codes as they are. */
export async function loadFieldLabeler(api: KintoneApi, appId: string): Promise<FieldLabeler> {
  try {
    return fieldLabeler(await api("/k/v1/app/form/fields.json", "GET", { app: appId }));
  } catch {
    return () => undefined;
  }
}
