/**
 * Whether the running test has failed so far, as jest-circus reports it to the test environment
 * (`handleTestEvent`), readable from the test's own `afterEach` — which jest does not tell.
 * `storyEnvironment.ts` keeps it on the test's global; stories read it to keep a failed test's trace.
 */
import type { Circus } from "@jest/types";

export interface TestOutcome {
  /** The full name, as `expect.getState().currentTestName` spells it: describe blocks, then the test. */
  testName: string;
  failed: boolean;
}

/** The global the environment writes and the stories read. */
export const TEST_OUTCOME_GLOBAL = "__e2eTestOutcome";

const ROOT_DESCRIBE_BLOCK = "ROOT_DESCRIBE_BLOCK";

export function fullTestName(test: Circus.TestEntry): string {
  const names = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
    if (block.name !== ROOT_DESCRIBE_BLOCK) names.unshift(block.name);
  }
  return names.join(" ");
}

/**
 * The outcome after one circus event: a test starts clean; its body failing (an assertion, a
 * throw, a timeout) or one of its `beforeEach`/`afterEach` hooks failing marks it failed (an
 * `afterEach` that runs before the trace is stopped, such as a check of the page's errors, counts).
 */
export function nextTestOutcome(
  current: TestOutcome | undefined,
  event: Circus.Event,
): TestOutcome | undefined {
  switch (event.name) {
    case "test_start":
      return { testName: fullTestName(event.test), failed: false };
    case "test_fn_failure":
      return { testName: fullTestName(event.test), failed: true };
    case "hook_failure":
      if ((event.hook.type === "beforeEach" || event.hook.type === "afterEach") && current) {
        return { ...current, failed: true };
      }
      return current;
    default:
      return current;
  }
}

/** A failed test's trace is kept; so is one whose outcome is unknown (not run by the story environment). */
export function traceVerdict(outcome: TestOutcome | undefined): "keep" | "drop" {
  return outcome?.failed === false ? "drop" : "keep";
}

/** The running test's outcome so far, inside a test or its hooks. */
export function currentTestOutcome(): TestOutcome | undefined {
  return (globalThis as Record<string, unknown>)[TEST_OUTCOME_GLOBAL] as TestOutcome | undefined;
}
