import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { NotAnImageError } from "../../../errors/NotAnImageError";
import { MAX_PRODUCT_IMAGE_BYTES } from "../../../ports/ImageNormalizer";
import { createSharpImageNormalizer } from "../createSharpImageNormalizer";

/** Random pixels compress badly: a big noisy image is far over Stripe's limit in any format. */
function noisyImage(width: number, height: number, channels: 3 | 4) {
  return sharp(randomBytes(width * height * channels), { raw: { width, height, channels } });
}

async function inspect(bytes: Uint8Array) {
  return sharp(bytes).metadata();
}

describe("createSharpImageNormalizer", () => {
  const normalizer = createSharpImageNormalizer();

  it("keeps a small PNG, JPEG or GIF byte for byte", async () => {
    const png = await noisyImage(32, 32, 4).png().toBuffer();
    const jpeg = await noisyImage(32, 32, 3).jpeg().toBuffer();
    const gif = await noisyImage(8, 8, 3).gif().toBuffer();

    const results = await Promise.all([
      normalizer.normalize({ bytes: png, filename: "a.png" }),
      normalizer.normalize({ bytes: jpeg, filename: "b.jpeg", contentType: "image/jpeg" }),
      normalizer.normalize({ bytes: gif, filename: "tiny.gif" }),
    ]);

    expect(results.map((r) => r.contentType)).toEqual(["image/png", "image/jpeg", "image/gif"]);
    expect(Buffer.from(results[0]!.bytes).equals(png)).toBe(true);
    expect(Buffer.from(results[1]!.bytes).equals(jpeg)).toBe(true);
    expect(Buffer.from(results[2]!.bytes).equals(gif)).toBe(true);
    expect(results.map((r) => r.filename)).toEqual(["a.png", "b.jpg", "tiny.gif"]);
  });

  it("names a file by its real format, not by what its name claims", async () => {
    const png = await noisyImage(16, 16, 3).png().toBuffer();
    const result = await normalizer.normalize({ bytes: png, filename: "photo.jpg" });
    expect(result.contentType).toBe("image/png");
    expect(result.filename).toBe("photo.png");
  });

  it("turns a large noisy PNG without transparency into a JPEG under the limit, at most 1024 px", async () => {
    const png = await noisyImage(1400, 1050, 3).png().toBuffer();
    expect(png.byteLength).toBeGreaterThan(MAX_PRODUCT_IMAGE_BYTES);

    const result = await normalizer.normalize({ bytes: png, filename: "big.png" });

    expect(result.contentType).toBe("image/jpeg");
    expect(result.filename).toBe("big.jpg");
    expect(result.bytes.byteLength).toBeLessThanOrEqual(MAX_PRODUCT_IMAGE_BYTES);
    const metadata = await inspect(result.bytes);
    expect(metadata.format).toBe("jpeg");
    expect(Math.max(metadata.width!, metadata.height!)).toBeLessThanOrEqual(1024);
    expect(metadata.width! / metadata.height!).toBeCloseTo(1400 / 1050, 1);
  });

  it("keeps transparency as PNG when the scaled image fits", async () => {
    // Flat colour with an alpha channel: too big only because of its dimensions.
    const png = await sharp({
      create: {
        width: 1300,
        height: 1300,
        channels: 4,
        background: { r: 200, g: 0, b: 0, alpha: 0.5 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.byteLength).toBeGreaterThan(MAX_PRODUCT_IMAGE_BYTES);

    const result = await normalizer.normalize({ bytes: png, filename: "logo.png" });

    expect(result.contentType).toBe("image/png");
    const metadata = await inspect(result.bytes);
    expect(metadata.hasAlpha).toBe(true);
    expect(metadata.width).toBe(1024);
    expect(result.bytes.byteLength).toBeLessThanOrEqual(MAX_PRODUCT_IMAGE_BYTES);
  });

  it("flattens a transparent image on white into JPEG when even a palette PNG is too big", async () => {
    const png = await noisyImage(1100, 1100, 4).png().toBuffer();

    const result = await normalizer.normalize({ bytes: png, filename: "noisy-alpha.png" });

    expect(result.contentType).toBe("image/jpeg");
    expect(result.bytes.byteLength).toBeLessThanOrEqual(MAX_PRODUCT_IMAGE_BYTES);
    expect((await inspect(result.bytes)).hasAlpha).toBe(false);
  });

  it("converts WebP, even a small one, since Stripe does not take WebP", async () => {
    const webp = await noisyImage(64, 48, 3).webp().toBuffer();

    const result = await normalizer.normalize({
      bytes: webp,
      filename: "item.webp",
      contentType: "image/webp",
    });

    expect(result.contentType).toBe("image/jpeg");
    expect(result.filename).toBe("item.jpg");
    const metadata = await inspect(result.bytes);
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
  });

  it("steps quality and size down until a stricter limit is met", async () => {
    const strict = createSharpImageNormalizer({ maxBytes: 20 * 1024 });
    const png = await noisyImage(600, 600, 3).png().toBuffer();

    const result = await strict.normalize({ bytes: png, filename: "x.png" });

    expect(result.bytes.byteLength).toBeLessThanOrEqual(20 * 1024);
    expect((await inspect(result.bytes)).width).toBeLessThan(600);
  });

  it("scales down an image of huge dimensions even when its file is small", async () => {
    const png = await sharp({
      create: { width: 9000, height: 1500, channels: 3, background: "#3366cc" },
    })
      .png()
      .toBuffer();
    expect(png.byteLength).toBeLessThan(MAX_PRODUCT_IMAGE_BYTES);

    const result = await normalizer.normalize({ bytes: png, filename: "banner.png" });

    const metadata = await inspect(result.bytes);
    expect([metadata.width, metadata.height]).toEqual([1024, 171]);
    expect(result.bytes.byteLength).toBeLessThanOrEqual(MAX_PRODUCT_IMAGE_BYTES);
  });

  it("refuses a file that is not an image with NotAnImageError", async () => {
    const text = new TextEncoder().encode("%PDF-1.7 this is not an image at all");
    const attempt = normalizer.normalize({ bytes: text, filename: "invoice.pdf" });
    await expect(attempt).rejects.toBeInstanceOf(NotAnImageError);
    await expect(attempt).rejects.toThrow(/invoice\.pdf/);
  });

  it("refuses SVG, which may pull in outside resources", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    await expect(normalizer.normalize({ bytes: svg, filename: "logo.svg" })).rejects.toThrow(
      NotAnImageError,
    );
  });

  it("refuses an image with more pixels than allowed", async () => {
    const guarded = createSharpImageNormalizer({ maxInputPixels: 1000 * 1000 });
    const png = await sharp({
      create: { width: 2000, height: 1000, channels: 3, background: "#000" },
    })
      .png()
      .toBuffer();
    await expect(guarded.normalize({ bytes: png, filename: "huge.png" })).rejects.toThrow(
      /too large/,
    );
  });
});
