import type { UseCaseDeps } from "../../deps/UseCaseDeps";
import { UpstreamError } from "../../errors/UpstreamError";
import { makeDeps } from "../../../testkit/makeDeps";
import { createCheckouts, type CreateCheckoutsInput } from "../createCheckouts";
import { requestFor, threeRecords } from "./checkoutTestKit";

/** A proxy whose next session create fails with `error`, and the request that will meet it. */
function failingOnce(error: UpstreamError) {
  const env = makeDeps();
  const input = requestFor(threeRecords(env));
  env.gateway.failNextCreate = error;
  /** The idempotency key of every session create sent so far, in order. */
  const sentKeys = () =>
    env.gateway
      .callsOf("createCheckoutSession")
      .map((c) => (c.args as { idempotencyKey: string }).idempotencyKey);
  return { env, input, sentKeys };
}

const serverError = () =>
  new UpstreamError("stripe", "Stripe failed.", { retryable: true, upstreamStatus: 500 });

const failedAttempt = (deps: UseCaseDeps, input: CreateCheckoutsInput) =>
  expect(createCheckouts(deps, input)).rejects.toBeInstanceOf(UpstreamError);

describe("createCheckouts chooses the idempotency key of a retry by how the last attempt failed", () => {
  it("sends a new key after a refusal (Stripe saved the refusal under the old one)", async () => {
    const { env, input, sentKeys } = failingOnce(
      new UpstreamError("stripe", "Refused.", { upstreamStatus: 400 }),
    );
    await failedAttempt(env.deps, input);
    await createCheckouts(env.deps, input);
    const [first, second] = sentKeys();
    expect(second).not.toBe(first);
    expect(env.gateway.sessions.size).toBe(1);
  });

  it("resends the key after a first 5xx, and sends a new one once Stripe replays that 5xx", async () => {
    const { env, input, sentKeys } = failingOnce(serverError());
    await failedAttempt(env.deps, input);
    // The fake, like Stripe, answers the same key with the saved failure.
    await failedAttempt(env.deps, input);
    await createCheckouts(env.deps, input);
    const [first, second, third] = sentKeys();
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(env.gateway.sessions.size).toBe(1);
  });

  it("counts a key's 5xx answers per proxy: another proxy's first 5xx is its own first", async () => {
    const { env, input, sentKeys } = failingOnce(serverError());
    await failedAttempt(env.deps, input);
    const other = { ...env.deps, serverErrorKeys: makeDeps().deps.serverErrorKeys };
    await failedAttempt(other, input);
    // Had the other proxy counted this proxy's 5xx, it would have given the key up by now.
    await failedAttempt(env.deps, input);
    const [first, second, third] = sentKeys();
    expect(second).toBe(first);
    expect(third).toBe(first);
  });
});
