/**
 * The gateway with the real stripe SDK against the sandbox's Stripe emulator: what the gateway's
 * test files share.
 */
import type Stripe from "stripe";
import type { StripeEmulator } from "../../../../sandbox/stripe/StripeEmulator";
import type {
  CheckoutSessionRequest,
  PaymentGateway,
  ProductUpsert,
} from "../../../ports/PaymentGateway";
import { createStripeClient } from "../createStripeClient";
import {
  createStripePaymentGateway,
  type StripePaymentGatewayOptions,
} from "../StripePaymentGateway";
import { useStripeEmulator } from "./useStripeEmulator";

export const API_KEY = "sk_test_gatewayTests1234";

/** Starts the emulator for the calling test file and gives the helpers that work with it. */
export function useGatewayTestKit() {
  const emulator: StripeEmulator = useStripeEmulator({
    rateLimitPerSecond: undefined,
    searchLagMs: 0,
    restrictedKeys: undefined,
  });

  function gateway(options: Partial<StripePaymentGatewayOptions> = {}): PaymentGateway {
    return createStripePaymentGateway({
      apiKey: API_KEY,
      mode: "test",
      keyType: "secret",
      apiBase: emulator.url,
      // Plenty for tests; the limiter has its own test.
      rateLimitPerSecond: 1000,
      rateLimitRetryDelayMs: 50,
      ...options,
    });
  }

  /** A raw SDK client, as a person working in the Stripe Dashboard would act. */
  function dashboard(): Stripe {
    return createStripeClient({ apiKey: API_KEY, apiBase: emulator.url, maxNetworkRetries: 0 });
  }

  function productRequests() {
    return emulator.requests.filter((request) => request.path.startsWith("/v1/products"));
  }

  function sessionRequest(overrides: Partial<CheckoutSessionRequest> = {}): CheckoutSessionRequest {
    return {
      idempotencyKey: `checkout-${Math.random().toString(36).slice(2)}`,
      currency: "JPY",
      lineItems: [{ product: { name: "Green tea" }, unitAmount: 500, quantity: 2 }],
      successUrl: "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
      expiresAt: new Date((emulator.now() + 3600) * 1000),
      clientReferenceId: "12:1",
      metadata: { appId: "12", recordIds: "1" },
      ...overrides,
    };
  }

  return { emulator, gateway, dashboard, productRequests, sessionRequest };
}

/**
 * What the checkout use case does for one session: look up the codes it has no product id for,
 * then upsert 4 lines at a time.
 */
export async function upsertSession(
  payments: PaymentGateway,
  lines: ProductUpsert[],
): Promise<string[]> {
  const newCodes = lines.filter((line) => line.knownProductId === undefined);
  await payments.prepareProducts?.(newCodes.map((line) => line.code));
  const ids: string[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const index = next++;
      ids[index] = (await payments.upsertProduct(lines[index]!)).productId;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return ids;
}

export function tenLines(prefix = "P") {
  return Array.from({ length: 10 }, (_, i) => ({ code: `${prefix}-${i}`, name: `Item ${i}` }));
}

export function requestLine(request: { method: string; path: string }): string {
  return `${request.method} ${request.path}`;
}
