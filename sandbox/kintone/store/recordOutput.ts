/** A stored record in the shape kintone's REST API returns it. */
import type { KintoneField, KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { AppInfo, FieldDef } from "./appDefinition";
import { emptyValue } from "./fieldValueFormats";
import type { StoredRecord } from "./storedRecord";

/** The record in REST shape, cached on the stored record; a copy unless `copy` is false. */
export function restRecordOf(info: AppInfo, stored: StoredRecord, copy = true): KintoneRecord {
  stored.view ??= buildRestRecord(info, stored);
  return copy ? structuredClone(stored.view) : stored.view;
}

function buildRestRecord(info: AppInfo, stored: StoredRecord): KintoneRecord {
  const record: Record<string, KintoneField> = {};
  for (const field of info.fields) {
    const value = outputValue(field, stored);
    if (value !== undefined) record[field.code] = value;
  }
  record.$id = { type: "__ID__", value: String(stored.id) };
  record.$revision = { type: "__REVISION__", value: String(stored.revision) };
  return structuredClone(record);
}

function outputValue(field: FieldDef, stored: StoredRecord): KintoneField | undefined {
  switch (field.type) {
    case "RECORD_NUMBER":
      return { type: "RECORD_NUMBER", value: String(stored.id) };
    case "CREATOR":
      return { type: "CREATOR", value: stored.creator };
    case "MODIFIER":
      return { type: "MODIFIER", value: stored.modifier };
    case "CREATED_TIME":
      return { type: "CREATED_TIME", value: stored.createdAt };
    case "UPDATED_TIME":
      return { type: "UPDATED_TIME", value: stored.updatedAt };
    case "LABEL":
    case "SPACER":
    case "HR":
    case "GROUP":
    case "REFERENCE_TABLE":
      return undefined;
    default:
      return {
        type: field.type,
        value: stored.values[field.code] ?? emptyValue(field),
      } as KintoneField;
  }
}

/** A record with only the named fields (all when `fields` is empty), as the `fields` parameter asks. */
export function pickFields(record: KintoneRecord, fields: string[] | undefined): KintoneRecord {
  if (!fields || fields.length === 0) return record;
  const picked: KintoneRecord = {};
  for (const code of fields) {
    const field = record[code];
    if (field) picked[code] = field;
  }
  return picked;
}
