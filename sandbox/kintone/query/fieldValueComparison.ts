/** How a record's field values compare with a query's values: numbers, instants, texts, emptiness. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { NUMBER_PATTERN, type ComparisonOperator } from "./parsedQuery";
import type { QueryFieldInfo } from "./queryContext";

export const NUMERIC_TYPES = new Set(["NUMBER", "CALC", "RECORD_NUMBER", "__ID__", "__REVISION__"]);
export const INSTANT_TYPES = new Set(["DATETIME", "CREATED_TIME", "UPDATED_TIME"]);

/** The comparable raw values of a field in a record: one per table row for table columns. */
export function rawValues(record: KintoneRecord, code: string, info: QueryFieldInfo): unknown[] {
  if (info.subtable) {
    const table = record[info.subtable];
    if (!table || table.type !== "SUBTABLE") return [];
    return table.value.map((row) => row.value[code]?.value);
  }
  return [record[code]?.value];
}

export function asTexts(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw.flatMap(asTexts);
  if (typeof raw === "object") {
    const entity = raw as { code?: string; name?: string };
    return [entity.code ?? entity.name ?? ""];
  }
  return [String(raw)];
}

export function isEmptyValue(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (Array.isArray(raw)) return raw.length === 0;
  if (typeof raw === "string") return raw.trim() === "";
  return false;
}

/** Orders two values of one field type: numbers numerically, instants in time, the rest as text. */
export function compareFieldValues(type: string, a: string, b: string): number {
  if (NUMERIC_TYPES.has(type)) {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? -1 : 1;
    return Math.sign(Number(a) - Number(b));
  }
  if (INSTANT_TYPES.has(type)) {
    const ta = a === "" ? Number.NEGATIVE_INFINITY : Date.parse(a);
    const tb = b === "" ? Number.NEGATIVE_INFINITY : Date.parse(b);
    return ta === tb ? 0 : ta < tb ? -1 : 1;
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

export function compareOne(
  type: string,
  operator: ComparisonOperator,
  actual: string,
  expected: string,
): boolean {
  if (operator === "like") return actual.toLowerCase().includes(expected.toLowerCase());
  if (operator === "not like") return !actual.toLowerCase().includes(expected.toLowerCase());
  if (actual === "" && operator !== "!=" && !(operator === "=" && expected === "")) return false;
  // A date given for a date-time field compares against that whole day (UTC).
  if (INSTANT_TYPES.has(type) && /^\d{4}-\d{2}-\d{2}$/.test(expected)) {
    const day = actual.slice(0, 10);
    const order = day === expected ? 0 : day < expected ? -1 : 1;
    return applyOrder(operator, order);
  }
  if (NUMERIC_TYPES.has(type) && (!NUMBER_PATTERN.test(expected) || actual === "")) {
    return operator === "!=" ? actual !== expected : false;
  }
  return applyOrder(operator, compareFieldValues(type, actual, expected));
}

export function applyOrder(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case ">":
      return order > 0;
    case "<":
      return order < 0;
    case ">=":
      return order >= 0;
    case "<=":
      return order <= 0;
    default:
      return false;
  }
}
