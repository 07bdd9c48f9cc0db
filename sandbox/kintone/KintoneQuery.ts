/**
 * kintone's record query language, the common subset: comparisons, `in`/`not in`, `like`/`not like`,
 * `is [not] empty`, `and`/`or` with parentheses, `order by`, `limit`, `offset`, and the functions
 * `LOGINUSER()`, `NOW()`, `TODAY()`, `YESTERDAY()`, `TOMORROW()`, `FROM_TODAY()` and the
 * THIS_/LAST_/NEXT_ WEEK, MONTH, YEAR periods (days counted in UTC, not the user's time zone).
 * https://cybozu.dev/ja/kintone/docs/overview/query/
 *
 * Errors are kintone's, as the real service returns them (codes checked against kintone's own
 * cli-kintone end-to-end suite and an emulator verified against real kintone):
 * syntax → `CB_VA01` with `errors.query`; unknown field → `GAIA_IQ11`; an operator the field type
 * does not support → `GAIA_IQ03`; `=`/`!=` on a table column → `GAIA_IQ07`; a choice that is not an
 * option → `GAIA_IQ10`; `limit` > 500 → `GAIA_QU01`; `offset` > 10,000 → `GAIA_QU02`.
 *
 * Known simplifications: `like` is a case-insensitive substring match (kintone does a word search);
 * several conditions on columns of one table are not forced onto the same row.
 */
import { KintoneApiError, invalidInput } from "./KintoneApiError";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";

export type QueryValue =
  | { kind: "string"; value: string }
  | { kind: "number"; value: string }
  | { kind: "function"; name: string; args: string[] };

export type ComparisonOperator = "=" | "!=" | ">" | "<" | ">=" | "<=" | "like" | "not like";

export type QueryCondition =
  | { kind: "and"; left: QueryCondition; right: QueryCondition }
  | { kind: "or"; left: QueryCondition; right: QueryCondition }
  | { kind: "compare"; field: string; operator: ComparisonOperator; value: QueryValue }
  | { kind: "in"; field: string; negated: boolean; values: QueryValue[] }
  | { kind: "empty"; field: string; negated: boolean };

export interface QueryOrder {
  field: string;
  direction: "asc" | "desc";
}

export interface ParsedQuery {
  condition?: QueryCondition;
  orderBy: QueryOrder[];
  limit?: number;
  offset?: number;
}

/** kintone's caps on `limit` and `offset` (https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records/). */
export const MAX_QUERY_LIMIT = 500;
export const MAX_QUERY_OFFSET = 10_000;
export const DEFAULT_QUERY_LIMIT = 100;

type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "symbol"; text: string; at: number };

function syntaxError(detail: string): KintoneApiError {
  return invalidInput({ query: { messages: [`The query is invalid: ${detail}.`] } });
}

const SYMBOLS = ["!=", ">=", "<=", "=", ">", "<", "(", ")", ","];

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= query.length) throw syntaxError(`unterminated string at ${start}`);
        const c = query[i] as string;
        if (c === '"') break;
        // kintone refuses raw control characters (tab, newline) inside a string literal.
        if (c < " ") throw syntaxError(`control character in string at ${i}`);
        if (c === "\\") {
          const next = query[i + 1];
          if (next === undefined) throw syntaxError(`unterminated string at ${start}`);
          text += next;
          i += 2;
          continue;
        }
        text += c;
        i++;
      }
      i++;
      tokens.push({ kind: "string", text, at: start });
      continue;
    }
    const symbol = SYMBOLS.find((s) => query.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: "symbol", text: symbol, at: i });
      i += symbol.length;
      continue;
    }
    if (char === "!") throw syntaxError(`unexpected "!" at ${i}`);
    const start = i;
    while (i < query.length && !/[\s()=!<>,"]/.test(query[i] as string)) i++;
    tokens.push({ kind: "word", text: query.slice(start, i), at: start });
  }
  return tokens;
}

