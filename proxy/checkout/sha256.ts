import { createHash } from "node:crypto";

/** Hex sha-256: the checkout's keys and content hashes (intents, images, products). */
export const sha256 = (data: string | Uint8Array): string =>
  createHash("sha256").update(data).digest("hex");
