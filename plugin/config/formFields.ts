/**
 * The app's form fields as the settings screen offers them, and which field types fit each part
 * of the mapping. Field properties come from kintone's REST API
 * (https://cybozu.dev/ja/kintone/docs/rest-api/apps/form/get-form-fields/): checked, not assumed.
 */
import { TEXT_FIELD_TYPES } from "../../core/engine/fieldToText";

export interface FormField {
  code: string;
  label: string;
  type: string;
  /** DROP_DOWN, RADIO_BUTTON, CHECK_BOX, MULTI_SELECT: the option values. */
  options?: string[];
  /** Set for a column of a SUBTABLE: that table's code. */
  subtable?: string;
  /** SUBTABLE only: its columns. */
  columns?: FormField[];
}

/** What a chosen field is used for; each purpose accepts the types listed in FITTING_TYPES. */
export type FieldPurpose =
  | "text"
  | "number"
  | "file"
  | "email"
  | "currency"
  | "subtable"
  | "writeBackUrl"
  | "writeBackText"
  | "writeBackStatus"
  | "writeBackDate"
  | "writeBackNumber"
  | "writeBackEmail"
  | "writeBackError"
  | "writeBackAddress";

export const FITTING_TYPES: Record<FieldPurpose, readonly string[]> = {
  text: TEXT_FIELD_TYPES,
  // Prices and quantities: numbers first of all; a text or choice holding digits also works.
  number: ["NUMBER", "CALC", "SINGLE_LINE_TEXT", "DROP_DOWN", "RADIO_BUTTON"],
  file: ["FILE"],
  email: ["SINGLE_LINE_TEXT", "LINK", "DROP_DOWN", "RADIO_BUTTON"],
  currency: ["DROP_DOWN", "RADIO_BUTTON", "SINGLE_LINE_TEXT"],
  subtable: ["SUBTABLE"],
  // Write-back targets: fields the proxy can store the value in (CALC and lookups cannot be written).
  writeBackUrl: ["LINK", "SINGLE_LINE_TEXT", "MULTI_LINE_TEXT"],
  writeBackText: ["SINGLE_LINE_TEXT", "MULTI_LINE_TEXT"],
  writeBackStatus: ["DROP_DOWN", "RADIO_BUTTON", "SINGLE_LINE_TEXT"],
  writeBackDate: ["DATETIME"],
  writeBackNumber: ["NUMBER", "SINGLE_LINE_TEXT"],
  writeBackEmail: ["SINGLE_LINE_TEXT", "LINK"],
  writeBackError: ["MULTI_LINE_TEXT", "SINGLE_LINE_TEXT"],
  /** An address is several lines: only a multi-line text keeps them. */
  writeBackAddress: ["MULTI_LINE_TEXT"],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionValues(options: unknown): string[] | undefined {
  if (!isObject(options)) return undefined;
  const entries = Object.entries(options).map(([value, option]) => {
    const index = isObject(option) ? Number(option.index) : NaN;
    return { value, index: Number.isFinite(index) ? index : Number.MAX_SAFE_INTEGER };
  });
  entries.sort((a, b) => a.index - b.index);
  return entries.map((entry) => entry.value);
}

function readFields(properties: unknown, subtable?: string): FormField[] {
  if (!isObject(properties)) return [];
  const fields: FormField[] = [];
  for (const property of Object.values(properties)) {
    if (!isObject(property)) continue;
    const { code, label, type } = property;
    if (typeof code !== "string" || typeof type !== "string") continue;
    // Process management and category fields are listed even when disabled.
    if (property.enabled === false) continue;
    const field: FormField = { code, label: typeof label === "string" ? label : code, type };
    const options = optionValues(property.options);
    if (options !== undefined) field.options = options;
    if (subtable !== undefined) field.subtable = subtable;
    if (type === "SUBTABLE") field.columns = readFields(property.fields, code);
    fields.push(field);
  }
  return fields;
}

/** Reads `GET /k/v1/app/form/fields.json` into FormFields (subtables with their columns). */
export function parseFormFields(response: unknown): FormField[] {
  return isObject(response) ? readFields(response.properties) : [];
}

export async function loadFormFields(appId: string): Promise<FormField[]> {
  const response: unknown = await kintone.api(
    kintone.api.url("/k/v1/app/form/fields.json", true),
    "GET",
    { app: appId },
  );
  return parseFormFields(response);
}

/**
 * The fields offered for a purpose. Line-item values in subtable mode read the row's column
 * first, then the record's field of the same code, so the subtable's columns come first there.
 * Write-back targets are record fields only. Best-fitting types come first.
 */
export function fieldChoices(
  fields: FormField[],
  purpose: FieldPurpose,
  subtableCode?: string,
): FormField[] {
  const fitting = FITTING_TYPES[purpose];
  // Best-fitting types first (numbers before texts for a price), otherwise in the form's order.
  const fit = (list: FormField[]) =>
    list
      .filter((field) => fitting.includes(field.type))
      .sort((a, b) => fitting.indexOf(a.type) - fitting.indexOf(b.type));
  const recordFields = fit(fields);
  if (subtableCode === undefined || purpose.startsWith("writeBack") || purpose === "subtable") {
    return recordFields;
  }
  const table = fields.find((field) => field.type === "SUBTABLE" && field.code === subtableCode);
  const columns = fit(table?.columns ?? []);
  return [...columns, ...recordFields];
}

/** A field by code, among the record's fields and the columns of every subtable. */
export function findField(fields: FormField[], code: string): FormField | undefined {
  for (const field of fields) {
    if (field.code === code) return field;
    const column = field.columns?.find((c) => c.code === code);
    if (column !== undefined) return column;
  }
  return undefined;
}
