import Stripe from "stripe";
import { UpstreamError } from "../../../errors/UpstreamError";
import { redactStripeMessage, toUpstreamError } from "../toUpstreamError";

function mapped(error: unknown): UpstreamError {
  const result = toUpstreamError(error, "create the checkout session");
  expect(result).toBeInstanceOf(UpstreamError);
  return result as UpstreamError;
}

describe("toUpstreamError", () => {
  it("passes Stripe's reason, code, status and request id on for a refused request", () => {
    const error = mapped(
      new Stripe.errors.StripeInvalidRequestError({
        message: "Invalid currency: xyz",
        statusCode: 400,
        requestId: "req_123",
        code: "parameter_invalid",
        param: "line_items[0][price_data][currency]",
      }),
    );
    expect(error.code).toBe("STRIPE_ERROR");
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      "Stripe refused to create the checkout session: Invalid currency: xyz (parameter: line_items[0][price_data][currency])",
    );
    expect(error).toMatchObject({
      requestId: "req_123",
      retryable: false,
      upstreamCode: "parameter_invalid",
      upstreamStatus: 400,
    });
    expect(error.details).toEqual([{ requestId: "req_123" }]);
  });

  it("marks rate limits, Stripe's 5xx and network failures as retryable", () => {
    const rateLimit = mapped(
      new Stripe.errors.StripeRateLimitError({ message: "Too many", statusCode: 429 }),
    );
    const internal = mapped(new Stripe.errors.StripeAPIError({ message: "oops", statusCode: 500 }));
    const network = mapped(new Stripe.errors.StripeConnectionError({ message: "ECONNRESET" }));
    expect([rateLimit.retryable, internal.retryable, network.retryable]).toEqual([
      true,
      true,
      true,
    ]);
    expect(rateLimit.message).toMatch(/rate-limiting/);
    expect(internal.message).toMatch(/temporary problem \(HTTP 500\)/);
    expect(network.message).toMatch(/could not be reached/);
  });

  it("tells the operator to fix the key on an authentication error, without quoting it", () => {
    const error = mapped(
      new Stripe.errors.StripeAuthenticationError({
        message: "Invalid API Key provided: sk_test_****abcd",
        statusCode: 401,
      }),
    );
    expect(error.message).toMatch(/STRIPE_API_KEY/);
    expect(error.message).not.toMatch(/sk_test/);
    expect(error.retryable).toBe(false);
  });

  it("names the missing permission from Stripe's message but never the key", () => {
    const error = mapped(
      new Stripe.errors.StripePermissionError({
        message:
          "The provided key 'rk_test_51Habc***xyz' does not have the required permissions for this endpoint. Having the 'rak_product_write' permission would allow this request to continue.",
        statusCode: 403,
      }),
    );
    expect(error.message).toMatch(/rak_product_write/);
    expect(error.message).not.toMatch(/rk_test_/);
  });

  it("explains an idempotency conflict", () => {
    const error = mapped(
      new Stripe.errors.StripeIdempotencyError({
        message: "Keys for idempotent requests…",
        statusCode: 400,
      }),
    );
    expect(error.message).toMatch(/same idempotency key/);
  });

  it("lets errors that are not Stripe's through unchanged", () => {
    const bug = new TypeError("undefined is not a function");
    expect(toUpstreamError(bug, "do it")).toBe(bug);
  });
});

describe("redactStripeMessage", () => {
  it("removes anything shaped like a Stripe key or webhook secret", () => {
    expect(redactStripeMessage("key sk_live_abcDEF123 and whsec_xyz and rk_test_1*** done")).toBe(
      "key [redacted key] and [redacted key] and [redacted key] done",
    );
  });
});
