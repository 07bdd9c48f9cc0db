import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { generateIcon } from "../generateIcon";

describe("generateIcon", () => {
  it("renders the SVG drawing as a square PNG at twice kintone's 56px icon size", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "icon-"));
    try {
      const pngPath = path.join(dir, "icon.png");
      await generateIcon(path.resolve(__dirname, "..", "..", "assets", "icon.svg"), pngPath);
      const { format, width, height } = await sharp(pngPath).metadata();
      expect({ format, width, height }).toEqual({ format: "png", width: 112, height: 112 });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
