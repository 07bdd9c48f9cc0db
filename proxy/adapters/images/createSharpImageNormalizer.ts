import type sharpFactory from "sharp";
import type { Metadata } from "sharp";
import { NotAnImageError } from "../../errors/NotAnImageError";
import {
  MAX_PRODUCT_IMAGE_BYTES,
  type ImageNormalizer,
  type NormalizedImage,
} from "../../ports/ImageNormalizer";

export interface SharpImageNormalizerOptions {
  /** Default 512 KB, Stripe's `business_logo` limit. */
  maxBytes?: number;
  /** Longest side of a re-encoded image; default 1024 px (checkout shows images far smaller). */
  maxDimension?: number;
  /** Refuse images with more pixels than this (decompression bombs); default 400 megapixels. */
  maxInputPixels?: number;
}

type OutputType = NormalizedImage["contentType"];

const KEPT_AS_IS: Record<string, OutputType> = {
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};
const EXTENSION: Record<OutputType, string> = {
  "image/jpeg": ".jpg",
  "image/png": ".png",
  "image/gif": ".gif",
};
/** Raster formats we decode; SVG is refused (it may reference outside resources). */
const READABLE_FORMATS = new Set(["jpeg", "png", "gif", "webp", "tiff", "heif", "avif"]);
/** A file that fits is still scaled down beyond this: nobody needs it, and browsers choke on it. */
const MAX_KEPT_DIMENSION = 4096;
const JPEG_START_QUALITY = 85;
const JPEG_MIN_QUALITY = 55;
const PALETTE_WORTH_TRYING = 6;
const MIN_DIMENSION = 64;

/**
 * Any image → JPEG/PNG/GIF within Stripe's size limit. One that already is JPEG/PNG/GIF and fits
 * (and is at most 4096 px on its longest side) is kept byte for byte. Otherwise it is turned upright, scaled down to `maxDimension` and
 * re-encoded: PNG while it has transparency and fits, else JPEG on white with quality, then size,
 * stepping down until it fits.
 */
export function createSharpImageNormalizer(
  options: SharpImageNormalizerOptions = {},
): ImageNormalizer {
  const maxBytes = options.maxBytes ?? MAX_PRODUCT_IMAGE_BYTES;
  const maxDimension = options.maxDimension ?? 1024;
  const limitInputPixels = options.maxInputPixels ?? 400_000_000;
  // sharp (libvips) is loaded with the first image, not at start: a proxy that never sees an
  // image never pays its memory. Its CommonJS build: Node loads it in about half the time of its
  // ES module build, on the first checkout's critical path.
  let loading: Promise<typeof sharpFactory> | undefined;
  const loadSharp = () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (loading ??= Promise.resolve().then(() => require("sharp") as typeof sharpFactory));

  return {
    async normalize({ bytes, filename }) {
      const sharp = await loadSharp();
      const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let metadata: Metadata;
      try {
        metadata = await sharp(input, { limitInputPixels: false }).metadata();
      } catch {
        throw new NotAnImageError(filename, "the file is not an image format we can read");
      }
      const format = metadata.format;
      if (!format || !READABLE_FORMATS.has(format)) {
        throw new NotAnImageError(filename, `${format ?? "unknown"} files are not supported`);
      }
      const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
      if (pixels > limitInputPixels) {
        throw new NotAnImageError(
          filename,
          `it is too large (${metadata.width}×${metadata.height} pixels)`,
        );
      }
      const keptType = KEPT_AS_IS[format];
      const longestSide = Math.max(metadata.width ?? 0, metadata.height ?? 0);
      if (keptType && input.byteLength <= maxBytes && longestSide <= MAX_KEPT_DIMENSION) {
        return {
          bytes: new Uint8Array(input),
          filename: withExtension(filename, keptType),
          contentType: keptType,
        };
      }

      let decoded: DecodedImage;
      try {
        decoded = await decodeScaled(input);
      } catch {
        throw new NotAnImageError(filename, "its image data could not be decoded");
      }
      const encoded = await encodeToFit(decoded);
      if (!encoded) {
        throw new NotAnImageError(filename, `it cannot be brought under ${maxBytes} bytes`);
      }
      return { ...encoded, filename: withExtension(filename, encoded.contentType) };
    },
  };

  /** Decoded once, upright and scaled down, so each encoding attempt below is cheap. */
  async function decodeScaled(input: Buffer): Promise<DecodedImage> {
    const sharp = await loadSharp();
    // First frame only: an animated image that is too big becomes a still one.
    const { data, info } = await sharp(input, { limitInputPixels, animated: false })
      .rotate()
      .resize({
        width: maxDimension,
        height: maxDimension,
        fit: "inside",
        withoutEnlargement: true,
      })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      pixels: data,
      raw: { width: info.width, height: info.height, channels: info.channels },
    };
  }

  async function encodeToFit(image: DecodedImage): Promise<EncodedImage | null> {
    const sharp = await loadSharp();
    const from = () => sharp(image.pixels, { raw: image.raw });
    if (image.raw.channels === 4 || image.raw.channels === 2) {
      const png = await from().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
      if (png.byteLength <= maxBytes)
        return { bytes: new Uint8Array(png), contentType: "image/png" };
      // A palette keeps transparency at up to a quarter of the size and looks alike at checkout
      // sizes; quantizing is slow, so only try it when it can plausibly fit.
      if (png.byteLength <= PALETTE_WORTH_TRYING * maxBytes) {
        const palette = await from().png({ compressionLevel: 9, palette: true }).toBuffer();
        if (palette.byteLength <= maxBytes) {
          return { bytes: new Uint8Array(palette), contentType: "image/png" };
        }
      }
    }
    // Quality first while close to the limit; far over it, shrink straight to about the size the
    // bytes suggest, so even pathological (noisy) images take a handful of encodes.
    let dimension = Math.max(image.raw.width, image.raw.height);
    let quality = JPEG_START_QUALITY;
    while (dimension >= MIN_DIMENSION) {
      const jpeg = await from()
        .resize({ width: dimension, height: dimension, fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality })
        .toBuffer();
      if (jpeg.byteLength <= maxBytes) {
        return { bytes: new Uint8Array(jpeg), contentType: "image/jpeg" };
      }
      const overBy = jpeg.byteLength / maxBytes;
      if (overBy > 1.5 || quality <= JPEG_MIN_QUALITY) {
        dimension = Math.floor(dimension * Math.min(0.9, Math.sqrt(1 / overBy) * 0.95));
      } else {
        quality -= 15;
      }
    }
    return null;
  }
}

interface DecodedImage {
  pixels: Buffer;
  raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

interface EncodedImage {
  bytes: Uint8Array;
  contentType: OutputType;
}

function withExtension(filename: string, contentType: OutputType): string {
  const base = filename.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "image";
  return `${base}${EXTENSION[contentType]}`;
}
