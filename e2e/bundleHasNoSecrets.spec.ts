/**
 * The browser never sees the Stripe key or the proxy secret. The built plugin (every
 * file of dist/plugin/ and the signed zip) must hold no key, webhook secret, private key or the
 * sandbox's own secrets, whatever the build machine had in its environment.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { DEFAULT_PLUGIN_DIR, REPO_ROOT, SANDBOX_SECRETS } from "../sandbox/startSandbox";
import { ensurePluginBuilt } from "./ensurePluginBuilt";

const SECRET_PATTERNS: [string, RegExp][] = [
  ["a Stripe secret or restricted key", /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/],
  ["a Stripe webhook secret", /\bwhsec_[A-Za-z0-9]{8,}/],
  ["a private key", /PRIVATE KEY/],
  ["a Bearer token", /Bearer [A-Za-z0-9._~+/-]{20,}/],
  ...Object.entries(SANDBOX_SECRETS).map(([name, value]): [string, RegExp] => [
    `the sandbox's ${name}`,
    new RegExp(escape(value)),
  ]),
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function findSecrets(name: string, text: string): string[] {
  return SECRET_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(
    ([what]) => `${name} holds ${what}`,
  );
}

describe("the built plugin", () => {
  beforeAll(() => ensurePluginBuilt());

  it("holds no key, webhook secret, private key or proxy secret in any bundle", () => {
    const files = filesUnder(DEFAULT_PLUGIN_DIR);
    expect(files.some((file) => file.endsWith("desktop.js"))).toBe(true);
    expect(files.some((file) => file.endsWith("mobile.js"))).toBe(true);
    const found = files.flatMap((file) =>
      findSecrets(path.relative(REPO_ROOT, file), readFileSync(file, "latin1")),
    );
    expect(found).toEqual([]);
  });

  it("holds none of them in the signed zip's contents either", async () => {
    const outer = await JSZip.loadAsync(readFileSync(path.join(REPO_ROOT, "dist", "plugin.zip")));
    const contents = await outer.file("contents.zip")?.async("nodebuffer");
    expect(contents).toBeDefined();
    const inner = await JSZip.loadAsync(contents!);
    const found: string[] = [];
    for (const [name, entry] of Object.entries(inner.files)) {
      const bytes = await entry.async("nodebuffer");
      found.push(...findSecrets(name, bytes.toString("latin1")));
    }
    expect(found).toEqual([]);
  });

  it("would be caught holding one (the check is not blind)", () => {
    expect(findSecrets("x.js", `const k="rk_live_${"a".repeat(24)}"`)).toEqual([
      "x.js holds a Stripe secret or restricted key",
    ]);
    expect(
      findSecrets("x.js", `headers:{Authorization:"Bearer ${SANDBOX_SECRETS.proxySecret}"}`),
    ).not.toEqual([]);
  });
});
