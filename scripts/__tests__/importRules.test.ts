/**
 * The lint rule that keeps SDKs in the proxy's adapters, tried on planted imports with ESLint's
 * Node API. ESLint loads eslint.config.mjs with a dynamic import, which jest's module sandbox
 * does not allow, so the linting runs in a child Node process.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "../..");

const ADAPTER_PACKAGES = ["stripe", "@kintone/rest-api-client", "better-sqlite3", "sharp"];

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** ESLint's messages for `source` as if it were the file `filePath`, by file. */
function lint(files: { filePath: string; source: string }[]): LintMessage[][] {
  const script = `
    const { ESLint } = require("eslint");
    const files = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(files.map(async ({ filePath, source }) => {
      const [result] = await eslint.lintText(source, { filePath });
      return result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
    })).then((messages) => process.stdout.write(JSON.stringify(messages)));
  `;
  const output = execFileSync(process.execPath, ["-e", script], {
    cwd: repoRoot,
    input: JSON.stringify(files),
    encoding: "utf8",
  });
  return JSON.parse(output) as LintMessage[][];
}

function plantedImport(packageName: string): string {
  return `import planted from "${packageName}";\n\nexport const used = planted;\n`;
}

function restrictedImports(messages: LintMessage[]): LintMessage[] {
  return messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2);
}

/** Where each package is planted, and whether the rule refuses it there. */
const PLANTED = ADAPTER_PACKAGES.flatMap((packageName) => [
  { packageName, filePath: "proxy/checkout/planted.ts", refused: true },
  { packageName, filePath: "proxy/adapters/x/planted.ts", refused: false },
  { packageName, filePath: "core/planted.ts", refused: true },
  { packageName, filePath: "plugin/planted.ts", refused: true },
]);

describe("imports of the SDKs", () => {
  let results: LintMessage[][];

  beforeAll(() => {
    results = lint(
      PLANTED.map(({ packageName, filePath }) => ({
        filePath,
        source: plantedImport(packageName),
      })),
    );
  });

  it.each(ADAPTER_PACKAGES)("of %s are refused in proxy/ outside proxy/adapters/", (name) => {
    const index = PLANTED.findIndex(
      (p) => p.packageName === name && p.filePath === "proxy/checkout/planted.ts",
    );
    expect(restrictedImports(results[index]!)).toEqual([
      expect.objectContaining({ message: expect.stringContaining("Only proxy/adapters/**") }),
    ]);
  });

  it.each(ADAPTER_PACKAGES)("of %s pass lint in proxy/adapters/", (name) => {
    const index = PLANTED.findIndex(
      (p) => p.packageName === name && p.filePath === "proxy/adapters/x/planted.ts",
    );
    expect(results[index]).toEqual([]);
  });

  it("are refused in core/ and plugin/", () => {
    PLANTED.forEach((planted, index) => {
      if (!planted.filePath.startsWith("proxy/")) {
        expect(restrictedImports(results[index]!).length).toBeGreaterThan(0);
      }
    });
  });
});
