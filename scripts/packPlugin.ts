/**
 * Packs the built plugin (dist/plugin/) into a signed kintone plugin zip (dist/plugin.zip).
 *
 * `npm run build` runs this after webpack. The signing key is the file named by
 * KINTONE_PLUGIN_PRIVATE_KEY (it must exist), else private.ppk at the repo root, created on the
 * first run and reused after: the plugin id is derived from the key, so a new key means a new
 * plugin that kintone will not accept as an update of the old one.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import packer from "@kintone/plugin-packer";
import validateManifest from "@kintone/plugin-manifest-validator";
import JSZip from "jszip";
import { manifestFiles, type PluginManifest } from "./pluginSources";

export interface PackPluginOptions {
  /** The directory holding the files manifest.json names, at the paths it names them. */
  sourceDir: string;
  manifestPath: string;
  privateKeyPath: string;
  outFile: string;
  /** Create the key at privateKeyPath when it does not exist (default true). */
  createKeyIfMissing?: boolean;
}

export interface PackedPlugin {
  id: string;
  outFile: string;
  zipBytes: number;
  /** The files inside contents.zip, in the order packed. */
  files: string[];
  keyCreated: boolean;
}

// A fixed timestamp makes the same sources give the same zip (and signature).
const ZIP_ENTRY_DATE = new Date("2020-01-01T00:00:00Z");

export async function packPlugin(options: PackPluginOptions): Promise<PackedPlugin> {
  const { sourceDir, manifestPath, privateKeyPath, outFile } = options;
  const manifestText = await fs.readFile(manifestPath, "utf8");
  const manifest = JSON.parse(manifestText) as PluginManifest;
  await assertValidManifest(manifest, sourceDir);

  const files = manifestFiles(manifest);
  const contents = new JSZip();
  for (const file of files) {
    const data =
      file === "manifest.json" ? manifestText : await fs.readFile(path.join(sourceDir, file));
    // No folder entries: contents.zip holds exactly the files the manifest names.
    contents.file(file, data, { date: ZIP_ENTRY_DATE, createFolders: false });
  }
  const contentsZip = await contents.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });

  let privateKey = await readFileIfExists(privateKeyPath);
  const keyCreated = privateKey === undefined;
  if (privateKey === undefined) {
    if (options.createKeyIfMissing === false) {
      throw new Error(`The plugin's private key ${privateKeyPath} does not exist.`);
    }
    privateKey = createPrivateKey();
    await fs.mkdir(path.dirname(privateKeyPath), { recursive: true });
    await fs.writeFile(privateKeyPath, privateKey, { mode: 0o600, flag: "wx" });
  }
  const packed = await packer(contentsZip, privateKey);

  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, packed.plugin);
  return {
    id: packed.id,
    outFile,
    zipBytes: packed.plugin.length,
    files,
    keyCreated,
  };
}

async function assertValidManifest(manifest: PluginManifest, sourceDir: string): Promise<void> {
  const sizes = new Map<string, number>();
  for (const file of manifestFiles(manifest)) {
    const stat = await fs.stat(path.join(sourceDir, file)).catch(() => undefined);
    if (stat?.isFile()) sizes.set(file, stat.size);
  }
  const result = validateManifest(manifest, {
    relativePath: (file) => !path.isAbsolute(file) && !file.split(/[\\/]/).includes(".."),
    fileExists: (file) => sizes.has(file),
    maxFileSize: (maxBytes, file) => (sizes.get(file) ?? 0) <= maxBytes,
  });
  if (!result.valid) {
    const problems = (result.errors ?? []).map(
      (error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`,
    );
    throw new Error(`manifest.json is not valid:\n  ${problems.join("\n  ")}`);
  }
}

/**
 * A new signing key in the form kintone's packer reads and creates itself (RSA 1024, PKCS#1 PEM),
 * made with Node's native crypto: the packer's pure-JavaScript key generation takes seconds.
 */
function createPrivateKey(): string {
  const { privateKey } = crypto.generateKeyPairSync("rsa", {
    modulusLength: 1024,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return privateKey;
}

async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export interface BundleSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Size of each JavaScript and CSS file the manifest names, as shipped and as served gzipped. */
export async function measureBundles(
  manifest: PluginManifest,
  sourceDir: string,
): Promise<BundleSize[]> {
  const bundles = manifestFiles(manifest).filter((file) => /\.(js|css)$/.test(file));
  return Promise.all(
    bundles.map(async (file) => {
      const data = await fs.readFile(path.join(sourceDir, file));
      return { file, rawBytes: data.length, gzipBytes: zlib.gzipSync(data, { level: 9 }).length };
    }),
  );
}

/**
 * gzip budgets: kintone loads desktop.js on every desktop page view, and mobile.js on every kintone
 * mobile screen, often over a phone's link. desktop.js carries the QR encoder (~8 KB) for paying in
 * person, the preview's tax per rate, pay on this device (Stripe.js itself is loaded only when
 * used) and subscriptions on the record screen; mobile.js the record screen's code and settings
 * validation.
 */
export const GZIP_BUDGET_BYTES: Record<string, number> = {
  "js/desktop.js": 76 * 1024,
  "js/mobile.js": 72 * 1024,
};

export function bundlesOverBudget(
  sizes: BundleSize[],
  budgets: Record<string, number> = GZIP_BUDGET_BYTES,
): string[] {
  return sizes
    .filter(({ file, gzipBytes }) => budgets[file] !== undefined && gzipBytes > budgets[file])
    .map(
      ({ file, gzipBytes }) =>
        `${file} is ${kb(gzipBytes)} gzipped, budget ${kb(budgets[file] ?? 0)}`,
    );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const sourceDir = path.join(root, "dist", "plugin");
  const manifestPath = path.join(sourceDir, "manifest.json");
  const outFile = path.join(root, "dist", "plugin.zip");
  const keyFromEnv = process.env.KINTONE_PLUGIN_PRIVATE_KEY;
  const privateKeyPath = keyFromEnv ? path.resolve(keyFromEnv) : path.join(root, "private.ppk");

  const manifest = JSON.parse(await fs.readFile(manifestPath, "utf8")) as PluginManifest;
  const sizes = await measureBundles(manifest, sourceDir);
  const overruns = bundlesOverBudget(sizes);
  if (overruns.length > 0)
    throw new Error(`Bundle size budget exceeded:\n  ${overruns.join("\n  ")}`);

  // An explicitly named key must exist: creating one there would silently change the plugin id.
  const packed = await packPlugin({
    sourceDir,
    manifestPath,
    privateKeyPath,
    outFile,
    createKeyIfMissing: !keyFromEnv,
  });
  await fs.writeFile(path.join(root, "dist", "plugin-id.txt"), packed.id);

  const relative = (file: string) => path.relative(root, file) || file;
  console.log(`Plugin packed: ${relative(packed.outFile)} (${kb(packed.zipBytes)})`);
  console.log(`Plugin id:     ${packed.id}`);
  console.log(
    packed.keyCreated
      ? `Signing key:   ${relative(privateKeyPath)} (new; keep it to keep this plugin id)`
      : `Signing key:   ${relative(privateKeyPath)}`,
  );
  for (const { file, rawBytes, gzipBytes } of sizes) {
    const budget = GZIP_BUDGET_BYTES[file];
    const budgetNote = budget === undefined ? "" : ` (budget ${kb(budget)})`;
    console.log(
      `  ${file.padEnd(18)} ${kb(rawBytes).padStart(9)} raw ${kb(gzipBytes).padStart(9)} gzip${budgetNote}`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
