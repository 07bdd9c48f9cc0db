/**
 * The products and images already made in Stripe, by cache key: the one cache that spares
 * creating them again for every checkout.
 */

export interface CachedProduct {
  productId: string;
  /** Hash of what was last sent (name, description, images). */
  contentHash: string;
}

export interface CatalogueCache {
  getProduct(cacheKey: string): CachedProduct | undefined;
  putProduct(cacheKey: string, product: CachedProduct): void;
  deleteProduct(cacheKey: string): void;
  getImageUrl(cacheKey: string): string | undefined;
  putImageUrl(cacheKey: string, url: string): void;
}
