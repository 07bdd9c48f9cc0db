/**
 * A throwaway PostgreSQL cluster for one test file: `initdb` in a temporary directory, the server
 * on a free port of 127.0.0.1 (no system service, no socket outside that directory), one database,
 * and `stop()` that stops the server and removes the directory. The binaries come from Debian's
 * packages (`/usr/lib/postgresql/<major>/bin`, the newest major). PostgreSQL refuses to run as
 * root: as root the cluster runs as the `postgres` user (`runuser`).
 * https://www.postgresql.org/docs/current/app-initdb.html · https://www.postgresql.org/docs/current/app-pg-ctl.html
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const POSTGRES_ROOT = "/usr/lib/postgresql";
/** The user the cluster runs as when the tests run as root. */
const CLUSTER_USER = "postgres";

export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/journal` */
  url: string;
  port: number;
  /** Stops the server at once and removes its directory (idempotent). */
  stop(): Promise<void>;
  /** Stops the server (fast shutdown) and starts it again on the same port and data. */
  restart(): Promise<void>;
  /** A new, empty database on the cluster: its URL. */
  newDatabase(): Promise<string>;
}

/** The newest installed PostgreSQL's bin directory; fails with what to install when none is. */
export function postgresBinDir(): string {
  const majors = fs.existsSync(POSTGRES_ROOT)
    ? fs
        .readdirSync(POSTGRES_ROOT)
        .filter((entry) => fs.existsSync(path.join(POSTGRES_ROOT, entry, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = majors[0];
  if (newest === undefined) {
    throw new Error(
      `No PostgreSQL server binaries in ${POSTGRES_ROOT}/*/bin: install them (Debian/Ubuntu: apt-get install postgresql) to run the PostgreSQL journal tests.`,
    );
  }
  return path.join(POSTGRES_ROOT, newest, "bin");
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-pg-"));
  const dataDir = path.join(dir, "data");
  const tool = (name: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", CLUSTER_USER, "--", path.join(bin, name), ...args])
      : run(path.join(bin, name), args);
  const port = await freePort();
  const pgCtl = (...args: string[]) => tool("pg_ctl", ["-D", dataDir, ...args]);
  const start = () =>
    pgCtl(
      "-w",
      "-t",
      "60",
      "-l",
      path.join(dir, "server.log"),
      "-o",
      // Room for several proxies (each up to 31 connections) and the ones a killed proxy leaves
      // until the server notices.
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`,
      "start",
    );
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const createDatabase = (database: string) =>
    tool("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);
  let databases = 0;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await pgCtl("-w", "-m", "immediate", "stop").catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) fs.chownSync(dir, ...clusterUserIds());
    await tool("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
    await start();
    await createDatabase("journal");
  } catch (error) {
    const log = readIfThere(path.join(dir, "server.log"));
    await stop();
    throw new Error(`PostgreSQL did not start: ${String(error)}${log ? `\n${log}` : ""}`, {
      cause: error,
    });
  }
  return {
    url: urlOf("journal"),
    port,
    stop,
    async restart() {
      await pgCtl("-w", "-m", "fast", "stop");
      await start();
    },
    async newDatabase() {
      const database = `journal_${++databases}`;
      await createDatabase(database);
      return urlOf(database);
    },
  };
}

function clusterUserIds(): [number, number] {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${CLUSTER_USER}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      `Running as root, the PostgreSQL test cluster needs the "${CLUSTER_USER}" user (made by Debian's postgresql package).`,
    );
  }
  return [Number(uid), Number(gid)];
}

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").slice(-2000);
  } catch {
    return "";
  }
}

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
