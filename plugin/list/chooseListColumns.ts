import type { MappingConfig } from "../../core/mapping/MappingConfig";

export interface FormField {
  type: string;
  code: string;
  label: string;
}

export interface ListColumns {
  /** The RECORD_NUMBER field's code, when the app has one. */
  recordNumber?: string;
  /** A few fields that tell the records apart, with their labels. */
  identifying: FormField[];
  /** The write-back status field, shown so an open link is seen before re-issuing. */
  status?: FormField;
  /** The write-back payment status field: it tells which records are billed already. */
  paymentStatus?: FormField;
}

const TEXT_TYPES = new Set([
  "SINGLE_LINE_TEXT",
  "LINK",
  "DROP_DOWN",
  "RADIO_BUTTON",
  "NUMBER",
  "CALC",
]);
const MAX_IDENTIFYING = 2;

/**
 * Which fields the dialog lists: the mapped name (and product code) field when it is a field of
 * the record, then the first single-line text fields, never the plugin's own write-back fields.
 */
export function chooseListColumns(
  properties: Record<string, FormField>,
  mapping: MappingConfig,
): ListColumns {
  const fields = Object.values(properties);
  const writeBack = new Set(Object.values(mapping.writeBack));
  const identifying: FormField[] = [];
  const add = (field: FormField | undefined) => {
    if (field === undefined || identifying.length >= MAX_IDENTIFYING) return;
    if (writeBack.has(field.code) || identifying.some((f) => f.code === field.code)) return;
    if (!TEXT_TYPES.has(field.type)) return;
    identifying.push(field);
  };
  for (const ref of [mapping.lineItem.name, mapping.lineItem.productCode]) {
    if (ref !== undefined && "field" in ref) add(properties[ref.field]);
  }
  for (const field of fields) if (field.type === "SINGLE_LINE_TEXT") add(field);

  const field = (code: string | undefined) => (code === undefined ? undefined : properties[code]);
  return {
    recordNumber: fields.find((f) => f.type === "RECORD_NUMBER")?.code,
    identifying,
    status: field(mapping.writeBack.status),
    paymentStatus: field(mapping.writeBack.paymentStatus),
  };
}

/** The fields to ask kintone for: ids and revisions, and what the dialog shows. */
export function fieldsToFetch(columns: ListColumns): string[] {
  return [
    "$id",
    "$revision",
    ...(columns.recordNumber ? [columns.recordNumber] : []),
    ...columns.identifying.map((f) => f.code),
    ...(columns.status ? [columns.status.code] : []),
    ...(columns.paymentStatus ? [columns.paymentStatus.code] : []),
  ];
}
