/**
 * What every browser story sets up, once: the sandbox (free ports, a silent proxy) and Chromium for
 * the file, and for each test a fresh browser context whose page errors are collected and whose
 * Playwright trace is kept only when the test failed (see traces.ts).
 *
 *   const story = useSandboxStory({ configure: (sandbox) => savePluginSettings(sandbox, …) });
 *   it("…", async () => { await story.page.goto(story.sandbox.urls.productsList); … });
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { startSandbox, type Sandbox } from "../sandbox/startSandbox";
import { launchChromium, watchPageErrors } from "./browser";
import { ensurePluginBuilt } from "./ensurePluginBuilt";
import { currentTestOutcome } from "./testOutcome";
import { finishTracing, startTracing, traceFileName, TRACES_DIR } from "./traces";

export const STORY_VIEWPORT = { width: 1440, height: 900 } as const;

export interface StoryPages {
  /** This test's page (a context of its own, traced). */
  readonly page: Page;
  /** The page's uncaught errors, console errors and HTTP errors so far. */
  readonly pageErrors: string[];
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language (its Accept-Language), e.g. "ja-JP"; default Chromium's. */
  locale?: string;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not ready: use it inside a test or hook`);
  return value;
}

/** Opens a traced context and page; `close` keeps the trace if the running test failed. */
export async function openTracedPage(
  browser: Browser,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? STORY_VIEWPORT,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  await startTracing(context);
  const page = await context.newPage();
  const pageErrors = watchPageErrors(page);
  return {
    context,
    page,
    pageErrors,
    async close() {
      const outcome = currentTestOutcome();
      const { testPath, currentTestName } = expect.getState();
      const file = path.join(
        TRACES_DIR,
        traceFileName(testPath, outcome?.testName ?? currentTestName ?? "test"),
      );
      try {
        const kept = await finishTracing(context, outcome, file);
        if (kept !== undefined) {
          console.log(`Trace of the failed story: ${path.relative(process.cwd(), kept)}`);
        }
      } finally {
        await context.close();
      }
    },
  };
}

/** A traced page per test of this file, from the browser `browser()` returns. */
export function useStoryPages(browser: () => Browser, options: PageOptions = {}): StoryPages {
  let current: Awaited<ReturnType<typeof openTracedPage>> | undefined;
  beforeEach(async () => {
    current = await openTracedPage(browser(), options);
  });
  afterEach(async () => {
    const closing = current;
    current = undefined;
    await closing?.close();
  });
  return {
    get page() {
      return ready(current, "the story's page").page;
    },
    get pageErrors() {
      return ready(current, "the story's page").pageErrors;
    },
  };
}

export interface SandboxStory extends StoryPages {
  readonly sandbox: Sandbox;
  readonly browser: Browser;
}

/**
 * The sandbox and Chromium for the whole file (the plugin built if `dist/` lacks it), `configure`
 * run once the sandbox is up (plugin settings, extra records), and a traced page per test.
 */
export function useSandboxStory(
  options: {
    configure?: (sandbox: Sandbox) => void | Promise<void>;
    /**
     * As `npm start` starts it: the sample apps preconfigured, the state kept in a fresh data
     * folder (a temporary one, removed afterwards, never the developer's `.sandbox-data/`).
     */
    likeNpmStart?: boolean;
    page?: PageOptions;
  } = {},
): SandboxStory {
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    ensurePluginBuilt();
    if (options.likeNpmStart) dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-story-"));
    sandbox = await startSandbox({
      ports: { kintone: 0, stripe: 0, proxy: 0 },
      proxyLogger: pino({ level: "silent" }),
      ...(dataDir === undefined ? {} : { dataDir, preconfigure: true }),
    });
    await options.configure?.(sandbox);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });
  const pages = useStoryPages(() => ready(browser, "Chromium"), options.page);
  return {
    get sandbox() {
      return ready(sandbox, "the sandbox");
    },
    get browser() {
      return ready(browser, "Chromium");
    },
    get page() {
      return pages.page;
    },
    get pageErrors() {
      return pages.pageErrors;
    },
  };
}
