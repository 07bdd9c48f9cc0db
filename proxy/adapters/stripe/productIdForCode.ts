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
