/** kintone's value formats: date/time/number parsing, and the empty and initial value of a field. */
import type { FieldDef } from "./appDefinition";

/** kintone's DATETIME format on output: UTC, minute precision. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00Z`;
}

const DATETIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function parseDateTime(text: string): Date | undefined {
  const match = DATETIME_PATTERN.exec(text);
  if (!match) return undefined;
  const zone = match[5] ?? "Z";
  const normalisedZone =
    zone === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4] ?? "00"}${normalisedZone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case "CHECK_BOX":
    case "MULTI_SELECT":
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
    case "FILE":
    case "SUBTABLE":
    case "CATEGORY":
    case "STATUS_ASSIGNEE":
      return [];
    default:
      return "";
  }
}

/** The value of a field a new record does not set: its default, a radio button's first option, else empty. */
export function initialValue(
  field: FieldDef,
  convert: (value: unknown, path: string) => unknown,
  path: string,
): unknown {
  if (field.defaultValue !== undefined)
    return convert(field.defaultValue, path) ?? emptyValue(field);
  if (field.type === "RADIO_BUTTON" && field.options?.[0] !== undefined) return field.options[0];
  return emptyValue(field);
}
