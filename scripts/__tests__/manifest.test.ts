import fs from "node:fs";
import path from "node:path";
import validateManifest from "@kintone/plugin-manifest-validator";
import { manifestFiles, resolvePluginSources, type PluginManifest } from "../pluginSources";

const ROOT = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(
  fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"),
) as PluginManifest & {
  name: Record<string, string>;
  description: Record<string, string>;
  homepage_url: Record<string, string>;
};

/** The source of each file the manifest names (the build output need not exist). */
function sourceOf(file: string): string {
  const { entries, staticFiles } = resolvePluginSources(manifest, ROOT);
  const entry = Object.values(entries).find(({ filename }) => filename === file);
  if (entry) return path.join(ROOT, entry.import);
  const copied = staticFiles.find(({ output }) => output === file);
  if (copied) return path.join(ROOT, copied.source);
  throw new Error(`no source for ${file}`);
}

describe("manifest.json", () => {
  it("passes kintone's manifest validator, with every named file present and within size", () => {
    const result = validateManifest(manifest, {
      relativePath: (file) => !path.isAbsolute(file) && !file.includes(".."),
      fileExists: (file) => fs.existsSync(sourceOf(file)),
      maxFileSize: (maxBytes, file) => fs.statSync(sourceOf(file)).size <= maxBytes,
    });
    expect(result.errors).toBeNull();
    expect(result.warnings).toBeNull();
    expect(result.valid).toBe(true);
  });

  it("names and describes the plugin in Japanese and English", () => {
    for (const language of ["ja", "en"]) {
      expect(manifest.name[language]).toEqual(expect.stringMatching(/Stripe Checkout/));
      expect(manifest.description[language]?.length).toBeGreaterThan(10);
      expect(manifest.homepage_url[language]).toMatch(/^https:\/\//);
    }
  });

  it("builds each named script from plugin/<name>.ts and takes the icon from assets/", () => {
    const { entries, staticFiles } = resolvePluginSources(manifest, ROOT);
    expect(entries.desktop).toEqual({ import: "./plugin/desktop.ts", filename: "js/desktop.js" });
    expect(entries.config).toEqual({ import: "./plugin/config.ts", filename: "js/config.js" });
    expect(staticFiles).toContainEqual({ output: manifest.icon, source: "assets/icon.png" });
  });

  it("has a PNG icon", () => {
    const icon = fs.readFileSync(sourceOf(manifest.icon ?? ""));
    expect(icon.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(56); // width
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(56); // height
  });

  it("requires the proxy URL to be set before the plugin can be used", () => {
    // plugin/config/__tests__/renderConfigForm.test.ts checks that the form saves these keys.
    expect(manifest.config?.required_params).toEqual(["proxyUrl"]);
  });

  it("lists manifest.json and every named local file for packing, once each", () => {
    const files = manifestFiles(manifest);
    expect(files[0]).toBe("manifest.json");
    expect(new Set(files).size).toBe(files.length);
    expect(files).toEqual(
      expect.arrayContaining([
        "js/desktop.js",
        "js/config.js",
        "html/config.html",
        "image/icon.png",
      ]),
    );
  });

  it("refuses a manifest that names a file with no source", () => {
    const broken = { ...manifest, desktop: { js: ["js/missing.js"] } };
    expect(() => resolvePluginSources(broken, ROOT)).toThrow(/js\/missing\.js/);
  });
});
