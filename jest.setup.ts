/**
 * Every suite runs with real network access blocked: sockets may only reach this machine
 * (loopback addresses, `localhost`, or Unix sockets). Emulators listen on 127.0.0.1.
 */
import net from "node:net";
import fc from "fast-check";

/**
 * Property tests draw a fresh seed on a developer's machine, to keep exploring. CI (and anyone
 * reproducing a failure) fixes it, so a run that landed can be run again to the same inputs:
 * FAST_CHECK_SEED=<the printed seed> (.ci/run sets it), or with CI=true the same default.
 */
const CI_FAST_CHECK_SEED = 20261123;
const seed =
  process.env.FAST_CHECK_SEED ?? (process.env.CI ? String(CI_FAST_CHECK_SEED) : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i;

function targetHost(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (Array.isArray(first)) return targetHost(first);
  if (typeof first === "object" && first !== null) {
    const options = first as { host?: string; path?: string };
    // Node's http client passes `path: null` for TCP connections: only a string names a Unix socket.
    if (typeof options.path === "string") return undefined;
    return options.host ?? "localhost";
  }
  if (typeof first === "number") return typeof second === "string" ? second : "localhost";
  if (typeof first === "string") return undefined; // Unix socket path
  return undefined;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Network access blocked in tests: tried to reach ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
