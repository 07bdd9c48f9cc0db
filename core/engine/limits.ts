/**
 * Stripe's limits the engine enforces before anything is sent, so the user sees them in the
 * preview instead of a STRIPE_ERROR later.
 */

/** Line items per Checkout Session in payment mode. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items */
export const MAX_LINE_ITEMS = 100;

/** Product images: "a list of up to 8 URLs". https://docs.stripe.com/api/products/create#create_product-images */
export const MAX_IMAGES = 8;

/**
 * Adjustable quantity runs 0..999,999; the default maximum is 99.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items-adjustable_quantity
 * The line's own quantity is held to the same ceiling.
 */
export const MAX_QUANTITY = 999_999;
export const DEFAULT_ADJUSTABLE_MINIMUM = 0;
export const DEFAULT_ADJUSTABLE_MAXIMUM = 99;

/** Metadata values are at most 500 characters (product_code, the session's record ids). https://docs.stripe.com/api/metadata */
export const MAX_METADATA_VALUE = 500;

/** product_data.name and .description "Max length" in Stripe's OpenAPI spec (stripe-node types). */
export const MAX_PRODUCT_NAME = 5000;
export const MAX_PRODUCT_DESCRIPTION = 40_000;

/** success_url / cancel_url "Max length: 5000" in Stripe's OpenAPI spec. */
export const MAX_URL = 5000;

/** The longest address SMTP can carry (RFC 5321 path limit less the brackets). */
export const MAX_EMAIL = 254;

/**
 * Attachments the engine picks as product images. Stripe's Files API takes JPEG, PNG and GIF for
 * `business_logo` (https://docs.stripe.com/file-upload#uploading-a-file); WebP is accepted too because the proxy re-encodes images with sharp
 * (which also shrinks them under 512 KB). SVG, HEIC, TIFF, BMP and PDF are not images here.
 * Content types are compared lower-case, without parameters.
 */
export const PRODUCT_IMAGE_CONTENT_TYPES: readonly string[] = [
  "image/jpeg",
  "image/jpg",
  "image/pjpeg",
  "image/png",
  "image/gif",
  "image/webp",
];
