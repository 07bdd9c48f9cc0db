/** Types of scripts/pluginSources.js (kept as CommonJS for webpack.config.js). */
export interface PluginManifest {
  icon?: string;
  desktop?: { js?: string[]; css?: string[] };
  mobile?: { js?: string[]; css?: string[] };
  config?: { html?: string; js?: string[]; css?: string[]; required_params?: string[] };
  [key: string]: unknown;
}

export interface PluginSources {
  /** webpack entries: name → { import: "./plugin/<name>.ts", filename: "js/<name>.js" } */
  entries: Record<string, { import: string; filename: string }>;
  /** files copied as they are: output path inside dist/plugin/ and source path from the repo root */
  staticFiles: Array<{ output: string; source: string }>;
}

export function manifestFiles(manifest: PluginManifest): string[];
export function resolvePluginSources(manifest: PluginManifest, rootDir: string): PluginSources;
