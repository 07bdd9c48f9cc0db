/** Types of scripts/proxyBuild.js (kept as CommonJS so `npm run proxy` runs it with plain node). */
export const OUT_FILE: string;
/** Builds the proxy into outFile (default dist/proxy/main.js) and answers its path. */
export function buildProxy(outFile?: string): string;
/** True when outFile exists and no proxy or core source changed since it was built. */
export function isBuildCurrent(outFile?: string): boolean;
/** One TypeScript entry and what it imports from this repository, as one file for plain node. */
export function buildNodeBundle(entry: string, outFile: string): string;
