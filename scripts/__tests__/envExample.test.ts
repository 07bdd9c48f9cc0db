/**
 * `.env.example` lists exactly the variables `proxy/config.ts` reads, each with a comment, and
 * its placeholder values are not secrets that would pass for real ones.
 */
import fs from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES, loadConfig } from "../../proxy/config";

const ROOT = path.resolve(__dirname, "..", "..");
const text = fs.readFileSync(path.join(ROOT, ".env.example"), "utf8");
const lines = text.split("\n");

/** Variable name → its line index, for every `NAME=value` line. */
const assignments = new Map<string, number>();
lines.forEach((line, index) => {
  const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
  if (match?.[1]) assignments.set(match[1], index);
});

describe(".env.example", () => {
  it("names every variable the configuration reads, and no other", () => {
    expect([...assignments.keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("has a comment right above every variable", () => {
    for (const [name, index] of assignments) {
      expect({ name, above: lines[index - 1] ?? "" }).toEqual({
        name,
        above: expect.stringMatching(/^# /),
      });
    }
  });

  it("is valid as written, and its secrets are obvious placeholders", () => {
    const env: Record<string, string> = {};
    for (const [name, index] of assignments) {
      env[name] = (lines[index] ?? "").slice(name.length + 1);
    }
    const result = loadConfig(env);
    expect(result.ok ? [] : result.problems).toEqual([]);
    for (const secret of [
      "STRIPE_API_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "PROXY_SECRET",
      "KINTONE_API_TOKENS",
    ]) {
      expect(env[secret]).toContain("REPLACE_ME");
    }
  });
});
