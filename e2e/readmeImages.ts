/**
 * The pictures of the README and docs/: a story's screenshot, shrunk to a palette PNG under
 * MAX_IMAGE_BYTES and written to docs/images/ under a stable name (`list-dialog-preview-en`), so
 * the README always shows what the story saw.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../sandbox/startSandbox";

export const IMAGES_DIR = path.join(REPO_ROOT, "docs", "images");
/** Also checked by scripts/__tests__/docsCommands.test.ts: the repository stays small. */
export const MAX_IMAGE_BYTES = 150 * 1024;

export async function saveReadmeImage(page: Page, name: string): Promise<string> {
  const raw = await page.screenshot({ fullPage: false });
  mkdirSync(IMAGES_DIR, { recursive: true });
  const file = path.join(IMAGES_DIR, `${name}.png`);
  for (let width = 1200; ; width -= 100) {
    const png = await sharp(raw)
      .resize({ width, withoutEnlargement: true })
      .png({ palette: true, colours: 128, compressionLevel: 9, effort: 10 })
      .toBuffer();
    if (png.byteLength <= MAX_IMAGE_BYTES || width <= 600) {
      writeFileSync(file, png);
      return file;
    }
  }
}
