/**
 * The stories keep a failed test's Playwright trace and drop a passed one's. Checked here without a
 * browser and without a failing story: the outcome the environment derives from jest-circus's
 * events, the keep/drop decision, and the file it leads to.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Circus } from "@jest/types";
import { currentTestOutcome, nextTestOutcome, traceVerdict, type TestOutcome } from "./testOutcome";
import { finishTracing, traceFileName } from "./traces";

const root = { name: "ROOT_DESCRIBE_BLOCK" } as Circus.DescribeBlock;
const block = { name: "the payment link", parent: root } as Circus.DescribeBlock;
const test = { name: "is paid by card", parent: block } as Circus.TestEntry;
const error = new Error("expected paid, received unpaid");

/** The outcome after a sequence of circus events, as the story environment computes it. */
function outcomeAfter(events: Circus.Event[]): TestOutcome | undefined {
  return events.reduce<TestOutcome | undefined>(nextTestOutcome, undefined);
}

const start = { name: "test_start", test } as Circus.Event;
const bodyStart = { name: "test_fn_start", test } as Circus.Event;
const bodyPassed = { name: "test_fn_success", test } as Circus.Event;
const bodyFailed = { name: "test_fn_failure", test, error } as Circus.Event;
const hookFailed = (type: Circus.HookType) =>
  ({ name: "hook_failure", hook: { type }, test, error }) as unknown as Circus.Event;

describe("a story's outcome, as the environment sees it", () => {
  it("is a pass for a test whose body succeeded", () => {
    const outcome = outcomeAfter([start, bodyStart, bodyPassed]);
    expect(outcome).toEqual({ testName: "the payment link is paid by card", failed: false });
    expect(traceVerdict(outcome)).toBe("drop");
  });

  it("is a failure once the body fails (an assertion, a throw or a timeout)", () => {
    const outcome = outcomeAfter([start, bodyStart, bodyFailed]);
    expect(outcome).toEqual({ testName: "the payment link is paid by card", failed: true });
    expect(traceVerdict(outcome)).toBe("keep");
  });

  it("is a failure when a beforeEach or afterEach hook failed, and starts clean for the next test", () => {
    expect(traceVerdict(outcomeAfter([start, hookFailed("beforeEach")]))).toBe("keep");
    expect(
      traceVerdict(outcomeAfter([start, bodyStart, bodyPassed, hookFailed("afterEach")])),
    ).toBe("keep");
    // A beforeAll failure belongs to no test.
    expect(outcomeAfter([hookFailed("beforeAll")])).toBeUndefined();
    expect(
      traceVerdict(outcomeAfter([start, bodyStart, bodyFailed, start, bodyStart, bodyPassed])),
    ).toBe("drop");
  });

  it("keeps the trace when nothing says how the test went", () => {
    expect(traceVerdict(undefined)).toBe("keep");
  });

  it("is reported to this very test by the stories' environment, under jest's name for it", () => {
    expect(currentTestOutcome()).toEqual({
      testName: expect.getState().currentTestName,
      failed: false,
    });
  });
});

describe("a story's trace file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "e2e-traces-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function fakeTracing() {
    const stops: Array<{ path?: string } | undefined> = [];
    return {
      stops,
      context: {
        tracing: {
          stop: (options?: { path?: string }) => {
            stops.push(options);
            if (options?.path) writeFileSync(options.path, "zip");
            return Promise.resolve();
          },
        },
      } as unknown as Parameters<typeof finishTracing>[0],
    };
  }

  it("is written for a failed test", async () => {
    const { context, stops } = fakeTracing();
    const file = path.join(dir, "traces", "a.zip");
    await expect(finishTracing(context, { testName: "t", failed: true }, file)).resolves.toBe(file);
    expect(stops).toEqual([{ path: file }]);
    expect(existsSync(file)).toBe(true);
  });

  it("is discarded for a passed test, with the trace an earlier failed run left", async () => {
    const { context, stops } = fakeTracing();
    const file = path.join(dir, "a.zip");
    writeFileSync(file, "stale");
    await expect(
      finishTracing(context, { testName: "t", failed: false }, file),
    ).resolves.toBeUndefined();
    expect(stops).toEqual([undefined]);
    expect(existsSync(file)).toBe(false);
  });

  it("is named after the spec and the test, in characters any file system takes", () => {
    expect(
      traceFileName("/repo/e2e/payments.spec.ts", "A paid link › shows paid (en) on the record"),
    ).toBe("payments.spec-A-paid-link-shows-paid-en-on-the-record.zip");
  });
});
