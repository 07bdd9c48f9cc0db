/**
 * `npm run upload` against the kintone emulator: the real `cli-kintone plugin upload --yes`
 * (password auth, POST /k/v1/file.json, GET /k/v1/plugins.json, POST or PUT /k/v1/plugin.json)
 * imports a plug-in zip, then updates it. The zip is packed here with `packPlugin`, so the test
 * does not depend on `npm run build` having run.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { packPlugin } from "../../../scripts/packPlugin";
import { startKintoneEmulator, type KintoneEmulator } from "../KintoneEmulator";
import { EMULATOR_PASSWORD, installedPlugins } from "../KintonePlugins";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "node_modules", ".bin", "cli-kintone");

let kintone: KintoneEmulator;
let dir: string;

/** A minimal valid plug-in at `version`, signed with the key in `dir` (created on first use). */
async function pack(version: number, key = "private.ppk"): Promise<{ id: string; zip: string }> {
  const source = path.join(dir, `src-${version}`);
  await fs.mkdir(source, { recursive: true });
  const manifest = {
    manifest_version: 1,
    version,
    type: "APP",
    name: { ja: "テスト", en: "Test" },
    description: { ja: "アップロードの確認", en: "Upload check" },
    icon: "icon.png",
    desktop: { js: ["desktop.js"] },
  };
  await fs.writeFile(path.join(source, "manifest.json"), JSON.stringify(manifest));
  await fs.copyFile(path.join(ROOT, "assets", "icon.png"), path.join(source, "icon.png"));
  await fs.writeFile(path.join(source, "desktop.js"), `console.log(${version});`);
  const outFile = path.join(dir, `plugin-${version}.zip`);
  const packed = await packPlugin({
    sourceDir: source,
    manifestPath: path.join(source, "manifest.json"),
    privateKeyPath: path.join(dir, key),
    outFile,
  });
  return { id: packed.id, zip: outFile };
}

function upload(zip: string, password = EMULATOR_PASSWORD) {
  return run(CLI, ["plugin", "upload", "--input", zip, "--yes"], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: dir,
      KINTONE_BASE_URL: kintone.url,
      KINTONE_USERNAME: "Administrator",
      KINTONE_PASSWORD: password,
    },
    timeout: 30_000,
  });
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "plugin-upload-"));
  kintone = await startKintoneEmulator();
});

afterAll(async () => {
  await kintone.close();
  await fs.rm(dir, { recursive: true, force: true });
});

it("imports a new plug-in, then updates it in place", async () => {
  const first = await pack(1);
  await upload(first.zip);
  expect(installedPlugins(kintone.store).get(first.id)).toMatchObject({
    id: first.id,
    name: "テスト",
    version: "1",
  });
  const calls = kintone.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
  expect(calls).toEqual([
    "GET /k/v1/plugins.json 200",
    "POST /k/v1/file.json 200",
    "POST /k/v1/plugin.json 200",
  ]);

  kintone.clearRequests();
  const second = await pack(2);
  expect(second.id).toBe(first.id);
  await upload(second.zip);
  expect(installedPlugins(kintone.store).get(first.id)?.version).toBe("2");
  expect(kintone.requests.map((r) => `${r.method} ${r.path}`)).toContain("PUT /k/v1/plugin.json");
  expect(installedPlugins(kintone.store).size).toBe(1);
}, 60_000);

it("refuses a wrong password; password auth reads the plug-in list", async () => {
  const { zip } = await pack(3, "other.ppk");
  await expect(upload(zip, "wrong")).rejects.toMatchObject({ code: 1 });
  const response = await fetch(`${kintone.url}/k/v1/plugins.json`, {
    headers: { "X-Cybozu-API-Token": "no-such-token" },
  });
  expect(response.status).toBe(400);
  const byPassword = await fetch(`${kintone.url}/k/v1/plugins.json`, {
    headers: {
      "X-Cybozu-Authorization": Buffer.from(`Administrator:${EMULATOR_PASSWORD}`).toString(
        "base64",
      ),
    },
  });
  expect(byPassword.status).toBe(200);
}, 60_000);
