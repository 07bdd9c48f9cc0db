/** The parsed form of a kintone query, and kintone's caps on its paging. */
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

/** A number literal of the query language. */
export const NUMBER_PATTERN = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
