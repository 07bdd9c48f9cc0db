/** Small real PNG images (sharp), for attachments the proxy normalizes and uploads. */
import sharp from "sharp";

export async function picture(color: string, size = 16): Promise<Uint8Array> {
  return sharp({ create: { width: size, height: size, channels: 3, background: color } })
    .png()
    .toBuffer();
}
