/**
 * How each kintone field type reads as text, for names, descriptions, templates, prices and
 * quantities. Values come from outside (the REST API), so every shape is checked, not assumed.
 * https://cybozu.dev/ja/kintone/docs/overview/field-types/
 */
import { richTextToPlain } from "./richTextToPlain";

export type FieldTextResult =
  | { ok: true; text: string }
  /** `unsupported`: the type has no sensible text (FILE, SUBTABLE); `malformed`: not `{ type, value }` as documented. */
  | { ok: false; reason: "unsupported" | "malformed"; type: string };

/** Field types whose value is one plain string, used as it is (NUMBER and CALC included: "1234.5"). */
const STRING_TYPES = new Set([
  "__ID__",
  "__REVISION__",
  "RECORD_NUMBER",
  "SINGLE_LINE_TEXT",
  "MULTI_LINE_TEXT",
  "NUMBER",
  "CALC",
  "RADIO_BUTTON",
  "DROP_DOWN",
  "DATE",
  "TIME",
  "DATETIME",
  "LINK",
  "CREATED_TIME",
  "UPDATED_TIME",
  "STATUS",
]);
/** Lists of choices: joined with ", ", in kintone's order. */
const STRING_LIST_TYPES = new Set(["CHECK_BOX", "MULTI_SELECT", "CATEGORY"]);
/** Users, organisations, groups: their display names, joined with ", ". */
const ENTITY_LIST_TYPES = new Set([
  "USER_SELECT",
  "ORGANIZATION_SELECT",
  "GROUP_SELECT",
  "STATUS_ASSIGNEE",
]);
const ENTITY_TYPES = new Set(["CREATOR", "MODIFIER"]);
const UNSUPPORTED_TYPES = new Set(["FILE", "SUBTABLE"]);

/**
 * The field types a mapping's texts (names, descriptions, templates) are meant to read: text,
 * numbers, choices, dates and links. fieldToText reads each of them as text, as it does users.
 */
export const TEXT_FIELD_TYPES: readonly string[] = [
  "SINGLE_LINE_TEXT",
  "MULTI_LINE_TEXT",
  "RICH_TEXT",
  "NUMBER",
  "CALC",
  "DROP_DOWN",
  "RADIO_BUTTON",
  "CHECK_BOX",
  "MULTI_SELECT",
  "LINK",
  "DATE",
  "TIME",
  "DATETIME",
  "RECORD_NUMBER",
];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entityName(entity: unknown): string | undefined {
  if (!isObject(entity)) return undefined;
  if (typeof entity.name === "string" && entity.name !== "") return entity.name;
  return typeof entity.code === "string" ? entity.code : undefined;
}

export function fieldToText(field: unknown): FieldTextResult {
  if (!isObject(field) || typeof field.type !== "string") {
    return { ok: false, reason: "malformed", type: "?" };
  }
  const { type, value } = field;
  const malformed = { ok: false, reason: "malformed", type } as const;
  if (UNSUPPORTED_TYPES.has(type)) return { ok: false, reason: "unsupported", type };
  if (type === "RICH_TEXT") {
    return typeof value === "string" ? { ok: true, text: richTextToPlain(value) } : malformed;
  }
  if (STRING_LIST_TYPES.has(type)) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return malformed;
    return { ok: true, text: value.join(", ") };
  }
  if (ENTITY_LIST_TYPES.has(type)) {
    if (!Array.isArray(value)) return malformed;
    const names = value.map(entityName);
    if (names.some((n) => n === undefined)) return malformed;
    return { ok: true, text: names.join(", ") };
  }
  if (ENTITY_TYPES.has(type)) {
    const name = entityName(value);
    return name === undefined ? malformed : { ok: true, text: name };
  }
  if (STRING_TYPES.has(type)) {
    // kintone sends null for some empty values (e.g. an unset DATE via some paths): read as empty.
    if (value === null || value === undefined) return { ok: true, text: "" };
    return typeof value === "string" ? { ok: true, text: value } : malformed;
  }
  // A type this code does not know (kintone added one): plain strings still read as text.
  return typeof value === "string"
    ? { ok: true, text: value }
    : { ok: false, reason: "unsupported", type };
}
