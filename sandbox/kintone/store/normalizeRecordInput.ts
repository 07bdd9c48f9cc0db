/** A record body as POST/PUT record(s).json take it, checked and converted field by field. */
import { addError } from "../KintoneApiError";
import { SYSTEM_TYPES, type AppInfo, type FieldDef } from "./appDefinition";
import { convertFieldValue, userEntityOf, type FieldWrite } from "./convertFieldValue";
import { formatInstant, initialValue, isEmpty, parseDateTime } from "./fieldValueFormats";
import { rejectUnknownCodes } from "./recordWriteChecks";
import type { StoredRecord, SystemValues } from "./storedRecord";

/**
 * Checks and converts a record body as POST/PUT record(s).json take it. Unknown field codes are
 * ignored when adding, as documented ("存在しないフィールドコードを指定した場合、そのフィールドは無視されて
 * レコードが登録されます", https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/), and fail
 * an update at once with `GAIA_FC01`; invalid values are collected into `errors` under kintone's keys
 * (`record.price.value`, `records[0].price.value`). With `existing`, fields not given keep their value.
 */
export function normalizeRecordInput(
  info: AppInfo,
  input: Record<string, { value: unknown }>,
  existing: StoredRecord | undefined,
  path: string,
  write: FieldWrite,
): { values: Record<string, unknown>; system: SystemValues } {
  const { errors } = write;
  const values: Record<string, unknown> = existing ? structuredClone(existing.values) : {};
  const system: SystemValues = {};
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    addError(errors, path, "Must be an object.");
    return { values, system };
  }
  if (existing) rejectUnknownCodes(Object.keys(input), info.fields);
  for (const field of info.fields) {
    const given = Object.prototype.hasOwnProperty.call(input, field.code)
      ? input[field.code]
      : undefined;
    const fieldPath = `${path}.${field.code}.value`;
    if (SYSTEM_TYPES.has(field.type)) {
      // kintone lets a new record carry its creator, modifier and times (data migration); updates ignore them.
      if (
        !existing &&
        given &&
        given.value !== undefined &&
        given.value !== null &&
        given.value !== ""
      ) {
        readSystemValue(field, given.value, fieldPath, write, system);
      }
      continue;
    }
    if (given === undefined || given === null || typeof given !== "object") {
      if (!existing) {
        values[field.code] = initialValue(
          field,
          (v, p) => convertFieldValue(field, v, p, write, undefined),
          fieldPath,
        );
        if (field.required && isEmpty(values[field.code])) addError(errors, fieldPath, "Required.");
      }
      continue;
    }
    const converted = convertFieldValue(
      field,
      given.value,
      fieldPath,
      write,
      existing?.values[field.code],
    );
    if (converted === undefined) continue;
    if (field.required && isEmpty(converted)) addError(errors, fieldPath, "Required.");
    values[field.code] = converted;
  }
  return { values, system };
}

function readSystemValue(
  field: FieldDef,
  value: unknown,
  path: string,
  write: FieldWrite,
  system: SystemValues,
): void {
  if (field.type === "CREATOR" || field.type === "MODIFIER") {
    const code = (value as { code?: unknown })?.code;
    if (typeof code !== "string" || !code)
      return addError(write.errors, path, "A user code is required.");
    const entity = userEntityOf(code, write.loginUser);
    if (field.type === "CREATOR") system.creator = entity;
    else system.modifier = entity;
  } else if (field.type === "CREATED_TIME" || field.type === "UPDATED_TIME") {
    const date = typeof value === "string" ? parseDateTime(value) : undefined;
    if (!date)
      return addError(
        write.errors,
        path,
        "Enter the date and time in the format YYYY-MM-DDTHH:MM:SSZ.",
      );
    if (field.type === "CREATED_TIME") system.createdAt = formatInstant(date);
    else system.updatedAt = formatInstant(date);
  }
}
