/**
 * kintone's plug-in APIs as `npm run upload` (cli-kintone `plugin upload`) calls them, plus the
 * password auth they need (https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/):
 *
 * - `GET /k/v1/plugins.json` (ids[], offset, limit ≤ 100) → `{ plugins: [{ id, name, isMarketPlugin, description, version }] }`
 *   https://cybozu.dev/ja/kintone/docs/rest-api/plugins/get-installed-plugins/
 * - `POST /k/v1/plugin.json { fileKey }` → `{ id, version }` (import)
 *   https://cybozu.dev/ja/kintone/docs/rest-api/plugins/add-plugin
 * - `PUT /k/v1/plugin.json { id, fileKey }` → `{ id, version }` (update)
 *   https://cybozu.dev/ja/kintone/docs/rest-api/plugins/update-plugin/
 *
 * They need kintone administrator rights: password or session auth, never an API token. The zip
 * (from `POST /k/v1/file.json`) is checked as kintone does: contents.zip signed by PUBKEY, the
 * plug-in id derived from the public key, manifest.json inside.
 */
import crypto from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";
import JSZip from "jszip";
import type { KintoneEntity } from "../../core/kintone/KintoneRecord";
import { KintoneApiError, invalidInput } from "./KintoneApiError";
import type { KintoneStore } from "./KintoneStore";

/** The sandbox administrator's password (login name: `store.loginUser.code`, "Administrator"). */
export const EMULATOR_PASSWORD = "sandbox-password";

export interface InstalledPlugin {
  id: string;
  name: string;
  isMarketPlugin: false;
  description: string;
  version: string;
  /** The uploaded zip, as kintone keeps it. */
  zip: Uint8Array;
}

const installedByStore = new WeakMap<KintoneStore, Map<string, InstalledPlugin>>();

/** The plug-ins imported into this emulator's kintone (by id). */
export function installedPlugins(store: KintoneStore): Map<string, InstalledPlugin> {
  let plugins = installedByStore.get(store);
  if (!plugins) {
    plugins = new Map();
    installedByStore.set(store, plugins);
  }
  return plugins;
}

/** `X-Cybozu-Authorization: base64("login:password")` → the user, or kintone's 401. */
export function checkPassword(store: KintoneStore, header: string): KintoneEntity {
  const decoded = Buffer.from(header, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const login = colon >= 0 ? decoded.slice(0, colon) : "";
  const password = colon >= 0 ? decoded.slice(colon + 1) : "";
  if (login !== store.loginUser.code || password !== EMULATOR_PASSWORD) {
    // Code unverified: kintone documents a 401 for failed password auth.
    throw new KintoneApiError(401, "CB_WA01", "Password authentication failed.");
  }
  return { code: store.loginUser.code, name: store.loginUser.name };
}

/** kintone's plug-in id: the SHA-256 of the public key (DER), first 32 hex digits mapped 0-f → a-p. */
export function pluginIdFromPublicKey(publicKeyDer: Uint8Array): string {
  const hex = crypto.createHash("sha256").update(publicKeyDer).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

interface ReadPlugin {
  id: string;
  name: string;
  description: string;
  version: string;
}

/** Reads and checks a plug-in zip as kintone does on import; kintone's 400 when it is not one. */
export async function readPluginZip(bytes: Uint8Array): Promise<ReadPlugin> {
  const notAPlugin = (why: string) =>
    // Code unverified: kintone refuses a file that is not a valid plug-in with 400.
    new KintoneApiError(400, "GAIA_PL01", `The file is not a valid kintone plug-in: ${why}.`);
  let outer: JSZip;
  try {
    outer = await JSZip.loadAsync(bytes);
  } catch {
    throw notAPlugin("not a zip file");
  }
  const contentsFile = outer.file("contents.zip");
  const pubkeyFile = outer.file("PUBKEY");
  const signatureFile = outer.file("SIGNATURE");
  if (!contentsFile || !pubkeyFile || !signatureFile) {
    throw notAPlugin("contents.zip, PUBKEY and SIGNATURE are required");
  }
  const [contents, pubkey, signature] = await Promise.all([
    contentsFile.async("uint8array"),
    pubkeyFile.async("uint8array"),
    signatureFile.async("uint8array"),
  ]);
  let signed: boolean;
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(pubkey), format: "der", type: "spki" });
    signed = crypto.verify("RSA-SHA1", contents, key, signature);
  } catch {
    signed = false;
  }
  if (!signed) throw notAPlugin("the signature does not match the public key");
  let manifest: {
    version?: unknown;
    name?: Record<string, string>;
    description?: Record<string, string>;
  };
  try {
    const inner = await JSZip.loadAsync(contents);
    const text = await inner.file("manifest.json")?.async("string");
    if (text === undefined) throw new Error("no manifest");
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    throw notAPlugin("contents.zip holds no readable manifest.json");
  }
  // kintone shows the name in the user's language; the emulator's administrator reads Japanese.
  const pick = (texts: Record<string, string> | undefined) =>
    texts?.ja ?? texts?.en ?? Object.values(texts ?? {})[0] ?? "";
  return {
    id: pluginIdFromPublicKey(pubkey),
    name: pick(manifest.name),
    description: pick(manifest.description),
    version: String(manifest.version ?? ""),
  };
}

