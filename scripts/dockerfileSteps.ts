/**
 * The Dockerfile's steps done without Docker (no daemon runs on the machines that test it): each
 * stage is a directory standing for its filesystem, COPY copies from the build context or an
 * earlier stage, RUN runs in the stage's WORKDIR with its ENV, and the final stage's CMD and
 * HEALTHCHECK are given back to start. Only the instructions this repository's Dockerfile uses are
 * known; any other one is an error, so the simulation never silently skips a step.
 * https://docs.docker.com/reference/dockerfile/
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Instruction {
  keyword: string;
  /** The rest of the line, continuation lines joined. */
  args: string;
}

export interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions, by stage; `\` continues a line, `#` starts a comment line. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of logical) {
    const match = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) throw new Error(`Dockerfile: cannot read "${line}"`);
    const keyword = match[1]!.toUpperCase();
    const args = match[2]!.trim();
    if (keyword === "FROM") {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`Dockerfile: cannot read FROM ${args}`);
      stages.push({ image: from[1]!, name: from[2], instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${keyword} before FROM`);
    stage.instructions.push({ keyword, args });
  }
  return stages;
}

/** A JSON array (exec form) or a shell command (shell form) as argv. */
export function commandOf(args: string): string[] {
  if (args.startsWith("[")) return JSON.parse(args) as string[];
  return ["/bin/sh", "-c", args];
}

export interface HealthCheck {
  options: Record<string, string>;
  command: string[];
}

export interface BuiltImage {
  /** The final stage's root directory. */
  root: string;
  /** Its WORKDIR inside `root`. */
  workdir: string;
  env: Record<string, string>;
  user?: string;
  exposed: string[];
  cmd: string[];
  healthCheck?: HealthCheck;
  /** Every RUN command, by stage, in order: what was run. */
  ran: string[];
}

export interface BuildOptions {
  dockerfile: string;
  context: string;
  /** Where the stages' directories are made. */
  workDir: string;
  /** Extra environment for RUN steps (e.g. `npm_config_offline`), beside PATH and HOME. */
  runEnv?: Record<string, string>;
}

function parseHealthCheck(args: string): HealthCheck {
  const match = /^((?:--[a-z-]+=\S+\s+)*)CMD\s+(.*)$/.exec(args);
  if (!match) throw new Error(`Dockerfile: cannot read HEALTHCHECK ${args}`);
  const options = Object.fromEntries(
    [...match[1]!.matchAll(/--([a-z-]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]),
  );
  return { options, command: commandOf(match[2]!) };
}

/** COPY's sources and destination; `--from=` names an earlier stage. */
function parseCopy(args: string): { from?: string; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  let from: string | undefined;
  while (words[0]?.startsWith("--")) {
    const flag = words.shift()!;
    if (flag.startsWith("--from=")) from = flag.slice("--from=".length);
    else throw new Error(`Dockerfile: COPY ${flag} is not simulated`);
  }
  const destination = words.pop();
  if (!destination || words.length === 0) throw new Error(`Dockerfile: cannot read COPY ${args}`);
  return { from, sources: words, destination };
}

/** Runs every stage's steps; the last stage is the image. */
export function buildWithoutDocker(options: BuildOptions): BuiltImage {
  const stages = parseDockerfile(fs.readFileSync(options.dockerfile, "utf8"));
  const roots = new Map<string, string>();
  const ran: string[] = [];
  let image: BuiltImage | undefined;
  stages.forEach((stage, index) => {
    const root = path.join(options.workDir, `stage-${index}`);
    fs.mkdirSync(root, { recursive: true });
    roots.set(stage.name ?? String(index), root);
    let workdir = "/";
    const env: Record<string, string> = {};
    const built: BuiltImage = { root, workdir, env, exposed: [], cmd: [], ran };
    const inStage = (containerPath: string) =>
      path.join(root, path.posix.resolve(workdir, containerPath));
    for (const { keyword, args } of stage.instructions) {
      switch (keyword) {
        case "WORKDIR":
          workdir = path.posix.resolve(workdir, args);
          fs.mkdirSync(inStage("."), { recursive: true });
          break;
        case "ENV":
          for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) env[key!] = value!;
          break;
        case "COPY": {
          const copy = parseCopy(args);
          const fromRoot = copy.from === undefined ? undefined : roots.get(copy.from);
          if (copy.from !== undefined && !fromRoot)
            throw new Error(`Dockerfile: COPY --from=${copy.from} names no earlier stage`);
          for (const source of copy.sources) {
            const sourcePath = fromRoot
              ? path.join(fromRoot, source)
              : path.join(options.context, source);
            const target = copy.destination.endsWith("/")
              ? path.join(inStage(copy.destination), path.basename(source))
              : inStage(copy.destination);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.cpSync(sourcePath, target, { recursive: true, preserveTimestamps: true });
          }
          break;
        }
        case "RUN":
          ran.push(args);
          execFileSync("/bin/sh", ["-c", args], {
            cwd: inStage("."),
            env: {
              PATH: process.env.PATH ?? "",
              HOME: process.env.HOME ?? options.workDir,
              ...options.runEnv,
              ...env,
            },
            stdio: ["ignore", "ignore", "pipe"],
          });
          break;
        case "USER":
          built.user = args;
          break;
        case "EXPOSE":
          built.exposed.push(...args.split(/\s+/));
          break;
        case "HEALTHCHECK":
          built.healthCheck = parseHealthCheck(args);
          break;
        case "CMD":
          built.cmd = commandOf(args);
          break;
        default:
          throw new Error(`Dockerfile: ${keyword} is not simulated`);
      }
    }
    built.workdir = workdir;
    image = built;
  });
  if (!image) throw new Error("Dockerfile: no stage");
  return image;
}
