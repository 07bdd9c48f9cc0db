import type { ImageNormalizer, NormalizedImage } from "../proxy/ports/ImageNormalizer";

/** "Normalizes" by tagging the bytes; `NOT-AN-IMAGE` content is refused like sharp would. */
export class FakeImageNormalizer implements ImageNormalizer {
  calls = 0;
  async normalize(image: { bytes: Uint8Array; filename: string }): Promise<NormalizedImage> {
    this.calls++;
    if (Buffer.from(image.bytes).toString() === "NOT-AN-IMAGE") {
      const error = new Error(`${image.filename} is not an image`);
      error.name = "NotAnImageError";
      throw error;
    }
    return { bytes: image.bytes, filename: `${image.filename}.png`, contentType: "image/png" };
  }
}
