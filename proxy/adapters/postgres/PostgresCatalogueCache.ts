import type { CachedProduct, CatalogueCache } from "../../journal/CatalogueCache";
import type { PostgresQueries } from "./PostgresQueries";

export class PostgresCatalogueCache implements CatalogueCache {
  constructor(private readonly sql: PostgresQueries) {}

  getProduct(cacheKey: string): Promise<CachedProduct | undefined> {
    return this.sql.one(
      `SELECT product_id, content_hash FROM product_cache WHERE cache_key = $1`,
      (row: { product_id: string; content_hash: string }) => ({
        productId: row.product_id,
        contentHash: row.content_hash,
      }),
      [cacheKey],
    );
  }

  async putProduct(cacheKey: string, product: CachedProduct): Promise<void> {
    await this.sql.run(
      `INSERT INTO product_cache (cache_key, product_id, content_hash) VALUES ($1, $2, $3)
       ON CONFLICT (cache_key) DO UPDATE SET product_id = EXCLUDED.product_id,
         content_hash = EXCLUDED.content_hash`,
      [cacheKey, product.productId, product.contentHash],
    );
  }

  async deleteProduct(cacheKey: string): Promise<void> {
    await this.sql.run(`DELETE FROM product_cache WHERE cache_key = $1`, [cacheKey]);
  }

  getImageUrl(cacheKey: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT url FROM image_cache WHERE cache_key = $1`,
      (row: { url: string }) => row.url,
      [cacheKey],
    );
  }

  async putImageUrl(cacheKey: string, url: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO image_cache (cache_key, url) VALUES ($1, $2)
       ON CONFLICT (cache_key) DO UPDATE SET url = EXCLUDED.url`,
      [cacheKey, url],
    );
  }
}
