import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { bundlesOverBudget, packPlugin } from "../packPlugin";

const manifest = {
  manifest_version: 1,
  version: "1.0.0",
  type: "APP",
  name: { ja: "テスト", en: "Test" },
  description: { ja: "テスト用", en: "For tests" },
  icon: "image/icon.png",
  desktop: { js: ["js/desktop.js", "https://cdn.example.com/lib.js"], css: ["css/desktop.css"] },
  config: { html: "html/config.html", js: ["js/config.js"], required_params: ["proxyUrl"] },
};
const NAMED_FILES = [
  "manifest.json",
  "js/desktop.js",
  "css/desktop.css",
  "js/config.js",
  "html/config.html",
  "image/icon.png",
];

let workDir: string;
let sourceDir: string;

async function writeSource(file: string, data: string | Buffer) {
  await fs.mkdir(path.dirname(path.join(sourceDir, file)), { recursive: true });
  await fs.writeFile(path.join(sourceDir, file), data);
}

/** kintone's plugin id: the first 32 hex digits of SHA-256(public key DER), 0-f written as a-p. */
function pluginIdOf(publicKeyDer: Buffer): string {
  const hex = crypto.createHash("sha256").update(publicKeyDer).digest("hex").slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}

async function readPluginZip(file: string) {
  const plugin = await JSZip.loadAsync(await fs.readFile(file));
  const read = async (name: string) => {
    const entry = plugin.file(name);
    if (!entry) throw new Error(`${name} missing from the plugin zip`);
    return entry.async("nodebuffer");
  };
  const contentsZip = await read("contents.zip");
  const contents = await JSZip.loadAsync(contentsZip);
  return {
    entries: Object.keys(plugin.files).sort(),
    contentsZip,
    contentFiles: Object.values(contents.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name),
    contents,
    publicKey: await read("PUBKEY"),
    signature: await read("SIGNATURE"),
  };
}

beforeEach(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), "pack-plugin-"));
  sourceDir = path.join(workDir, "plugin");
  await writeSource("manifest.json", JSON.stringify(manifest));
  await writeSource("js/desktop.js", "console.log('desktop');");
  await writeSource("css/desktop.css", ".a{color:red}");
  await writeSource("js/config.js", "console.log('config');");
  await writeSource("html/config.html", "<div id=root></div>");
  await writeSource("image/icon.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeSource("js/desktop.js.map", "{}"); // built, but not named: must stay out
  await writeSource("notes.txt", "not part of the plugin");
});

afterEach(async () => {
  await fs.rm(workDir, { recursive: true, force: true });
});

describe("packPlugin", () => {
  it("signs exactly the files the manifest names with the given key", async () => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync("rsa", {
      modulusLength: 1024,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "der" },
    });
    const privateKeyPath = path.join(workDir, "test.ppk");
    await fs.writeFile(privateKeyPath, privateKey);
    const outFile = path.join(workDir, "out", "plugin.zip");

    const packed = await packPlugin({
      sourceDir,
      manifestPath: path.join(sourceDir, "manifest.json"),
      privateKeyPath,
      outFile,
    });

    const zip = await readPluginZip(outFile);
    expect(zip.entries).toEqual(["PUBKEY", "SIGNATURE", "contents.zip"]);
    expect(zip.contentFiles.sort()).toEqual([...NAMED_FILES].sort());
    expect(zip.publicKey.equals(publicKey)).toBe(true);
    const signed = crypto.verify(
      "sha1",
      zip.contentsZip,
      { key: zip.publicKey, format: "der", type: "spki" },
      zip.signature,
    );
    expect(signed).toBe(true);
    expect(await zip.contents.file("js/config.js")?.async("string")).toBe("console.log('config');");

    expect(packed.id).toBe(pluginIdOf(publicKey));
    expect(packed.keyCreated).toBe(false);
    expect(packed.zipBytes).toBe((await fs.stat(outFile)).size);
    expect(await fs.readFile(privateKeyPath, "utf8")).toBe(privateKey); // left as it was
  });

  it("creates a key on first use and reuses it, so the plugin id stays the same", async () => {
    const privateKeyPath = path.join(workDir, "keys", "private.ppk");
    const options = {
      sourceDir,
      manifestPath: path.join(sourceDir, "manifest.json"),
      privateKeyPath,
      outFile: path.join(workDir, "plugin.zip"),
    };
    const first = await packPlugin(options);
    expect(first.keyCreated).toBe(true);
    expect((await fs.stat(privateKeyPath)).mode & 0o777).toBe(0o600);

    const second = await packPlugin(options);
    expect(second.keyCreated).toBe(false);
    expect(second.id).toBe(first.id);
  });

  it("refuses to invent a key when told the key must exist", async () => {
    const privateKeyPath = path.join(workDir, "absent.ppk");
    await expect(
      packPlugin({
        sourceDir,
        manifestPath: path.join(sourceDir, "manifest.json"),
        privateKeyPath,
        outFile: path.join(workDir, "plugin.zip"),
        createKeyIfMissing: false,
      }),
    ).rejects.toThrow(/absent\.ppk does not exist/);
    await expect(fs.stat(privateKeyPath)).rejects.toThrow();
  });

  it("refuses a manifest naming a file that was not built", async () => {
    await fs.rm(path.join(sourceDir, "js/config.js"));
    await expect(
      packPlugin({
        sourceDir,
        manifestPath: path.join(sourceDir, "manifest.json"),
        privateKeyPath: path.join(workDir, "k.ppk"),
        outFile: path.join(workDir, "plugin.zip"),
      }),
    ).rejects.toThrow(/manifest\.json is not valid[\s\S]*js\/config\.js/);
    await expect(fs.stat(path.join(workDir, "plugin.zip"))).rejects.toThrow();
  });
});

describe("bundlesOverBudget", () => {
  it("names the bundles whose gzip size exceeds their budget", () => {
    const sizes = [
      { file: "js/desktop.js", rawBytes: 300_000, gzipBytes: 61 * 1024 },
      { file: "js/config.js", rawBytes: 900_000, gzipBytes: 200 * 1024 },
    ];
    expect(bundlesOverBudget(sizes, { "js/desktop.js": 60 * 1024 })).toEqual([
      "js/desktop.js is 61.0 KB gzipped, budget 60.0 KB",
    ]);
    expect(bundlesOverBudget(sizes, { "js/desktop.js": 61 * 1024 })).toEqual([]);
  });
});
