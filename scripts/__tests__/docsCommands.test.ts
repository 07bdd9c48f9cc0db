/**
 * The docs tell the truth about the code: every `npm run …` they name is a script of package.json,
 * every link between pages lands on an anchor that exists, the English and Japanese pages carry the
 * same anchors, every problem the diagnostics report links to a section of both troubleshooting
 * pages, every error code has a section, the images are small, and the journal backup command of
 * docs/*\/deploy.md works on a running (WAL) journal.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { errorCodeSchema } from "../../core/api/proxyApi";
import { UpstreamError } from "../../proxy/errors/UpstreamError";
import { SqliteJournal } from "../../proxy/adapters/sqlite/SqliteJournal";
import { diagnose, TROUBLESHOOTING_DOC } from "../../proxy/diagnostics/diagnose";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

function markdownFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? markdownFiles(path.join(dir, entry.name))
        : entry.name.endsWith(".md")
          ? [path.join(dir, entry.name)]
          : [],
    );
}

const DOCS = ["README.md", "README.ja.md", ...markdownFiles("docs")];
const LANGUAGES = ["en", "ja"] as const;

/** Explicit anchors `<a id="…"></a>` of a markdown file. */
function anchorsOf(file: string): Set<string> {
  return new Set([...read(file).matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? ""));
}

describe("commands in the docs", () => {
  const scripts = Object.keys(
    (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts,
  );

  it.each(DOCS)("%s names only npm scripts that exist", (file) => {
    const named = [...read(file).matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]);
    expect(named.filter((name) => !scripts.includes(name ?? ""))).toEqual([]);
  });

  it("the READMEs keep the quick-start commands exactly", () => {
    for (const file of ["README.md", "README.ja.md"]) {
      const text = read(file);
      expect(text).toContain("npm install && npm start");
      expect(text).toContain("npm test");
      expect(text).toContain("npm run build && npm run test:e2e");
    }
  });

  it("every npm script named in the docs is in the table of docs/en/README.md", () => {
    const table = read("docs/en/README.md");
    const named = new Set(
      DOCS.flatMap((file) => [...read(file).matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1])),
    );
    for (const name of named)
      expect({ name, listed: table.includes(`npm run ${name}`) }).toEqual({ name, listed: true });
  });
});