const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private isKeyword(token: Token | undefined, keyword: string): boolean {
    return token?.kind === "word" && token.text.toLowerCase() === keyword;
  }

  private isSymbol(token: Token | undefined, symbol: string): boolean {
    return token?.kind === "symbol" && token.text === symbol;
  }

  private next(what: string): Token {
    const token = this.tokens[this.position];
    if (!token) throw syntaxError(`expected ${what} at the end`);
    this.position++;
    return token;
  }

  private expectKeyword(keyword: string): void {
    const token = this.next(`"${keyword}"`);
    if (!this.isKeyword(token, keyword)) throw syntaxError(`expected "${keyword}" at ${token.at}`);
  }

  private expectSymbol(symbol: string): void {
    const token = this.next(`"${symbol}"`);
    if (!this.isSymbol(token, symbol)) throw syntaxError(`expected "${symbol}" at ${token.at}`);
  }

  private atClauseStart(): boolean {
    const token = this.peek();
    return (
      (this.isKeyword(token, "order") && this.isKeyword(this.peek(1), "by")) ||
      this.isKeyword(token, "limit") ||
      this.isKeyword(token, "offset")
    );
  }

  parse(): ParsedQuery {
    const result: ParsedQuery = { orderBy: [] };
    if (this.peek() && !this.atClauseStart()) result.condition = this.parseOr();
    const seen = new Set<string>();
    while (this.peek()) {
      const token = this.next("a clause");
      const clause = token.kind === "word" ? token.text.toLowerCase() : "";
      if (seen.has(clause)) throw syntaxError(`"${clause}" given twice`);
      seen.add(clause);
      if (clause === "order") {
        this.expectKeyword("by");
        do {
          const field = this.parseFieldCode();
          let direction: "asc" | "desc" = "asc";
          if (this.isKeyword(this.peek(), "asc") || this.isKeyword(this.peek(), "desc")) {
            direction = this.next("asc|desc").text.toLowerCase() as "asc" | "desc";
          }
          result.orderBy.push({ field, direction });
        } while (this.isSymbol(this.peek(), ",") && this.next(","));
      } else if (clause === "limit" || clause === "offset") {
        const value = this.next("a number");
        if (value.kind !== "word" || !/^\d+$/.test(value.text)) {
          throw syntaxError(`${clause} needs a whole number at ${value.at}`);
        }
        result[clause] = Number(value.text);
      } else {
        throw syntaxError(`unexpected "${token.text}" at ${token.at}`);
      }
    }
    return result;
  }

  private parseOr(): QueryCondition {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), "or")) {
      this.position++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): QueryCondition {
    let left = this.parsePrimary();
    while (this.isKeyword(this.peek(), "and")) {
      this.position++;
      left = { kind: "and", left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): QueryCondition {
    if (this.isSymbol(this.peek(), "(")) {
      this.position++;
      const inner = this.parseOr();
      this.expectSymbol(")");
      return inner;
    }
    const field = this.parseFieldCode();
    const operator = this.next("an operator");
    if (operator.kind === "symbol" && ["=", "!=", ">", "<", ">=", "<="].includes(operator.text)) {
      return {
        kind: "compare",
        field,
        operator: operator.text as ComparisonOperator,
        value: this.parseValue(),
      };
    }
    const word = operator.kind === "word" ? operator.text.toLowerCase() : "";
    if (word === "like")
      return { kind: "compare", field, operator: "like", value: this.parseValue() };
    if (word === "in") return { kind: "in", field, negated: false, values: this.parseList() };
    if (word === "is") {
      const negated = this.isKeyword(this.peek(), "not");
      if (negated) this.position++;
      this.expectKeyword("empty");
      return { kind: "empty", field, negated };
    }
    if (word === "not") {
      const after = this.next('"in" or "like"');
      if (this.isKeyword(after, "in"))
        return { kind: "in", field, negated: true, values: this.parseList() };
      if (this.isKeyword(after, "like")) {
        return { kind: "compare", field, operator: "not like", value: this.parseValue() };
      }
      throw syntaxError(`expected "in" or "like" at ${after.at}`);
    }
    throw syntaxError(`unknown operator "${operator.text}" at ${operator.at}`);
  }

  private parseFieldCode(): string {
    const token = this.next("a field code");
    if (token.kind !== "word") throw syntaxError(`expected a field code at ${token.at}`);
    return token.text;
  }

  private parseList(): QueryValue[] {
    this.expectSymbol("(");
    const values: QueryValue[] = [this.parseValue()];
    while (this.isSymbol(this.peek(), ",")) {
      this.position++;
      values.push(this.parseValue());
    }
    this.expectSymbol(")");
    return values;
  }

  private parseValue(): QueryValue {
    const token = this.next("a value");
    if (token.kind === "string") return { kind: "string", value: token.text };
    if (token.kind === "word" && NUMBER_PATTERN.test(token.text))
      return { kind: "number", value: token.text };
    if (token.kind === "word" && /^[A-Z_]+$/.test(token.text) && this.isSymbol(this.peek(), "(")) {
      this.position++;
      const args: string[] = [];
      while (!this.isSymbol(this.peek(), ")")) {
        const arg = this.next("an argument");
        if (arg.kind === "symbol" && arg.text !== ",")
          throw syntaxError(`unexpected "${arg.text}" at ${arg.at}`);
        if (arg.kind !== "symbol") args.push(arg.text);
      }
      this.position++;
      return { kind: "function", name: token.text, args };
    }
    throw syntaxError(`expected a value at ${token.at}`);
  }
}

/** Parses a query; throws kintone's `CB_VA01` for bad syntax and `GAIA_QU01`/`GAIA_QU02` over the caps. */
export function parseKintoneQuery(query: string): ParsedQuery {
  const parsed = new Parser(tokenize(query)).parse();
  if (parsed.limit !== undefined && parsed.limit > MAX_QUERY_LIMIT) {
    throw new KintoneApiError(400, "GAIA_QU01", `limit must be ${MAX_QUERY_LIMIT} or less.`);
  }
  if (parsed.offset !== undefined && parsed.offset > MAX_QUERY_OFFSET) {
    throw new KintoneApiError(400, "GAIA_QU02", "offset must be 10,000 or less.");
  }
  return parsed;
}

/** What the evaluator needs to know about a field code used in a query. */
export interface QueryFieldInfo {
  type: string;
  options?: string[];
  /** The SUBTABLE holding this column, for table columns. */
  subtable?: string;
}

export interface QueryContext {
  field(code: string): QueryFieldInfo | undefined;
  loginUserCode: string;
  now: Date;
}

const NUMERIC_TYPES = new Set(["NUMBER", "CALC", "RECORD_NUMBER", "__ID__", "__REVISION__"]);
const INSTANT_TYPES = new Set(["DATETIME", "CREATED_TIME", "UPDATED_TIME"]);
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

function fieldNotFound(code: string): KintoneApiError {
  return new KintoneApiError(400, "GAIA_IQ11", `Specified field (${code}) not found.`);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A query value as the text to compare with; functions resolved at `context.now`. */
function resolveValue(value: QueryValue, context: QueryContext): string {
  if (value.kind !== "function") return value.value;
  const day = 24 * 60 * 60 * 1000;
  switch (value.name) {
    case "LOGINUSER":
      return context.loginUserCode;
    case "NOW":
      return context.now.toISOString();
    case "TODAY":
      return isoDate(context.now);
    case "YESTERDAY":
      return isoDate(new Date(context.now.getTime() - day));
    case "TOMORROW":
      return isoDate(new Date(context.now.getTime() + day));
    default:
      throw invalidInput({
        query: { messages: [`The function ${value.name}() is not supported.`] },
      });
  }
}

/**
 * The days (UTC, inclusive) a period function names: FROM_TODAY(n, DAYS|WEEKS|MONTHS|YEARS),
 * THIS_/LAST_/NEXT_ WEEK (Sunday to Saturday), MONTH and YEAR; undefined for other values.
 */
function resolvePeriod(value: QueryValue, now: Date): { from: string; to: string } | undefined {
  if (value.kind !== "function") return undefined;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  const day = (year: number, month: number, date: number) =>
    isoDate(new Date(Date.UTC(year, month, date)));
  const week = (offset: number) => {
    const sunday = d - now.getUTCDay() + 7 * offset;
    return { from: day(y, m, sunday), to: day(y, m, sunday + 6) };
  };
  const month = (offset: number) => ({
    from: day(y, m + offset, 1),
    to: day(y, m + offset + 1, 0),
  });
  const year = (offset: number) => ({ from: day(y + offset, 0, 1), to: day(y + offset, 11, 31) });
  switch (value.name) {
    case "FROM_TODAY": {
      const [amountText, unit] = value.args;
      const amount = Number(amountText);
      if (!Number.isInteger(amount)) break;
      const target =
        unit === "DAYS"
          ? day(y, m, d + amount)
          : unit === "WEEKS"
            ? day(y, m, d + 7 * amount)
            : unit === "MONTHS"
              ? day(y, m + amount, d)
              : unit === "YEARS"
                ? day(y + amount, m, d)
                : undefined;
      if (target) return { from: target, to: target };
      break;
    }
    case "THIS_WEEK":
      return week(0);
    case "LAST_WEEK":
      return week(-1);
    case "NEXT_WEEK":
      return week(1);
    case "THIS_MONTH":
      return month(0);
    case "LAST_MONTH":
      return month(-1);
    case "NEXT_MONTH":
      return month(1);
    case "THIS_YEAR":
      return year(0);
    case "LAST_YEAR":
      return year(-1);
    case "NEXT_YEAR":
      return year(1);
    default:
      return undefined;
  }
  throw invalidInput({ query: { messages: [`Invalid arguments for ${value.name}().`] } });
}

/** The comparable raw values of a field in a record: one per table row for table columns. */
function rawValues(record: KintoneRecord, code: string, info: QueryFieldInfo): unknown[] {
  if (info.subtable) {
    const table = record[info.subtable];
    if (!table || table.type !== "SUBTABLE") return [];
    return table.value.map((row) => row.value[code]?.value);
  }
  return [record[code]?.value];
}

function asTexts(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (Array.isArray(raw)) return raw.flatMap(asTexts);
  if (typeof raw === "object") {
    const entity = raw as { code?: string; name?: string };
    return [entity.code ?? entity.name ?? ""];
  }
  return [String(raw)];
}

function isEmptyValue(raw: unknown): boolean {
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

function compareOne(
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

function applyOrder(operator: ComparisonOperator, order: number): boolean {
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

/** Sorts records as `order by` says, then by `$id` descending, kintone's default order. */
export function compileOrder(
  orderBy: QueryOrder[],
  context: QueryContext,
): (records: KintoneRecord[]) => KintoneRecord[] {
  const keys = orderBy.map((order) => {
    const info = context.field(order.field);
    if (!info) throw fieldNotFound(order.field);
    return { ...order, info, sign: order.direction === "asc" ? 1 : -1 };
  });
  return (records) => {
    // Sort keys are read once per record, not once per comparison.
    const decorated = records.map((record) => ({
      record,
      id: Number(record.$id?.value ?? 0),
      values: keys.map((key) => asTexts(rawValues(record, key.field, key.info)[0])[0] ?? ""),
    }));
    decorated.sort((a, b) => {
      for (const [index, key] of keys.entries()) {
        const order = compareFieldValues(
          key.info.type,
          a.values[index] ?? "",
          b.values[index] ?? "",
        );
        if (order !== 0) return order * key.sign;
      }
      return b.id - a.id;
    });
    return decorated.map((entry) => entry.record);
  };
}

/** Filters, orders and pages `records` by `query`; `totalCount` counts every match, before limit/offset. */
export function runKintoneQuery(
  records: KintoneRecord[],
  query: string,
  context: QueryContext,
  options: { paging?: boolean } = {},
): { records: KintoneRecord[]; totalCount: number; parsed: ParsedQuery } {
  const parsed = parseKintoneQuery(query);
  const predicate = compileCondition(parsed.condition, context);
  const sort = compileOrder(parsed.orderBy, context);
  const matched = sort(records.filter(predicate));
  if (options.paging === false) return { records: matched, totalCount: matched.length, parsed };
  const offset = parsed.offset ?? 0;
  const limit = parsed.limit ?? DEFAULT_QUERY_LIMIT;
  return { records: matched.slice(offset, offset + limit), totalCount: matched.length, parsed };
}
