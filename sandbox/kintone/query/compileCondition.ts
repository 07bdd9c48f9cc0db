/** A query's condition checked against the app's fields and compiled to a record predicate. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { KintoneApiError } from "../KintoneApiError";
import {
  applyOrder,
  asTexts,
  compareFieldValues,
  compareOne,
  INSTANT_TYPES,
  isEmptyValue,
  NUMERIC_TYPES,
  rawValues,
} from "./fieldValueComparison";
import type { ComparisonOperator, QueryCondition } from "./parsedQuery";
import { fieldNotFound, type QueryContext } from "./queryContext";
import { resolvePeriod, resolveValue } from "./resolveQueryValue";

const CHOICE_TYPES = new Set(["CHECK_BOX", "RADIO_BUTTON", "DROP_DOWN", "MULTI_SELECT"]);

type OperatorName = ComparisonOperator | "in" | "not in" | "is";

const ORDERED = ["=", "!=", ">", "<", ">=", "<="] as const;
const SUPPORTED_OPERATORS: Record<string, readonly OperatorName[]> = {
  __ID__: [...ORDERED, "in", "not in"],
  __REVISION__: [...ORDERED, "in", "not in"],
  RECORD_NUMBER: [...ORDERED, "in", "not in"],
  NUMBER: [...ORDERED, "in", "not in", "is"],
  CALC: [...ORDERED, "in", "not in", "is"],
  SINGLE_LINE_TEXT: ["=", "!=", "in", "not in", "like", "not like", "is"],
  LINK: ["=", "!=", "in", "not in", "like", "not like", "is"],
  MULTI_LINE_TEXT: ["like", "not like", "is"],
  RICH_TEXT: ["like", "not like", "is"],
  FILE: ["like", "not like", "is"],
  DATE: [...ORDERED, "is"],
  TIME: [...ORDERED, "is"],
  DATETIME: [...ORDERED, "is"],
  CREATED_TIME: [...ORDERED],
  UPDATED_TIME: [...ORDERED],
  CHECK_BOX: ["in", "not in", "is"],
  MULTI_SELECT: ["in", "not in", "is"],
  DROP_DOWN: ["in", "not in", "is"],
  RADIO_BUTTON: ["in", "not in"],
  CREATOR: ["in", "not in"],
  MODIFIER: ["in", "not in"],
  USER_SELECT: ["in", "not in", "is"],
  ORGANIZATION_SELECT: ["in", "not in", "is"],
  GROUP_SELECT: ["in", "not in", "is"],
  STATUS: ["=", "!=", "in", "not in"],
  STATUS_ASSIGNEE: ["in", "not in"],
  CATEGORY: ["in", "not in"],
};

type FieldCondition = Exclude<QueryCondition, { kind: "and" } | { kind: "or" }>;

function operatorName(condition: FieldCondition): OperatorName {
  if (condition.kind === "compare") return condition.operator;
  if (condition.kind === "in") return condition.negated ? "not in" : "in";
  return "is";
}

export type RecordPredicate = (record: KintoneRecord) => boolean;

/** Checks every field and operator of `condition` against the app and returns its predicate. */
export function compileCondition(
  condition: QueryCondition | undefined,
  context: QueryContext,
): RecordPredicate {
  if (!condition) return () => true;
  if (condition.kind === "and" || condition.kind === "or") {
    const left = compileCondition(condition.left, context);
    const right = compileCondition(condition.right, context);
    return condition.kind === "and" ? (r) => left(r) && right(r) : (r) => left(r) || right(r);
  }
  const info = context.field(condition.field);
  if (!info) throw fieldNotFound(condition.field);
  const operator = operatorName(condition);
  if (info.subtable && (operator === "=" || operator === "!=")) {
    throw new KintoneApiError(
      400,
      "GAIA_IQ07",
      `The operator "${operator}" cannot be used for the table field (${condition.field}); use "in" or "not in".`,
    );
  }
  const supported = SUPPORTED_OPERATORS[info.type] ?? [];
  if (!supported.includes(operator)) {
    throw new KintoneApiError(
      400,
      "GAIA_IQ03",
      `The operator "${operator}" cannot be used for the field (${condition.field}).`,
    );
  }
  const { type } = info;

  if (condition.kind === "empty") {
    const { negated } = condition;
    return (record) => {
      const values = rawValues(record, condition.field, info);
      const empty = values.length === 0 || values.every(isEmptyValue);
      return negated ? !empty : empty;
    };
  }

  if (condition.kind === "in") {
    const wanted = condition.values.map((v) => resolveValue(v, context));
    if (CHOICE_TYPES.has(type) && info.options) {
      const unknown = wanted.find((w) => w !== "" && !info.options?.includes(w));
      if (unknown !== undefined) {
        throw new KintoneApiError(
          400,
          "GAIA_IQ10",
          `The option "${unknown}" of the field (${condition.field}) does not exist.`,
        );
      }
    }
    const matchesOne = (raw: unknown): boolean => {
      const texts = asTexts(raw);
      if (texts.length === 0 || (texts.length === 1 && texts[0] === "")) return wanted.includes("");
      if (NUMERIC_TYPES.has(type))
        return texts.some((t) => wanted.some((w) => compareFieldValues(type, t, w) === 0));
      return texts.some((t) => wanted.includes(t));
    };
    const { negated } = condition;
    return (record) => {
      const matched = rawValues(record, condition.field, info).some(matchesOne);
      return negated ? !matched : matched;
    };
  }

  const { operator: comparison } = condition;
  const period = resolvePeriod(condition.value, context.now);
  if (period) {
    if (
      comparison === "like" ||
      comparison === "not like" ||
      !(type === "DATE" || INSTANT_TYPES.has(type))
    ) {
      throw new KintoneApiError(
        400,
        "GAIA_IQ03",
        `The function ${(condition.value as { name: string }).name}() cannot be used for the field (${condition.field}).`,
      );
    }
    return (record) =>
      rawValues(record, condition.field, info).some((raw) => {
        const day = (asTexts(raw)[0] ?? "").slice(0, 10);
        if (day === "") return comparison === "!=";
        return applyOrder(comparison, day < period.from ? -1 : day > period.to ? 1 : 0);
      });
  }
  const expected = resolveValue(condition.value, context);
  const negative = comparison === "not like";
  const positive: ComparisonOperator = negative ? "like" : comparison;
  const matchesOne = (raw: unknown): boolean => {
    if (type === "FILE" && Array.isArray(raw)) {
      return raw.some((file) =>
        compareOne(
          "SINGLE_LINE_TEXT",
          positive,
          String((file as { name?: string }).name ?? ""),
          expected,
        ),
      );
    }
    const texts = asTexts(raw);
    return compareOne(type, positive, texts[0] ?? "", expected);
  };
  return (record) => {
    const matched = rawValues(record, condition.field, info).some(matchesOne);
    return negative ? !matched : matched;
  };
}
