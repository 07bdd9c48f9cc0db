/**
 * The sandbox remembers: its kintone (apps, records, files), the plugin settings and the Stripe
 * emulator's objects are saved as one JSON file in the data folder, written atomically (a temporary
 * file renamed over the old one) a moment after they change and when the sandbox stops, and read
 * back when it starts. The proxy's journal lives in the same folder (its DATA_DIR).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { KintoneStoreState } from "../kintone/store/storeSnapshot";
import type { PluginSettingsState } from "../kintone/pages/PluginSettingsStore";
import type { StripeStoreState } from "../stripe/StripeStore";
import { decodeSnapshot, encodeSnapshot } from "./snapshotJson";

export const SNAPSHOT_FILE_NAME = "sandbox-state.json";
export const SNAPSHOT_VERSION = 1;
/** How often the keeper looks for a change to save. */
export const SNAPSHOT_INTERVAL_MS = 1000;

/** The addresses the sandbox served at when it saved (links and settings name them). */
export interface SandboxOrigins {
  kintone?: string;
  stripe?: string;
  proxy?: string;
}

export interface SandboxState {
  version: typeof SNAPSHOT_VERSION;
  savedAt: string;
  origins: SandboxOrigins;
  kintone: KintoneStoreState;
  pluginSettings: PluginSettingsState;
  stripe: StripeStoreState;
}

export type SandboxStateParts = Omit<SandboxState, "version" | "savedAt" | "origins">;

export function snapshotFile(dataDir: string): string {
  return path.join(dataDir, SNAPSHOT_FILE_NAME);
}

/** Writes `text` to `file` so that a reader sees the old file or the new one, never half of one. */
export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Every saved address of `from` that `to` names differently, changed to `to`'s. */
export function moveOrigins(text: string, from: SandboxOrigins, to: SandboxOrigins): string {
  let moved = text;
  for (const part of ["kintone", "stripe", "proxy"] as const) {
    const before = from[part];
    const after = to[part];
    if (before === undefined || after === undefined || before === after) continue;
    const escaped = before.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    moved = moved.replace(new RegExp(`${escaped}(?![\\w])`, "g"), after);
  }
  return moved;
}

/**
 * The saved state, or undefined when there is none; a file of another version is refused.
 * Links and settings that named the saved addresses name `origins` instead (ports may change).
 */
export function readSandboxState(
  dataDir: string,
  origins: SandboxOrigins = {},
): SandboxState | undefined {
  const file = snapshotFile(dataDir);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  const saved = /^\{"version":\d+,"savedAt":"[^"]*","origins":(\{[^}]*\})/.exec(text)?.[1];
  const from = saved === undefined ? {} : (JSON.parse(saved) as SandboxOrigins);
  let state: Partial<SandboxState>;
  try {
    state = decodeSnapshot(moveOrigins(text, from, origins)) as Partial<SandboxState>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${file} cannot be read (${reason}); start fresh with npm start -- --reset`, {
      cause: error,
    });
  }
  if (state.version !== SNAPSHOT_VERSION) {
    throw new Error(
      `${file} was saved by another version of the sandbox; start fresh with npm start -- --reset`,
    );
  }
  return state as SandboxState;
}

/**
 * Saves what `capture` answers whenever it differs from what was last saved: looked at every
 * `intervalMs`, and at once by `saveNow` (on stop).
 */
export class SnapshotKeeper {
  private lastSaved: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly capture: () => SandboxStateParts,
    private readonly origins: () => SandboxOrigins,
    private readonly intervalMs = SNAPSHOT_INTERVAL_MS,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => {
      try {
        this.saveNow();
      } catch (error) {
        console.error("[sandbox] could not save its state:", error);
      }
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Writes the state if it changed; answers whether it wrote. */
  saveNow(): boolean {
    const parts = encodeSnapshot(this.capture());
    if (parts === this.lastSaved) return false;
    const header = `{"version":${SNAPSHOT_VERSION},"savedAt":${JSON.stringify(new Date().toISOString())}`;
    const state = `${header},"origins":${JSON.stringify(this.origins())},${parts.slice(1)}`;
    writeFileAtomically(snapshotFile(this.dataDir), state);
    this.lastSaved = parts;
    return true;
  }

  /** Stops looking and saves a last time. */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.saveNow();
  }
}
