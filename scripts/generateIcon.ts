/**
 * Renders the plugin icon (assets/icon.png) from its source drawing (assets/icon.svg).
 * kintone shows plugin icons at 56×56 CSS pixels; the PNG is twice that so it stays sharp on
 * high-density screens. Run `npx tsx scripts/generateIcon.ts` after editing the SVG and commit both.
 */
import path from "node:path";
import sharp from "sharp";

export const ICON_SIZE_PX = 112;

export async function generateIcon(svgPath: string, pngPath: string): Promise<void> {
  await sharp(svgPath, { density: 144 })
    .resize(ICON_SIZE_PX, ICON_SIZE_PX)
    .png({ compressionLevel: 9 })
    .toFile(pngPath);
}

if (require.main === module) {
  const assetsDir = path.resolve(__dirname, "..", "assets");
  generateIcon(path.join(assetsDir, "icon.svg"), path.join(assetsDir, "icon.png")).then(
    () => console.log(`assets/icon.png written (${ICON_SIZE_PX}×${ICON_SIZE_PX})`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
