/**
 * Stripe's Test Clocks (https://docs.stripe.com/api/test_clocks,
 * https://docs.stripe.com/billing/testing/test-clocks): a clock frozen at `frozen_time` that
 * customers created with `test_clock` (and so their subscriptions) live on, instead of the
 * emulator's own clock. `advance` moves it forward: the clock answers `advancing`, its
 * subscriptions renew (or end) for the time passed, then it is `ready` again
 * (`test_helpers.test_clock.advancing`, `test_helpers.test_clock.ready`); here that happens
 * before the answer, so a retrieve right after already reads `ready`. Test mode only. Deleting a
 * clock forgets it (Stripe also deletes its customers; the emulator keeps them).
 */
import { causeOf, type EmulatorContext } from "../EmulatorContext";
import { ParamReader } from "../params";
import { invalidParam, invalidRequest, requireFound } from "../StripeApiError";
import { randomId } from "../StripeStore";
import type { SubscriptionFlows } from "../SubscriptionFlows";
import type { TestClock } from "../subscriptionObjects";
import type { ApiRequest, Router } from "../http/Router";
import { registerList } from "./listAndRetrieve";

/** "Test clocks are automatically deleted 30 days after creation" (https://docs.stripe.com/billing/testing/test-clocks). */
const DELETES_AFTER_SECONDS = 30 * 24 * 60 * 60;
const KIND = "test_clock";

export function registerTestClockRoutes(
  router: Router,
  context: EmulatorContext,
  subscriptions: SubscriptionFlows,
): void {
  const { store } = context;
  const base = "/v1/test_helpers/test_clocks";

  function clockFor(request: ApiRequest): TestClock {
    const id = request.pathParams.id ?? "";
    return requireFound(store.testClocks.get(id), id, request.apiKey.livemode, KIND);
  }

  router.post(base, "test_clock_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly(["frozen_time", "name"]);
    if (request.apiKey.livemode) {
      throw invalidRequest("Test clocks can only be used in test mode.");
    }
    const frozenTime = params.integer("frozen_time", { required: true }) as number;
    const name = params.optionalString("name", { maxLength: 300 });
    const now = store.now();
    const clock: TestClock = {
      id: randomId("clock_"),
      object: "test_helpers.test_clock",
      created: now,
      deletes_after: now + DELETES_AFTER_SECONDS,
      frozen_time: frozenTime,
      livemode: false,
      name: name ?? null,
      status: "ready",
      status_details: {},
    };
    store.testClocks.set(clock.id, clock);
    return clock;
  });

  router.get(`${base}/:id`, "test_clock_read", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    return clockFor(request);
  });

  router.post(`${base}/:id/advance`, "test_clock_write", (request) => {
    const clock = clockFor(request);
    const params = ParamReader.from(request.params).allowOnly(["frozen_time"]);
    const target = params.integer("frozen_time", { required: true }) as number;
    if (target <= clock.frozen_time) {
      throw invalidParam(
        "frozen_time",
        `The frozen_time (${target}) must be after the test clock's current frozen_time (${clock.frozen_time}).`,
      );
    }
    const cause = causeOf(request);
    clock.status = "advancing";
    clock.status_details = { advancing: { target_frozen_time: target } };
    const answer = structuredClone(clock);
    context.events.emit("test_helpers.test_clock.advancing", clock, cause);
    clock.frozen_time = target;
    subscriptions.renewDue();
    clock.status = "ready";
    clock.status_details = {};
    context.events.emit("test_helpers.test_clock.ready", clock, cause);
    return answer;
  });

  router.add("DELETE", `${base}/:id`, "test_clock_write", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    const clock = clockFor(request);
    store.testClocks.delete(clock.id);
    return { id: clock.id, object: clock.object, deleted: true };
  });

  registerList(router, base, KIND, {
    filters: [],
    items: () => store.testClocks.values(),
    livemodeOf: (clock) => clock.livemode,
  });
}
