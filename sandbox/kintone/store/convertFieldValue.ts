/** A written field value checked and converted to the form kintone keeps it in. */
import type {
  KintoneEntity,
  KintoneField,
  KintoneFile,
  KintoneSubtableRow,
} from "../../../core/kintone/KintoneRecord";
import { addError, type KintoneErrorDetails } from "../KintoneApiError";
import type { FieldDef } from "./appDefinition";
import {
  emptyValue,
  formatInstant,
  initialValue,
  isEmpty,
  isValidDate,
  NUMBER_PATTERN,
  parseDateTime,
} from "./fieldValueFormats";
import { rejectUnknownCodes } from "./recordWriteChecks";

/** One write being validated: where errors go, and what converting a value may need of the store. */
export interface FieldWrite {
  errors: KintoneErrorDetails;
  /** Whether the write adds or updates (unknown codes are ignored, or refused). */
  writing: "add" | "update";
  loginUser: { code: string; name: string };
  /** Attaches a temporary file key as a new permanent FILE value; throws GAIA_BL01 for an unknown key. */
  attachFile(fileKey: string): KintoneFile;
  nextRowId(): string;
}

/** A list-valued field's input: absent is empty; anything but an array is an error. */
function listInput(
  value: unknown,
  path: string,
  errors: KintoneErrorDetails,
): unknown[] | undefined {
  const list = value === undefined || value === null ? [] : value;
  if (Array.isArray(list)) return list as unknown[];
  addError(errors, path, "Must be an array.");
  return undefined;
}

/** The entity of a user code: the login user's name for the login user, else the code. */
export function userEntityOf(
  code: string,
  loginUser: { code: string; name: string },
): KintoneEntity {
  return { code, name: code === loginUser.code ? loginUser.name : code };
}

/** A written value in kintone's stored form; undefined (with an error recorded) when invalid. */
export function convertFieldValue(
  field: FieldDef,
  value: unknown,
  path: string,
  write: FieldWrite,
  previous: unknown,
): unknown {
  const fail = (message: string): undefined => {
    addError(write.errors, path, message);
    return undefined;
  };
  const text =
    value === undefined || value === null ? "" : typeof value === "number" ? String(value) : value;
  switch (field.type) {
    case "SINGLE_LINE_TEXT":
    case "MULTI_LINE_TEXT":
    case "RICH_TEXT":
    case "LINK":
    case "CALC":
      return typeof text === "string" ? text : fail("Must be a string.");
    case "NUMBER":
      if (typeof text !== "string") return fail("Only numbers are allowed.");
      return text === "" || NUMBER_PATTERN.test(text) ? text : fail("Only numbers are allowed.");
    case "DROP_DOWN":
    case "RADIO_BUTTON": {
      if (typeof text !== "string") return fail("Must be a string.");
      if (text === "" && field.type === "DROP_DOWN") return "";
      // kintone: CB_VA01 `"X" is not an option.` (https://support.gusuku.io/ja-JP/support/solutions/articles/36000243836)
      return field.options?.includes(text)
        ? text
        : fail(`The value, "${text}", is not in options.`);
    }
    case "CHECK_BOX":
    case "MULTI_SELECT": {
      const list = value === undefined || value === null ? [] : value;
      if (!Array.isArray(list) || list.some((v) => typeof v !== "string"))
        return fail("Must be an array of strings.");
      const unknown = list.find((v) => !field.options?.includes(v as string));
      return unknown === undefined
        ? [...list]
        : fail(`The value, "${String(unknown)}", is not in options.`);
    }
    case "DATE":
      if (typeof text !== "string") return fail("Invalid date.");
      return text === "" || isValidDate(text)
        ? text
        : fail("Enter the date in the format YYYY-MM-DD.");
    case "TIME": {
      if (typeof text !== "string") return fail("Invalid time.");
      if (text === "") return "";
      const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(text);
      return match ? `${match[1]}:${match[2]}` : fail("Enter the time in the format HH:MM.");
    }
    case "DATETIME": {
      if (typeof text !== "string") return fail("Invalid date and time.");
      if (text === "") return "";
      const date = parseDateTime(text);
      return date
        ? formatInstant(date)
        : fail("Enter the date and time in the format YYYY-MM-DDTHH:MM:SSZ.");
    }
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT": {
      const list = value === undefined || value === null ? [] : value;
      if (!Array.isArray(list)) return fail("Must be an array.");
      const entities: KintoneEntity[] = [];
      for (const item of list) {
        const code = (item as { code?: unknown })?.code;
        if (typeof code !== "string" || !code) return fail("Each entry needs a code.");
        entities.push(userEntityOf(code, write.loginUser));
      }
      return entities;
    }
    case "FILE":
      return convertFiles(value, path, write, previous);
    case "SUBTABLE":
      return convertRows(field, value, path, write, previous);
    default:
      // Types the emulator does not model (STATUS, CATEGORY, …) are kept as given.
      return value;
  }
}