function isAdministrator(req: Request): boolean {
  // The REST router has authenticated the request: a session (cookie or password) acts as the
  // administrator; API tokens never may use these APIs.
  return (req as Request & { caller?: { kind: string } }).caller?.kind === "session";
}

function requireAdministrator(req: Request): void {
  const caller = (req as Request & { caller?: { kind: string } }).caller;
  if (!caller) throw new KintoneApiError(401, "CB_AU01", "Please login.");
  if (!isAdministrator(req)) {
    throw new KintoneApiError(
      403,
      "GAIA_NO01",
      "Using this API token, you cannot run the specified API.",
    );
  }
}

function params(req: Request): Record<string, unknown> {
  return (req as Request & { kintoneParams?: Record<string, unknown> }).kintoneParams ?? {};
}

function listParam(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object") return Object.values(value as object).map(String);
  return [String(value)];
}

function intParam(value: unknown, name: string, min: number, max: number, fallback: number) {
  if (value === undefined || value === null || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw invalidInput({ [name]: { messages: [`Enter an integer from ${min} to ${max}.`] } });
  }
  return n;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== "string" || value === "") {
    throw invalidInput({ [name]: { messages: ["Required field."] } });
  }
  return value;
}

/** The plug-in routes, mounted on the /k/v1 router after it authenticated the caller. */
export function createPluginRestRouter(store: KintoneStore): express.Router {
  const router = express.Router();
  const plugins = installedPlugins(store);

  const run =
    (fn: (req: Request) => unknown) => (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve()
        .then(() => fn(req))
        .then((body) => res.json(body), next);
    };

  const fileBytes = (fileKey: string): Uint8Array => {
    const file = store.getFile(fileKey);
    if (!file) {
      throw new KintoneApiError(404, "GAIA_BL01", `The specified file (id: ${fileKey}) not found.`);
    }
    return file.bytes;
  };

  router.get(
    "/plugins.json",
    run((req) => {
      requireAdministrator(req);
      const p = params(req);
      const ids = listParam(p.ids);
      const offset = intParam(p.offset, "offset", 0, Number.MAX_SAFE_INTEGER, 0);
      const limit = intParam(p.limit, "limit", 1, 100, 100);
      if (ids && ids.length > 100) {
        throw invalidInput({ ids: { messages: ["Up to 100 plug-in ids can be given."] } });
      }
      const all = [...plugins.values()].filter((plugin) => !ids || ids.includes(plugin.id));
      return {
        plugins: all.slice(offset, offset + limit).map(({ zip: _zip, ...plugin }) => plugin),
      };
    }),
  );

  router.post(
    "/plugin.json",
    run(async (req) => {
      requireAdministrator(req);
      const fileKey = requireString(params(req).fileKey, "fileKey");
      const bytes = fileBytes(fileKey);
      const plugin = await readPluginZip(bytes);
      if (plugins.has(plugin.id)) {
        // Code unverified: importing an installed plug-in is refused; it must be updated instead.
        throw new KintoneApiError(
          400,
          "GAIA_PL18",
          `The plug-in (id: ${plugin.id}) is already imported; update it instead.`,
        );
      }
      plugins.set(plugin.id, { ...plugin, isMarketPlugin: false, zip: bytes });
      return { id: plugin.id, version: plugin.version };
    }),
  );

  router.put(
    "/plugin.json",
    run(async (req) => {
      requireAdministrator(req);
      const id = requireString(params(req).id, "id");
      const fileKey = requireString(params(req).fileKey, "fileKey");
      if (!plugins.has(id)) {
        // Code unverified.
        throw new KintoneApiError(404, "GAIA_PL20", `The plug-in (id: ${id}) is not imported.`);
      }
      const bytes = fileBytes(fileKey);
      const plugin = await readPluginZip(bytes);
      if (plugin.id !== id) {
        // Code unverified: a zip signed with another key is another plug-in.
        throw new KintoneApiError(
          400,
          "GAIA_PL19",
          `The file is the plug-in ${plugin.id}, not ${id}: it was signed with another private key.`,
        );
      }
      plugins.set(id, { ...plugin, isMarketPlugin: false, zip: bytes });
      return { id, version: plugin.version };
    }),
  );

  return router;
}
