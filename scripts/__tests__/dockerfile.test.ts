/**
 * The Dockerfile, without Docker: its steps are done in a temporary directory (a clean production
 * install from the lockfile, the proxy compiled), and the result starts with the image's CMD,
 * passes the image's own HEALTHCHECK and answers /healthz. The compose file names only images
 * and commands that exist, and configures the proxy with variables it knows.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { parse as parseYaml } from "yaml";
import { CONFIG_VARIABLES } from "../../proxy/config";
import { startOrdersEmulators, type OrdersEmulators } from "../../sandbox/startOrdersEmulators";
import { ORDERS_PROXY_SECRET } from "../../testkit/startOrdersProxy";
import {
  buildWithoutDocker,
  commandOf,
  parseDockerfile,
  type BuiltImage,
} from "../dockerfileSteps";

const ROOT = path.resolve(__dirname, "..", "..");
const DOCKERFILE = path.join(ROOT, "Dockerfile");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));
const packageJson = readJson("package.json") as {
  version: string;
  scripts: Record<string, string>;
};
/** The lockfile marks what only development needs (`dev: true`) and what only some platforms get. */
const lockedPackages = Object.entries(
  (
    readJson("package-lock.json") as {
      packages: Record<string, { dev?: boolean; optional?: boolean }>;
    }
  ).packages,
).filter(([location]) => location.startsWith("node_modules/"));

/**
 * Official images the files may name, with what the checks rely on inside them. The Docker Hub
 * pages: https://hub.docker.com/_/node (tags `20-bookworm`, `20-bookworm-slim`; the user `node`),
 * https://hub.docker.com/_/postgres (tag `17-bookworm`; `pg_isready` on the PATH).
 */
const KNOWN_IMAGES: Record<string, { users: string[]; commands: string[] }> = {
  "node:20-bookworm": { users: ["root", "node"], commands: ["node", "npm"] },
  "node:20-bookworm-slim": { users: ["root", "node"], commands: ["node", "npm"] },
  "postgres:17-bookworm": { users: ["postgres"], commands: ["pg_isready", "psql"] },
};

