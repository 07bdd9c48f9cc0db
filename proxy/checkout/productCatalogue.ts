/**
 * What Stripe already has, as the journal remembers it per Stripe account (`cacheScope`): product
 * ids by code (with a hash of the content they were last sent), image URLs by the hash of their
 * normalized bytes and by kintone file key. Stripe is called only for what is new or changed;
 * concurrent callers after the same product or upload share one call.
 */
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { PreparedImage } from "./prepareImages";
import { sha256 } from "./sha256";

type CatalogueDeps = Pick<UseCaseDeps, "journal" | "gateway" | "coordination" | "cacheScope">;

const imageCacheKey = (deps: CatalogueDeps, hash: string) => `${deps.cacheScope}:image:${hash}`;
const fileCacheKey = (deps: CatalogueDeps, fileKey: string) =>
  `${deps.cacheScope}:kintone-file:${fileKey}`;
const productCacheKey = (deps: CatalogueDeps, code: string) => `${deps.cacheScope}:product:${code}`;

/** The URL Stripe has for this kintone file, if it was uploaded before (a file key names one file). */
export function knownFileImageUrl(
  deps: CatalogueDeps,
  fileKey: string,
): Promise<string | undefined> {
  return deps.journal.catalogue.getImageUrl(fileCacheKey(deps, fileKey));
}

/** The URL Stripe has for these normalized bytes (by their sha-256), if they were uploaded before. */
export function knownImageUrl(deps: CatalogueDeps, hash: string): Promise<string | undefined> {
  return deps.journal.catalogue.getImageUrl(imageCacheKey(deps, hash));
}

/** Uploads bytes Stripe has not seen yet (by their hash); otherwise the URL it has. */
export async function imageUrl(
  deps: CatalogueDeps,
  fileKey: string,
  prepared: PreparedImage,
): Promise<string> {
  if (prepared.url) {
    await deps.journal.catalogue.putImageUrl(fileCacheKey(deps, fileKey), prepared.url);
    return prepared.url;
  }
  const { hash, upload } = prepared;
  if (!hash || !upload) throw new Error("an image was prepared without bytes or a URL");
  const key = imageCacheKey(deps, hash);
  const url =
    (await deps.journal.catalogue.getImageUrl(key)) ??
    (await deps.coordination.singleFlight(key, async () => {
      const uploaded = await deps.gateway.uploadProductImage(upload);
      await deps.journal.catalogue.putImageUrl(key, uploaded.url);
      return uploaded.url;
    }));
  await deps.journal.catalogue.putImageUrl(fileCacheKey(deps, fileKey), url);
  return url;
}

/** Codes Stripe has not been asked about yet: one lookup for all of them, not one per line. */
export async function lookUpNewProducts(deps: CatalogueDeps, codes: string[]): Promise<void> {
  const newCodes: string[] = [];
  for (const code of codes) {
    if (!(await deps.journal.catalogue.getProduct(productCacheKey(deps, code))))
      newCodes.push(code);
  }
  if (newCodes.length > 0) await deps.gateway.prepareProducts?.(newCodes);
}

/** The product id for a code, calling Stripe only when the product is new or its content changed. */
export async function catalogueProduct(
  deps: CatalogueDeps,
  details: { code: string; name: string; description?: string; images?: string[] },
): Promise<{ id: string }> {
  const key = productCacheKey(deps, details.code);
  const contentHash = sha256(
    JSON.stringify([details.name, details.description ?? null, details.images ?? null]),
  );
  const cached = await deps.journal.catalogue.getProduct(key);
  if (cached && cached.contentHash === contentHash) return { id: cached.productId };
  return deps.coordination.singleFlight(`${key}:${contentHash}`, async () => {
    const { productId } = await deps.gateway.upsertProduct({
      ...details,
      knownProductId: cached?.productId,
    });
    await deps.journal.catalogue.putProduct(key, { productId, contentHash });
    return { id: productId };
  });
}

/** Forgets these codes' products: one may have been deleted in Stripe since, so ask again. */
export async function forgetProducts(deps: CatalogueDeps, codes: string[]): Promise<void> {
  for (const code of codes) await deps.journal.catalogue.deleteProduct(productCacheKey(deps, code));
}
