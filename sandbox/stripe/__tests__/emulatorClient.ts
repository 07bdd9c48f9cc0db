/** Test helper: an emulator on a free port and a real stripe-node client pointed at it. */
import Stripe from "stripe";
import { startStripeEmulator, StripeEmulator, StripeEmulatorOptions } from "../StripeEmulator";

export const TEST_KEY = "sk_test_emulatorKey1234";

export function clientFor(
  emulator: StripeEmulator,
  key = TEST_KEY,
  config: Stripe.StripeConfig = {},
): Stripe {
  // stripe-node sends files.create to the overridden host as well (resolveBaseAddress), so
  // host/port/protocol are enough to reach /v1/files on the emulator.
  return new Stripe(key, {
    host: "localhost",
    port: emulator.port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
    ...config,
  });
}

export async function startWithClient(
  options: StripeEmulatorOptions = {},
): Promise<{ emulator: StripeEmulator; stripe: Stripe }> {
  const emulator = await startStripeEmulator(options);
  return { emulator, stripe: clientFor(emulator) };
}

/** The error a rejected promise carries, to assert on type/code/param/statusCode. */
export async function stripeErrorOf(promise: Promise<unknown>): Promise<{
  type: string;
  rawType?: string;
  code?: string;
  param?: string;
  message: string;
  statusCode?: number;
  requestId?: string;
  headers?: Record<string, string>;
}> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error("expected the request to fail");
}

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;

/** A line item with inline price_data: `unitAmount` minor units of `currency` for `name`. */
export function pricedItem(
  currency: string,
  unitAmount: number,
  name = "x",
  extra: Partial<LineItem> = {},
): LineItem {
  return {
    price_data: { currency, unit_amount: unitAmount, product_data: { name } },
    quantity: 1,
    ...extra,
  };
}

/** A minimal valid payment-mode session. */
export function sessionParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    success_url: "https://example.com/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "https://example.com/cancel",
    line_items: [pricedItem("jpy", 500, "Green tea", { quantity: 2 })],
    ...overrides,
  };
}

/** A product and a one-time JPY price of `unitAmount` yen for it. */
export async function createPricedProduct(
  stripe: Stripe,
  name: string,
  unitAmount: number,
): Promise<{ product: Stripe.Product; price: Stripe.Price }> {
  const product = await stripe.products.create({ name });
  const price = await stripe.prices.create({
    product: product.id,
    currency: "jpy",
    unit_amount: unitAmount,
  });
  return { product, price };
}

/** A call to the emulator's `/_emulator` control API: GET without a body, POST with one. */
export async function controlRequest(
  emulator: StripeEmulator,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** A test file's emulator and client, filled in by the hooks useEmulator registers. */
export interface EmulatorUnderTest {
  emulator: StripeEmulator;
  stripe: Stripe;
}

/**
 * One emulator for a test file: started before all its tests (`options` may be a function, to
 * read what an earlier beforeAll set up, e.g. a webhook receiver's url), reset before each,
 * closed after all.
 */
export function useEmulator(
  options: StripeEmulatorOptions | (() => StripeEmulatorOptions) = {},
): EmulatorUnderTest {
  const under = {} as EmulatorUnderTest;
  beforeAll(async () => {
    Object.assign(
      under,
      await startWithClient(typeof options === "function" ? options() : options),
    );
  });
  beforeEach(() => under.emulator.reset());
  afterAll(() => under.emulator.close());
  return under;
}

/**
 * An emulator (frozen clock) and a client for the test file, emptied before each test:
 *   const running = useEmulatorPerFile();  …  running().stripe.checkout.sessions.create(…)
 */
export function useEmulatorPerFile(): () => { emulator: StripeEmulator; stripe: Stripe } {
  let started: { emulator: StripeEmulator; stripe: Stripe } | undefined;
  beforeAll(async () => {
    started = await startWithClient({ frozenClock: true });
  });
  afterAll(() => started?.emulator.close());
  beforeEach(() => started?.emulator.reset());
  return () => {
    if (started === undefined) throw new Error("the emulator runs inside tests and hooks only");
    return started;
  };
}