/** FILE values: `[{ fileKey }]`; a temporary key is attached (becomes a new permanent key), an attached one is kept. */
function convertFiles(
  value: unknown,
  path: string,
  write: FieldWrite,
  previous: unknown,
): KintoneFile[] | undefined {
  const list = listInput(value, path, write.errors);
  if (list === undefined) return undefined;
  const previousFiles = Array.isArray(previous) ? (previous as KintoneFile[]) : [];
  const result: KintoneFile[] = [];
  for (const item of list) {
    const fileKey = (item as { fileKey?: unknown })?.fileKey;
    if (typeof fileKey !== "string" || !fileKey) {
      addError(write.errors, path, "fileKey is required.");
      return undefined;
    }
    const kept = previousFiles.find((f) => f.fileKey === fileKey);
    result.push(kept ?? write.attachFile(fileKey));
  }
  return result;
}

/** SUBTABLE rows: rows with a known id are updated (unlisted columns keep their value), others added, missing rows removed. */
function convertRows(
  field: FieldDef,
  value: unknown,
  path: string,
  write: FieldWrite,
  previous: unknown,
): KintoneSubtableRow[] | undefined {
  const list = listInput(value, path, write.errors);
  if (list === undefined) return undefined;
  const previousRows = Array.isArray(previous) ? (previous as KintoneSubtableRow[]) : [];
  const columns = field.fields ?? [];
  return list.map((row: unknown, index) => {
    const rowInput = (row ?? {}) as { id?: unknown; value?: Record<string, { value: unknown }> };
    const rowValue = rowInput.value ?? {};
    const rowPath = `${path}[${index}].value`;
    if (write.writing === "update") rejectUnknownCodes(Object.keys(rowValue), columns);
    const existingRow =
      rowInput.id !== undefined
        ? previousRows.find((r) => r.id === String(rowInput.id))
        : undefined;
    const cells: Record<string, KintoneField> = {};
    for (const column of columns) {
      const cellPath = `${rowPath}.${column.code}.value`;
      const given = rowValue[column.code];
      if (given && typeof given === "object") {
        const converted = convertFieldValue(
          column,
          given.value,
          cellPath,
          write,
          existingRow?.value[column.code]?.value,
        );
        if (column.required && isEmpty(converted)) addError(write.errors, cellPath, "Required.");
        cells[column.code] = {
          type: column.type,
          value: converted ?? emptyValue(column),
        } as KintoneField;
      } else if (existingRow?.value[column.code]) {
        cells[column.code] = existingRow.value[column.code] as KintoneField;
      } else {
        const initial = initialValue(
          column,
          (v, p) => convertFieldValue(column, v, p, write, undefined),
          cellPath,
        );
        if (column.required && isEmpty(initial)) addError(write.errors, cellPath, "Required.");
        cells[column.code] = { type: column.type, value: initial } as KintoneField;
      }
    }
    return { id: existingRow?.id ?? write.nextRowId(), value: cells };
  });
}
