import type { PlannedLineItem, PlannedSession } from "../../core/engine/CheckoutPlan";
import type { KintoneFile } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { mapWithConcurrency } from "../concurrency/ConcurrencyLimit";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { ValidationFailedError } from "../errors/ValidationFailedError";
import { knownFileImageUrl, knownImageUrl } from "./productCatalogue";
import { sha256 } from "./sha256";

export interface PreparedImage {
  /** The URL Stripe already has for this attachment or for its normalized bytes. */
  url?: string;
  /** sha-256 of the normalized bytes, when they were read this time. */
  hash?: string;
  /** Present only when Stripe has not seen these bytes yet. */
  upload?: { bytes: Uint8Array; filename: string; contentType: string };
}

/** fileKey → normalized image (hash, and bytes when they still need uploading). */
export type PreparedImages = Map<string, PreparedImage>;

/**
 * Attachments read at once (each is a kintone download and an image conversion): a first order of
 * 10 lines with a photo each waits for two rounds of downloads, not three, while the memory of the
 * images in hand at once stays bounded.
 */
const IMAGE_CONCURRENCY = 6;

/**
 * Every attachment of these sessions' lines, read from kintone and normalized, unless Stripe
 * already has it; all files that are no image are named at once as VALIDATION_FAILED.
 */
export async function prepareImages(
  deps: UseCaseDeps,
  appId: string,
  mapping: MappingConfig,
  sessions: PlannedSession[],
): Promise<PreparedImages> {
  const prepared: PreparedImages = new Map();
  const files = new Map<string, { file: KintoneFile; item: PlannedLineItem }>();
  for (const session of sessions) {
    for (const item of session.lineItems) {
      for (const file of item.images) files.set(file.fileKey, { file, item });
    }
  }
  const problems: ConstructorParameters<typeof ValidationFailedError>[0] = [];
  await mapWithConcurrency([...files.values()], IMAGE_CONCURRENCY, async ({ file, item }) => {
    // A kintone file key names one stored file: once uploaded, it is not read again.
    const known = await knownFileImageUrl(deps, file.fileKey);
    if (known) {
      prepared.set(file.fileKey, { url: known });
      return;
    }
    const downloaded = await deps.records.downloadFile(file.fileKey, appId);
    try {
      const normalized = await deps.imageNormalizer.normalize({
        bytes: downloaded.bytes,
        filename: file.name,
        contentType: file.contentType || downloaded.contentType,
      });
      const hash = sha256(normalized.bytes);
      const url = await knownImageUrl(deps, hash);
      prepared.set(file.fileKey, url ? { url, hash } : { hash, upload: normalized });
    } catch (error) {
      if (!(error instanceof Error && error.name === "NotAnImageError")) throw error;
      problems.push({
        recordId: item.recordId,
        ...(item.row !== undefined ? { row: item.row } : {}),
        field: mapping.lineItem.image?.field ?? file.name,
        code: "NOT_AN_IMAGE",
        message: `The file "${file.name}" is not an image that can be shown to the buyer.`,
      });
    }
  });
  if (problems.length) throw new ValidationFailedError(problems);
  return prepared;
}
