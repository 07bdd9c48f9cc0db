/** The metadata key that carries a product's code, on ours and on those registered by hand. */
export const PRODUCT_CODE_METADATA_KEY = "product_code";

/**
 * A `products.search` query for products registered with this code. Values are single-quoted;
 * quotes and backslashes inside are escaped with a backslash
 * (https://docs.stripe.com/search#search-query-language), so a code cannot widen the query.
 */
export function productCodeSearchQuery(code: string): string {
  const escaped = code.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  return `metadata['${PRODUCT_CODE_METADATA_KEY}']:'${escaped}'`;
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
