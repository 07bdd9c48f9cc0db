/**
 * Which attachments become the product's images.
 * - `index`: exactly that file (counted from 0); missing → IMAGE_NOT_FOUND, not an image → NOT_AN_IMAGE.
 * - `all: true`: every image file, in order; beyond 8 the rest are left out (Stripe shows at most 8,
 *   and "all" reads as "as many as fit"), non-images are skipped.
 * - neither: the first image file; none at all is fine (the product simply has no image).
 */
import type { KintoneFile } from "../kintone/KintoneRecord";
import type { MappingConfig } from "../mapping/MappingConfig";
import type { Issue } from "./CheckoutPlan";
import { isObject } from "./fieldToText";
import { issueMessages } from "./issueMessages";
import { MAX_IMAGES, PRODUCT_IMAGE_CONTENT_TYPES } from "./limits";
import { failWith, issueAt, typedFieldValue, type LineContext } from "./resolveValue";

type ImageMapping = NonNullable<MappingConfig["lineItem"]["image"]>;

export function isProductImage(file: KintoneFile): boolean {
  const type = file.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return PRODUCT_IMAGE_CONTENT_TYPES.includes(type);
}

function isKintoneFile(value: unknown): value is KintoneFile {
  return (
    isObject(value) &&
    typeof value.contentType === "string" &&
    typeof value.fileKey === "string" &&
    typeof value.name === "string" &&
    typeof value.size === "string"
  );
}

const isFileList = (value: unknown): value is KintoneFile[] =>
  Array.isArray(value) && value.every(isKintoneFile);

/** Only the four documented properties travel on, whatever else the record carried. */
function copyFile({ contentType, fileKey, name, size }: KintoneFile): KintoneFile {
  return { contentType, fileKey, name, size };
}

export function selectImages(
  image: ImageMapping | undefined,
  ctx: LineContext,
): { ok: true; images: KintoneFile[] } | { ok: false; issues: Issue[] } {
  if (image === undefined) return { ok: true, images: [] };
  const { field: code } = image;
  const field = typedFieldValue(code, ctx, "FILE", isFileList);
  if (!field.ok) return field;
  const files = field.value;
  if (image.index !== undefined) {
    const file = files[image.index];
    if (file === undefined) {
      return failWith(
        issueAt(
          ctx,
          code,
          "IMAGE_NOT_FOUND",
          issueMessages.imageNotFound(code, image.index, files.length),
        ),
      );
    }
    if (!isProductImage(file)) {
      const accepted = "JPEG, PNG, GIF, WebP";
      return failWith(
        issueAt(
          ctx,
          code,
          "NOT_AN_IMAGE",
          issueMessages.notAnImage(code, image.index, file.name, accepted),
        ),
      );
    }
    return { ok: true, images: [copyFile(file)] };
  }
  const images = files.filter(isProductImage).map(copyFile);
  return { ok: true, images: image.all ? images.slice(0, MAX_IMAGES) : images.slice(0, 1) };
}
