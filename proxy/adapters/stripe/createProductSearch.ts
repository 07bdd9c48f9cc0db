import Stripe from "stripe";
import {
  PRODUCT_CODE_METADATA_KEY,
  productCodeSearchQueries,
  productCodeSearchQuery,
} from "./productCodeSearchQueries";
import type { StripeAccess } from "./StripeAccess";
import { redactStripeMessage } from "./toUpstreamError";

/**
 * How long a looked-up "which products carry this code" answer may stand in for a search of its
 * own. Search itself may be a minute behind ("data is searchable in under 1 minute",
 * https://docs.stripe.com/search#data-freshness), so a lookup this old widens that blind spot for
 * products registered by hand only a little; our own products are guarded by their id either way.
 */
const LOOKUP_TTL_MS = 30_000;
/** Pages of one lookup search (100 products each) read at most; codes are rarely shared. */
const MAX_LOOKUP_PAGES = 5;

/** Finds the products that carry a code in metadata `product_code`. */
export interface ProductSearch {
  /**
   * Looks these codes up together, for the next `productsWithCode` of each. Never rejects: a
   * failed lookup is left to `productsWithCode`, which then searches on its own.
   */
  prepare(codes: readonly string[]): Promise<void>;
  /** The products a prepared lookup found for the code, else those a search finds now. */
  productsWithCode(code: string): Promise<Stripe.Product[]>;
}

export function createProductSearch({ stripe, paced, logger }: StripeAccess): ProductSearch {
  /**
   * What `prepare` found for each code, handed to the code's next `productsWithCode` and dropped
   * there (used once, and only for LOOKUP_TTL_MS): the batching of a session's lookups, not a
   * cache of products. `null` when that search failed.
   */
  const lookups = new Map<string, { at: number; matches: Promise<Stripe.Product[] | null> }>();

  /**
   * Adds the products a search finds to `byCode` (by their exact code: search matches
   * case-insensitively). `false` when Stripe refuses the query.
   */
  async function collectMatches(
    query: string,
    byCode: Map<string, Stripe.Product[]>,
  ): Promise<boolean> {
    let page: string | undefined;
    for (let read = 0; read < MAX_LOOKUP_PAGES; read += 1) {
      let result: Stripe.ApiSearchResult<Stripe.Product>;
      try {
        const params: Stripe.ProductSearchParams = { query, limit: 100 };
        if (page !== undefined) params.page = page;
        result = await paced.search(() => stripe.products.search(params));
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        logger?.warn(
          { requestId: error.requestId, upstreamCode: error.code },
          "Stripe refused a product search",
        );
        return false;
      }
      for (const product of result.data) {
        byCode.get(product.metadata?.[PRODUCT_CODE_METADATA_KEY] ?? "")?.push(product);
      }
      if (!result.has_more || !result.next_page) break;
      page = result.next_page;
    }
    return true;
  }

  /**
   * The products carrying each of these codes in metadata `product_code`, by code: one search for
   * up to 10 codes (`OR` of their clauses). Search lags behind writes by up to a minute
   * (https://docs.stripe.com/search#data-freshness), so "none" only means "none until recently";
   * the deterministic id guards against duplicates of our own products.
   */
  async function searchCodes(codes: readonly string[]): Promise<Map<string, Stripe.Product[]>> {
    const byCode = new Map<string, Stripe.Product[]>(codes.map((code) => [code, []]));
    const queue = productCodeSearchQueries(codes);
    let anyAnswered = false;
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      if (await collectMatches(batch.query, byCode)) {
        anyAnswered = true;
      } else if (batch.codes.length > 1) {
        // Refused as a whole: ask code by code, so one odd code cannot hide the others' products.
        const single = batch.codes.map((code) => ({
          codes: [code],
          query: productCodeSearchQuery(code),
        }));
        queue.unshift(...single);
      } else if (!anyAnswered) {
        // Search is unavailable in some regions ("Search isn't available to merchants in India",
        // https://docs.stripe.com/search, Limitations); the deterministic id still prevents
        // duplicates among the products we create, so go on without it.
        logger?.warn(
          { codes: codes.length },
          "Stripe product search failed; creating without reuse of hand-registered products",
        );
        break;
      }
    }
    return byCode;
  }

  return {
    async prepare(codes) {
      const now = Date.now();
      for (const [code, lookup] of lookups) {
        if (now - lookup.at > LOOKUP_TTL_MS) lookups.delete(code);
      }
      const wanted = [...new Set(codes)].filter((code) => !lookups.has(code));
      if (wanted.length === 0) return;
      const found = searchCodes(wanted).then(
        (byCode) => byCode,
        (error: unknown) => {
          logger?.warn(
            { error: redactStripeMessage(String(error)) },
            "Stripe product lookup failed; each product will be looked up on its own",
          );
          return null;
        },
      );
      for (const code of wanted) {
        lookups.set(code, {
          at: now,
          matches: found.then((byCode) => (byCode ? (byCode.get(code) ?? []) : null)),
        });
      }
      await found;
    },

    async productsWithCode(code) {
      const prepared = lookups.get(code);
      lookups.delete(code);
      if (prepared && Date.now() - prepared.at <= LOOKUP_TTL_MS) {
        const matches = await prepared.matches;
        if (matches) return matches;
      }
      return (await searchCodes([code])).get(code) ?? [];
    },
  };
}
