/**
 * A subset of Stripe's Search Query Language (https://docs.stripe.com/search#search-query-language):
 * clauses `field:'value'` (exact, case-insensitive), `field~'value'` (substring, ≥ 3 characters),
 * `-field:'value'` (negation), `metadata['key']:'value'`, numeric `created>…`/`<`/`>=`/`<=`, joined
 * by `AND` or by `OR` (keywords case-insensitive; not both in one query, as Stripe requires), at
 * most 10 clauses ("You can combine up to 10 query clauses in a search").
 */
import { invalidParam } from "./StripeApiError";

/** https://docs.stripe.com/search#search-query-language: "up to 10 query clauses". */
export const MAX_SEARCH_CLAUSES = 10;

export interface SearchClause {
  negated: boolean;
  field: string;
  metadataKey?: string;
  operator: ":" | "~" | ">" | "<" | ">=" | "<=";
  value: string;
}

export interface SearchQuery {
  join: "AND" | "OR";
  clauses: SearchClause[];
}

function parseError(query: string) {
  return invalidParam(
    "query",
    `We were unable to parse your search query. Try using the format \`metadata["key"]:"value"\` to query for metadata or \`key:"value"\` to query for other fields. Query: ${query}`,
    "parameter_invalid_string",
  );
}

/** Splits on whitespace outside quotes. */
function tokens(query: string): string[] {
  const result: string[] = [];
  let current = "";
  let quote: string | null = null;
  let escaped = false;
  for (const char of query) {
    if (quote) {
      current += char;
      // "You can escape quotes inside of quotes with a backslash" (search-query-language).
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (/\s/.test(char)) {
      if (current) result.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (quote) return [];
  if (current) result.push(current);
  return result;
}

const CLAUSE = /^(-?)(metadata\[(['"])(.+?)\3\]|[a-z_]+)(:|~|>=|<=|>|<)(?:(['"])(.*)\6|(-?\d+))$/s;

export function parseSearchQuery(query: string, fields: readonly string[]): SearchQuery {
  const parts = tokens(query.trim());
  if (parts.length === 0) throw parseError(query);
  const clauses: SearchClause[] = [];
  const joins = new Set<string>();
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const keyword = part.toUpperCase();
      if (keyword !== "AND" && keyword !== "OR") throw parseError(query);
      joins.add(keyword);
      return;
    }
    const match = CLAUSE.exec(part);
    if (!match) throw parseError(query);
    const [, negation, fieldText, , metadataKey, operator, , quoted, number] = match;
    const field = metadataKey !== undefined ? "metadata" : (fieldText ?? "");
    if (!fields.includes(field)) {
      throw invalidParam("query", `Field \`${field}\` is an unsupported search field.`);
    }
    const value = quoted !== undefined ? quoted.replace(/\\(.)/gs, "$1") : (number ?? "");
    if (operator === "~" && [...value].length < 3) {
      throw invalidParam(
        "query",
        "Substring search (~) requires a value of at least 3 characters.",
      );
    }
    clauses.push({
      negated: negation === "-",
      field,
      ...(metadataKey !== undefined ? { metadataKey } : {}),
      operator: operator as SearchClause["operator"],
      value,
    });
  });
  if (parts.length % 2 === 0) throw parseError(query);
  if (clauses.length > MAX_SEARCH_CLAUSES) {
    throw invalidParam(
      "query",
      `A search query can combine at most ${MAX_SEARCH_CLAUSES} clauses; this one has ${clauses.length}.`,
    );
  }
  if (joins.size > 1) {
    throw invalidParam("query", "Search queries cannot mix AND and OR in the same query.");
  }
  return { join: joins.has("OR") ? "OR" : "AND", clauses };
}

function clauseMatches(clause: SearchClause, object: Record<string, unknown>): boolean {
  let actual: unknown;
  if (clause.field === "metadata") {
    const metadata = object.metadata as Record<string, string> | undefined;
    actual = clause.metadataKey !== undefined ? metadata?.[clause.metadataKey] : undefined;
  } else {
    actual = object[clause.field];
  }
  if (actual === null || actual === undefined) return false;
  const text = String(actual).toLowerCase();
  const wanted = clause.value.toLowerCase();
  switch (clause.operator) {
    case ":":
      return text === wanted;
    case "~":
      return text.includes(wanted);
    default: {
      const number = Number(actual);
      const bound = Number(clause.value);
      if (clause.operator === ">") return number > bound;
      if (clause.operator === "<") return number < bound;
      if (clause.operator === ">=") return number >= bound;
      return number <= bound;
    }
  }
}

export function matchesSearch(query: SearchQuery, object: Record<string, unknown>): boolean {
  const results = query.clauses.map((clause) => clauseMatches(clause, object) !== clause.negated);
  return query.join === "AND" ? results.every(Boolean) : results.some(Boolean);
}
