import { UpstreamError } from "../../errors/UpstreamError";
import { makeDeps } from "../../usecases/__tests__/fakes";
import { createCheckouts } from "../createCheckouts";
import { requestFor, threeRecords, type TestEnv } from "./checkoutTestKit";

const serverError = () =>
  new UpstreamError("stripe", "Stripe failed.", { retryable: true, upstreamStatus: 500 });

/** The idempotency key of every session create sent so far, in order. */
function sentKeys(env: TestEnv): string[] {
  return env.gateway
    .callsOf("createCheckoutSession")
    .map((c) => (c.args as { idempotencyKey: string }).idempotencyKey);
}

describe("createCheckouts chooses the idempotency key of a retry by how the last attempt failed", () => {
  it("sends a new key after a refusal (Stripe saved the refusal under the old one)", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env));
    env.gateway.failNextCreate = new UpstreamError("stripe", "Refused.", { upstreamStatus: 400 });
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(UpstreamError);
    await createCheckouts(env.deps, input);
    const [first, second] = sentKeys(env);
    expect(second).not.toBe(first);
    expect(env.gateway.sessions.size).toBe(1);
  });

  it("resends the key after a first 5xx, and sends a new one once Stripe replays that 5xx", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env));
    env.gateway.failNextCreate = serverError();
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(UpstreamError);
    // The fake, like Stripe, answers the same key with the saved failure.
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(UpstreamError);
    await createCheckouts(env.deps, input);
    const [first, second, third] = sentKeys(env);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(env.gateway.sessions.size).toBe(1);
  });

  it("counts a key's 5xx answers per proxy: another proxy's first 5xx is its own first", async () => {
    const env = makeDeps();
    const input = requestFor(threeRecords(env));
    env.gateway.failNextCreate = serverError();
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(UpstreamError);
    const other = { ...env.deps, serverErrorKeys: makeDeps().deps.serverErrorKeys };
    await expect(createCheckouts(other, input)).rejects.toBeInstanceOf(UpstreamError);
    // Had the other proxy counted this proxy's 5xx, it would have given the key up by now.
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(UpstreamError);
    const [first, second, third] = sentKeys(env);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });
});
