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
  getProduct(cacheKey: string): Promise<CachedProduct | undefined>;
  putProduct(cacheKey: string, product: CachedProduct): Promise<void>;
  deleteProduct(cacheKey: string): Promise<void>;
  getImageUrl(cacheKey: string): Promise<string | undefined>;
  putImageUrl(cacheKey: string, url: string): Promise<void>;
}