describe("Dockerfile", () => {
  const stages = parseDockerfile(fs.readFileSync(DOCKERFILE, "utf8"));
  const final = stages.at(-1)!;
  const instructionsOf = (keyword: string) =>
    final.instructions.filter((instruction) => instruction.keyword === keyword);

  it("builds from official Node 20 images and runs as their non-root user", () => {
    for (const stage of stages) expect(Object.keys(KNOWN_IMAGES)).toContain(stage.image);
    const users = instructionsOf("USER").map((instruction) => instruction.args);
    expect(users.at(-1)).toBe("node");
    expect(KNOWN_IMAGES[final.image]!.users).toContain("node");
  });

  it("starts with npm run proxy and checks /healthz", () => {
    expect(instructionsOf("CMD").map((instruction) => commandOf(instruction.args))).toEqual([
      ["npm", "run", "proxy"],
    ]);
    expect(packageJson.scripts.proxy).toBeDefined();
    const [healthCheck] = instructionsOf("HEALTHCHECK");
    expect(healthCheck?.args).toContain("/healthz");
  });

  it("keeps secrets and local state out of the build context", () => {
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of [".env", "private.ppk", "data", ".sandbox-data", "node_modules"])
      expect(ignored).toContain(entry);
  });

  describe("its steps done without Docker", () => {
    let workDir: string;
    let image: BuiltImage;
    let emulators: OrdersEmulators;
    let proxy: ChildProcess | undefined;

    beforeAll(async () => {
      workDir = fs.mkdtempSync(path.join(os.tmpdir(), "dockerfile-"));
      emulators = await startOrdersEmulators();
      // npm works from its cache (`npm ci` of this checkout filled it): suites reach no network.
      image = buildWithoutDocker({
        dockerfile: DOCKERFILE,
        context: ROOT,
        workDir,
        runEnv: { npm_config_offline: "true", npm_config_cache: npmCache() },
      });
    }, 600_000);

    afterAll(async () => {
      // npm runs the proxy as its child: the whole process group goes.
      if (proxy?.pid !== undefined && proxy.exitCode === null) process.kill(-proxy.pid, "SIGKILL");
      await emulators?.close();
      fs.rmSync(workDir, { recursive: true, force: true });
    });

    const appDir = () => path.join(image.root, image.workdir);

    it("installs the production dependencies only, and the compiled proxy", () => {
      const installed = (location: string) => fs.existsSync(path.join(appDir(), location));
      const devOnly = lockedPackages.filter(([, entry]) => entry.dev);
      const production = lockedPackages.filter(([, entry]) => !entry.dev && !entry.optional);
      expect(devOnly.length).toBeGreaterThan(100);
      expect(devOnly.filter(([location]) => installed(location))).toEqual([]);
      expect(production.filter(([location]) => !installed(location))).toEqual([]);
      expect(installed("node_modules/better-sqlite3/build/Release/better_sqlite3.node")).toBe(true);
      expect(fs.existsSync(path.join(appDir(), "dist", "proxy", "main.js"))).toBe(true);
      // The image carries the build, not the sources.
      expect(fs.existsSync(path.join(appDir(), "proxy"))).toBe(false);
    });

    it("starts with its CMD, passes its HEALTHCHECK and answers /healthz", async () => {
      const [command, ...args] = image.cmd;
      proxy = spawn(command!, args, {
        cwd: appDir(),
        env: {
          PATH: process.env.PATH ?? "",
          HOME: workDir,
          ...image.env,
          ...emulators.proxyEnv({
            stripeApiKey: "rk_test_image",
            proxySecret: ORDERS_PROXY_SECRET,
          }),
          DATA_DIR: path.join(image.root, image.env.DATA_DIR ?? "data"),
          PORT: "0",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      });
      const port = await listeningPort(proxy);

      const [checkCommand, ...checkArgs] = image.healthCheck!.command;
      const check = spawnSync(checkCommand!, checkArgs, {
        env: { PATH: process.env.PATH ?? "", PORT: String(port) },
        timeout: 10_000,
      });
      expect(check.status).toBe(0);

      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ ok: true, version: packageJson.version });
      expect(fs.existsSync(path.join(image.root, "home/node/data/journal.sqlite"))).toBe(true);
    }, 60_000);
  });
});

describe("compose.yaml", () => {
  const compose = parseYaml(fs.readFileSync(path.join(ROOT, "compose.yaml"), "utf8"), {
    merge: true,
  }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        environment?: Record<string, string>;
        healthcheck?: { test: string[] };
        depends_on?: Record<string, { condition: string }>;
      }
    >;
  };
  const proxies = Object.entries(compose.services).filter(([, service]) => service.build);

  it("runs two proxies built from the Dockerfile on one PostgreSQL", () => {
    expect(proxies.map(([name]) => name)).toEqual(["proxy-1", "proxy-2"]);
    for (const [, proxy] of proxies) {
      expect(fs.existsSync(path.join(ROOT, proxy.build!, "Dockerfile"))).toBe(true);
      expect(proxy.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/\w+$/);
      expect(proxy.depends_on?.postgres?.condition).toBe("service_healthy");
    }
  });

  it("names only images and commands that exist", () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build) continue;
      const known = KNOWN_IMAGES[service.image ?? ""];
      expect([name, known !== undefined]).toEqual([name, true]);
      const [form, command] = service.healthcheck?.test ?? [];
      expect(form).toBe("CMD");
      expect(known!.commands).toContain(command);
    }
  });

  it("configures the proxies only with variables the proxy reads", () => {
    for (const [, proxy] of proxies)
      for (const variable of Object.keys(proxy.environment ?? {}))
        expect(CONFIG_VARIABLES).toContain(variable);
  });
});

/** The port from the proxy's "proxy listening" log line. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return; // npm's own banner
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === "proxy listening" && entry.port) resolve(entry.port);
    });
    child.once("exit", (code) => reject(new Error(`the proxy exited (${code}) before listening`)));
  });
}

/** npm's cache directory, as npm itself reports it. */
function npmCache(): string {
  const result = spawnSync("npm", ["config", "get", "cache"], { encoding: "utf8" });
  return result.stdout.trim();
}
