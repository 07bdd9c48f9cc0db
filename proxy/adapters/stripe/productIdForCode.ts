import { createHash } from "node:crypto";

/**
 * The Stripe product id owned by a product code: `kc_` + the first 128 bits of SHA-256(code) in
 * hex. Stripe lets a product be created with a caller-chosen id that must be unique in the account
 * (https://docs.stripe.com/api/products/create#create_product-id), so creating with this id is a
 * lock no concurrent creator or lagging search can get around. Lower-case letters, digits and `_`
 * only, 35 characters: safe for ids and URLs.
 */
export function productIdForCode(code: string): string {
  const digest = createHash("sha256").update(code, "utf8").digest("hex");
  return `kc_${digest.slice(0, 32)}`;
}

/**
 * A `products.search` query for products registered with this code. Values are single-quoted;
 * quotes and backslashes inside are escaped with a backslash
 * (https://docs.stripe.com/search#search-query-language), so a code cannot widen the query.
 */
export function productCodeSearchQuery(code: string): string {
  const escaped = code.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  return `metadata['product_code']:'${escaped}'`;
}

/**
 * Stripe combines "up to 10 query clauses in a search", joined with `AND` or `OR`
 * (https://docs.stripe.com/search#search-query-language).
 */
export const MAX_SEARCH_CLAUSES = 10;
/**
 * A query (sent in the URL of a GET) longer than this is split even below 10 clauses, so long or
 * non-ASCII codes (percent-encoded: 9 characters for one kana or kanji) keep the URL short.
 */
export const MAX_SEARCH_QUERY_LENGTH = 1500;

/**
 * `products.search` queries that together find the products registered with any of these codes:
 * one clause per distinct code, joined with `OR`, at most 10 clauses and about
 * MAX_SEARCH_QUERY_LENGTH characters a query (a single longer clause gets a query of its own).
 */
export function productCodeSearchQueries(
  codes: readonly string[],
): { codes: string[]; query: string }[] {
  const batches: { codes: string[]; query: string }[] = [];
  for (const code of new Set(codes)) {
    const clause = productCodeSearchQuery(code);
    const last = batches[batches.length - 1];
    const joined = last ? `${last.query} OR ${clause}` : "";
    if (
      last &&
      last.codes.length < MAX_SEARCH_CLAUSES &&
      joined.length <= MAX_SEARCH_QUERY_LENGTH
    ) {
      last.codes.push(code);
      last.query = joined;
    } else {
      batches.push({ codes: [code], query: clause });
    }
  }
  return batches;
}
