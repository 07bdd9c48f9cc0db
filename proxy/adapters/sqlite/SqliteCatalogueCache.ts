import type { CachedProduct, CatalogueCache } from "../../journal/CatalogueCache";
import type { PreparedStatements } from "./PreparedStatements";

export class SqliteCatalogueCache implements CatalogueCache {
  constructor(private readonly sql: PreparedStatements) {}

  async getProduct(cacheKey: string): Promise<CachedProduct | undefined> {
    return this.sql.one(
      `SELECT product_id, content_hash FROM product_cache WHERE cache_key = ?`,
      (row: { product_id: string; content_hash: string }) => ({
        productId: row.product_id,
        contentHash: row.content_hash,
      }),
      cacheKey,
    );
  }

  async putProduct(cacheKey: string, product: CachedProduct): Promise<void> {
    this.sql
      .statement(
        `INSERT INTO product_cache (cache_key, product_id, content_hash) VALUES (?, ?, ?)
         ON CONFLICT (cache_key) DO UPDATE SET product_id = excluded.product_id, content_hash = excluded.content_hash`,
      )
      .run(cacheKey, product.productId, product.contentHash);
  }

  async deleteProduct(cacheKey: string): Promise<void> {
    this.sql.statement(`DELETE FROM product_cache WHERE cache_key = ?`).run(cacheKey);
  }

  async getImageUrl(cacheKey: string): Promise<string | undefined> {
    return this.sql.one(
      `SELECT url FROM image_cache WHERE cache_key = ?`,
      (row: { url: string }) => row.url,
      cacheKey,
    );
  }

  async putImageUrl(cacheKey: string, url: string): Promise<void> {
    this.sql
      .statement(
        `INSERT INTO image_cache (cache_key, url) VALUES (?, ?) ON CONFLICT (cache_key) DO UPDATE SET url = excluded.url`,
      )
      .run(cacheKey, url);
  }
}
