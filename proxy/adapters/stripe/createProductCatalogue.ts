import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { UpstreamError } from "../../errors/UpstreamError";
import type { PaymentGateway, ProductDetails, ProductUpsert } from "../../ports/PaymentGateway";
import { createProductSearch } from "./createProductSearch";
import { PRODUCT_CODE_METADATA_KEY } from "./productCodeSearchQueries";
import { productIdForCode } from "./productIdForCode";
import type { StripeAccess } from "./StripeAccess";
import { isResourceMissing, isStripeError, toUpstreamError } from "./toUpstreamError";

const MAX_METADATA_VALUE_LENGTH = 500;

/** The gateway's catalogue: one Stripe product per product code, found, updated or created. */
export function createProductCatalogue(
  access: StripeAccess,
): Pick<PaymentGateway, "upsertProduct" | "prepareProducts"> {
  const { stripe, paced, logger } = access;
  const search = createProductSearch(access);
  // Concurrency control, not caches: both hold only calls still running.
  /** The last call queued for each code, so calls for one code run one after another. */
  const productLocks = new Map<string, Promise<unknown>>();
  /** Identical calls running now, so they share one round of requests. */
  const inflightUpserts = new Map<string, Promise<{ productId: string }>>();

  async function retrieveProduct(productId: string): Promise<Stripe.Product | null> {
    try {
      const product = await paced.api(() => stripe.products.retrieve(productId));
      return (product as { deleted?: boolean }).deleted ? null : product;
    } catch (error) {
      if (isResourceMissing(error)) return null;
      throw error;
    }
  }

  /**
   * The existing product for the code, if any. Our own (the deterministic id) wins over one
   * registered by hand, as it always has, so that every process settles on the same product.
   */
  async function existingProduct(
    matches: Stripe.Product[],
    deterministicId: string,
    missingId: string | undefined,
  ): Promise<Stripe.Product | null> {
    if (missingId !== deterministicId && matches.some((p) => p.id === deterministicId)) {
      // Read it rather than trust the search copy, which may be a minute old.
      const own = await retrieveProduct(deterministicId);
      if (own) return own;
    }
    const byHand = matches
      .filter((product) => product.id !== deterministicId && product.id !== missingId)
      .sort((a, b) => Number(b.active) - Number(a.active) || a.created - b.created)[0];
    if (!byHand) return null;
    // Ours may exist without being searchable yet (made by another process just now).
    const own = missingId === deterministicId ? null : await retrieveProduct(deterministicId);
    return own ?? byHand;
  }

  async function createProduct(
    productId: string,
    details: ProductDetails,
  ): Promise<Stripe.Product> {
    const params: Stripe.ProductCreateParams = {
      id: productId,
      name: details.name,
      metadata: { [PRODUCT_CODE_METADATA_KEY]: details.code },
    };
    if (details.description) params.description = details.description;
    if (details.images && details.images.length > 0) params.images = details.images;
    const idempotencyKey = `product-create-${randomUUID()}`;
    try {
      const product = await paced.api(() => stripe.products.create(params, { idempotencyKey }));
      logger?.info({ productId, code: details.code }, "Stripe product created");
      return product;
    } catch (error) {
      if (!(isStripeError(error) && error.code === "resource_already_exists")) throw error;
      // A concurrent creator (another request or process) won the race for this id: use theirs.
      const existing = await retrieveProduct(productId);
      if (!existing) {
        throw new UpstreamError(
          "stripe",
          `Stripe says product ${productId} exists but does not return it (deleted?). Restore or rename it in the Stripe Dashboard.`,
          {
            requestId: error.requestId,
            upstreamCode: error.code,
            upstreamStatus: error.statusCode,
          },
        );
      }
      return updateIfChanged(existing, details);
    }
  }

  async function updateIfChanged(
    product: Stripe.Product,
    details: ProductDetails,
  ): Promise<Stripe.Product> {
    const changes: Stripe.ProductUpdateParams = {};
    if (product.name !== details.name) changes.name = details.name;
    // An absent description keeps the one on file (a hand-written one is not wiped).
    if (details.description && product.description !== details.description) {
      changes.description = details.description;
    }
    if (details.images !== undefined && !sameList(product.images ?? [], details.images)) {
      // "" unsets a list in Stripe; an empty array would not be sent at all.
      changes.images = details.images.length > 0 ? details.images : "";
    }
    if (!product.active) changes.active = true;
    if (Object.keys(changes).length === 0) return product;
    const idempotencyKey = `product-update-${randomUUID()}`;
    const updated = await paced.api(() =>
      stripe.products.update(product.id, changes, { idempotencyKey }),
    );
    logger?.info(
      { productId: product.id, code: details.code, changed: Object.keys(changes) },
      "Stripe product updated",
    );
    return updated;
  }

  /**
   * A known product id: read that product, update what changed. Else (or when it is gone): look
   * for a product carrying the code (a search, usually already made by `prepareProducts` for the
   * whole session), else create ours under the code's deterministic id straight away — one
   * request. Should another process have created it meanwhile, Stripe answers
   * `resource_already_exists` and we use theirs.
   */
  async function upsertUnlocked(upsert: ProductUpsert): Promise<{ productId: string }> {
    const { knownProductId, ...details } = upsert;
    const deterministicId = productIdForCode(details.code);
    let product = knownProductId === undefined ? null : await retrieveProduct(knownProductId);
    if (!product) {
      const matches = await search.productsWithCode(details.code);
      product = await existingProduct(matches, deterministicId, knownProductId);
    }
    product = product
      ? await updateIfChanged(product, details).catch(async (error: unknown) => {
          // A search copy of a product deleted since: make ours instead.
          if (!isResourceMissing(error)) throw error;
          return createProduct(deterministicId, details);
        })
      : await createProduct(deterministicId, details);
    return { productId: product.id };
  }

  /** Calls for one code run one after another, so they see each other's product. */
  function withCodeLock<T>(code: string, task: () => Promise<T>): Promise<T> {
    const previous = productLocks.get(code) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    productLocks.set(code, settled);
    void settled.then(() => {
      if (productLocks.get(code) === settled) productLocks.delete(code);
    });
    return run;
  }

  return {
    prepareProducts(codes) {
      return search.prepare(
        codes.filter((code) => code.length > 0 && code.length <= MAX_METADATA_VALUE_LENGTH),
      );
    },

    upsertProduct(upsert) {
      if (upsert.code.length === 0 || upsert.code.length > MAX_METADATA_VALUE_LENGTH) {
        return Promise.reject(
          new UpstreamError(
            "stripe",
            `A product code must be 1 to ${MAX_METADATA_VALUE_LENGTH} characters (Stripe metadata limit).`,
          ),
        );
      }
      // Identical concurrent requests share one round of calls.
      const dedupeKey = JSON.stringify([
        upsert.code,
        upsert.name,
        upsert.description ?? null,
        upsert.images ?? null,
      ]);
      const inflight = inflightUpserts.get(dedupeKey);
      if (inflight) return inflight;
      const result = withCodeLock(upsert.code, () => upsertUnlocked(upsert))
        .catch((error: unknown) => {
          throw toUpstreamError(error, `save product "${upsert.code}"`);
        })
        .finally(() => inflightUpserts.delete(dedupeKey));
      inflightUpserts.set(dedupeKey, result);
      return result;
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
