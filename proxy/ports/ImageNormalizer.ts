/**
 * Turns any product image into one Stripe's Files API takes for `business_logo`: JPEG, PNG or GIF,
 * at most 512 KB (https://docs.stripe.com/file-upload). Throws `NotAnImageError` for a file that
 * is not an image (or not one it can read).
 */
export interface ImageNormalizer {
  normalize(image: {
    bytes: Uint8Array;
    filename: string;
    contentType?: string;
  }): Promise<NormalizedImage>;
}

export interface NormalizedImage {
  bytes: Uint8Array;
  /** The original name with an extension that matches `contentType`. */
  filename: string;
  contentType: "image/jpeg" | "image/png" | "image/gif";
}

/** Stripe's size limit for `business_logo` files. */
export const MAX_PRODUCT_IMAGE_BYTES = 512 * 1024;
