/**
 * The parts of the built plugin's `manifest.json` the pages load: desktop and config scripts and
 * styles, the settings page's HTML, the name and icon.
 * https://cybozu.dev/ja/kintone/docs/overview/plugin/plugin-manifest/ (manifest_version 1)
 */
import { readFileSync } from "node:fs";

type Localized = { ja?: string; en?: string } & Record<string, string | undefined>;

export interface PluginManifest {
  name: Localized;
  description?: Localized;
  icon?: string;
  version?: string | number;
  desktop?: { js?: string[]; css?: string[] };
  mobile?: { js?: string[]; css?: string[] };
  config?: { html?: string; js?: string[]; css?: string[]; required_params?: string[] };
}

export function readPluginManifest(manifestPath: string): PluginManifest {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as PluginManifest;
  if (typeof manifest !== "object" || manifest === null || typeof manifest.name !== "object") {
    throw new Error(`${manifestPath} is not a kintone plugin manifest`);
  }
  return manifest;
}

export function localized(text: Localized | undefined, language: "ja" | "en"): string {
  if (text === undefined) return "";
  return text[language] ?? text.en ?? text.ja ?? Object.values(text).find((v) => v) ?? "";
}

/** Entries given as URLs are left out: the sandbox runs offline. */
export function localFiles(entries: string[] | undefined): string[] {
  return (entries ?? []).filter((entry) => !/^https?:\/\//.test(entry));
}
