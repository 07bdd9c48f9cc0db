/**
 * The stories' jest environment: Node's, plus the running test's outcome on its global, so that
 * an `afterEach` can tell a failed test from a passed one (to keep its Playwright trace or drop it).
 */
import type { Circus } from "@jest/types";
import { TestEnvironment } from "jest-environment-node";
import { nextTestOutcome, TEST_OUTCOME_GLOBAL, type TestOutcome } from "./testOutcome";

export default class StoryEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event): void {
    const global = this.global as unknown as Record<string, TestOutcome | undefined>;
    global[TEST_OUTCOME_GLOBAL] = nextTestOutcome(global[TEST_OUTCOME_GLOBAL], event);
  }
}
