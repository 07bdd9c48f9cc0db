/**
 * bench/httpFloorProcess.ts compiled like the proxy, once per run: the build cpuPerCheckout.ts
 * measures beside the proxy as the floor of its CPU per checkout (HTTP alone).
 */
import path from "node:path";
import { buildNodeBundle } from "../scripts/proxyBuild";
import type { ProxyBuild } from "./cpuPerCheckout";

let built: string | undefined;

export function httpFloorBuild(): ProxyBuild {
  built ??= buildNodeBundle(
    path.join(__dirname, "httpFloorProcess.ts"),
    path.join(__dirname, "..", "dist", "bench", "httpFloorProcess.js"),
  );
  return { proxyProcessFile: built };
}
