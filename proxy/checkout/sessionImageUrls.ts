import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import { imageUrl } from "./productCatalogue";
import type { SessionContext } from "./sessionContext";

/** kintone file key → the public URL Stripe shows for it. */
export type SessionImageUrls = Map<string, string>;

/**
 * The public URL of every image of a session's lines, each new one uploaded at once: no upload
 * waits for another (the Stripe pacer keeps them within Stripe's rate limit).
 */
export async function sessionImageUrls(
  context: SessionContext,
  planned: PlannedSession,
): Promise<SessionImageUrls> {
  const fileKeys = new Set(planned.lineItems.flatMap((item) => item.images.map((f) => f.fileKey)));
  const urls: SessionImageUrls = new Map();
  await Promise.all(
    [...fileKeys].map(async (fileKey) => {
      const prepared = context.images.get(fileKey);
      if (prepared) urls.set(fileKey, await imageUrl(context.deps, fileKey, prepared));
    }),
  );
  return urls;
}
