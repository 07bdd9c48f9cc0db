/** A kintone query parsed: its condition, `order by`, `limit` and `offset` (https://cybozu.dev/ja/kintone/docs/overview/query/). */
import { KintoneApiError } from "../KintoneApiError";
import {
  MAX_QUERY_LIMIT,
  MAX_QUERY_OFFSET,
  NUMBER_PATTERN,
  type ComparisonOperator,
  type ParsedQuery,
  type QueryCondition,
  type QueryValue,
} from "./parsedQuery";
import { syntaxError, tokenize, type Token } from "./tokenizeQuery";

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