describe("links and anchors", () => {
  it.each(DOCS)("%s links only to files and anchors that exist", (file) => {
    const broken: string[] = [];
    for (const match of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? "";
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [relative, anchor] = target.split("#") as [string, string | undefined];
      const resolved = relative ? path.normalize(path.join(path.dirname(file), relative)) : file;
      if (!fs.existsSync(path.join(ROOT, resolved))) {
        broken.push(target);
        continue;
      }
      if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(markdownFiles("docs/en").map((f) => path.basename(f)))(
    "docs/en/%s has a Japanese twin with the same anchors",
    (name) => {
      expect(fs.existsSync(path.join(ROOT, "docs", "ja", name))).toBe(true);
      expect([...anchorsOf(`docs/ja/${name}`)].sort()).toEqual(
        [...anchorsOf(`docs/en/${name}`)].sort(),
      );
    },
  );

  it("README.md and README.ja.md have the same sections", () => {
    const headings = (file: string) => read(file).match(/^#{2,3} /gm)?.length ?? 0;
    expect(headings("README.ja.md")).toBe(headings("README.md"));
  });
});

describe("diagnostics and docs agree", () => {
  /** Every `troubleshooting.md#anchor` the proxy's diagnostics code can emit. */
  const linked = [
    "proxy/diagnostics/diagnose.ts",
    "proxy/diagnostics/stripePermissionProblems.ts",
    "proxy/diagnostics/tokenRightsProblems.ts",
    "proxy/diagnostics/webhookProblems.ts",
    "proxy/diagnostics/keyProblemInLanguage.ts",
    "proxy/adapters/stripe/createKeyDiagnostics.ts",
  ].flatMap((file) => {
    const source = read(file);
    const literal = [...source.matchAll(/troubleshooting\.md#([\w-]+)/g)].map((m) => m[1] ?? "");
    const viaHelper = [...source.matchAll(/help\("([\w-]+)"/g)].map((m) => m[1] ?? "");
    return [...literal, ...viaHelper];
  });

  it("links to at least the known problems", () => {
    expect(new Set(linked)).toEqual(
      new Set([
        "diagnostics",
        "stripe-key-format",
        "stripe-key-rejected",
        "stripe-permission-missing",
        "stripe-unreachable",
        "stripe-webhook-secret-missing",
        "kintone-no-fields",
        "kintone-form-unreadable",
        "kintone-records-unreadable",
        "kintone-write-back-stuck",
        "record-paid-twice",
        "stripe-permission-unverified",
        "stripe-webhook-silent",
        "stripe-webhook-endpoint-missing",
        "stripe-webhook-endpoint-events",
        "kintone-token-cannot-edit",
        "kintone-token-rights-unverified",
        "kintone-file-upload-refused",
      ]),
    );
  });

  it.each(LANGUAGES)("every linked anchor exists in docs/%s/troubleshooting.md", (language) => {
    const anchors = anchorsOf(`docs/${language}/troubleshooting.md`);
    expect(linked.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it("every problem of a failing diagnosis ends with a link to an existing section", async () => {
    const failing = () => Promise.reject(new UpstreamError("kintone", "kintone refused."));
    const deps = {
      gateway: {
        describeKey: () =>
          Promise.resolve({
            mode: "live" as const,
            keyType: "restricted" as const,
            problems: ["A problem the adapter names no fix for."],
          }),
      },
      records: { getFormFields: failing, checkTokenRights: failing },
    } as unknown as Parameters<typeof diagnose>[0];
    const result = await diagnose(deps, {
      appIds: ["12"],
      stripeKeyType: "restricted",
      stripeMode: "live",
      webhookConfigured: false,
    });
    const problems = [...result.stripe.problems, ...result.kintone.apps.flatMap((a) => a.problems)];
    expect(problems).toHaveLength(6);
    expect(result.stripe.ok).toBe(false);
    expect(result.stripe.problems[1]).toMatch(
      /^STRIPE_WEBHOOK_SECRET is not set: .* → docs\/en\/troubleshooting\.md#stripe-webhook-secret-missing$/,
    );
    const anchors = anchorsOf(TROUBLESHOOTING_DOC);
    for (const problem of problems) {
      const match = / → docs\/en\/troubleshooting\.md#([\w-]+)$/.exec(problem);
      expect({ problem, linked: match !== null && anchors.has(match[1] ?? "") }).toEqual({
        problem,
        linked: true,
      });
    }

    const unreachable = await diagnose(
      {
        ...deps,
        gateway: { describeKey: () => Promise.reject(new Error("socket hang up")) },
      } as unknown as Parameters<typeof diagnose>[0],
      { appIds: [], stripeKeyType: "secret", stripeMode: "test", webhookConfigured: true },
    );
    expect(unreachable.stripe.problems).toHaveLength(1);
    expect(unreachable.stripe.problems[0]).toMatch(/troubleshooting\.md#stripe-unreachable$/);
  });

  it.each(LANGUAGES)("every error code of the proxy has a section in docs/%s", (language) => {
    const codes = errorCodeSchema.options;
    expect(codes).toContain("RECORD_CHANGED");
    const anchors = anchorsOf(`docs/${language}/troubleshooting.md`);
    const missing = codes.filter((code) => !anchors.has(code.toLowerCase()));
    expect(missing).toEqual([]);
  });
});

describe("images", () => {
  const dir = path.join(ROOT, "docs", "images");
  const images = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".png")) : [];

  it("exist, and each is under 150 KB", () => {
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const bytes = fs.statSync(path.join(dir, image)).size;
      expect({ image, small: bytes < 150 * 1024 }).toEqual({ image, small: true });
    }
  });
});

describe("the journal backup command of deploy.md", () => {
  const run = promisify(execFile);

  it.each(LANGUAGES)("is written in docs/%s/deploy.md", (language) => {
    expect(read(`docs/${language}/deploy.md`)).toMatch(
      /sqlite3 \S*journal\.sqlite \\\n\s+"\.backup '/,
    );
  });

  it("copies a journal the proxy holds open (WAL) into a file that opens", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-backup-"));
    const journal = SqliteJournal.inDataDir(dir);
    try {
      const file = path.join(dir, "journal.sqlite");
      const backup = path.join(dir, "backup.sqlite");
      await run("sqlite3", [file, `.backup '${backup}'`]);
      const copy = new Database(backup, { readonly: true });
      try {
        const tables = copy
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all() as { name: string }[];
        expect(tables.length).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    } finally {
      await journal.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the systemd unit of deploy.md", () => {
  const run = promisify(execFile);
  // systemd (and so systemd-analyze) is part of the Debian image the project's machines and CI run on.
  const systemdAnalyze = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].find((file) =>
    fs.existsSync(file),
  );

  it.each(LANGUAGES)("passes systemd-analyze verify (docs/%s/deploy.md)", async (language) => {
    if (!systemdAnalyze)
      throw new Error("systemd-analyze is not installed: apt-get install systemd");
    const unit = /```ini\n([\s\S]*?)```/.exec(read(`docs/${language}/deploy.md`))?.[1];
    expect(unit).toContain("ExecStart=/usr/bin/npm run proxy");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unit-"));
    try {
      const file = path.join(dir, "kintone-stripe-checkout.service");
      fs.writeFileSync(file, unit ?? "");
      const { stderr } = await run(systemdAnalyze ?? "systemd-analyze", ["verify", file]);
      expect(stderr).not.toContain("kintone-stripe-checkout.service");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
