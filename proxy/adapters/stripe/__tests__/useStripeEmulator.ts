import {
  startStripeEmulator,
  type StripeEmulator,
} from "../../../../sandbox/stripe/StripeEmulator";

/**
 * One Stripe emulator for the calling test file: started before its first test, closed after its
 * last, reset and given `settings` before each test. The returned object stands for that emulator
 * (it forwards to it), so tests use it like the emulator itself.
 */
export function useStripeEmulator(
  settings: Parameters<StripeEmulator["configure"]>[0] = {},
): StripeEmulator {
  let current: StripeEmulator | undefined;
  beforeAll(async () => {
    current = await startStripeEmulator();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    running().reset();
    running().configure(settings);
  });

  function running(): StripeEmulator {
    if (!current) throw new Error("The Stripe emulator runs only inside tests");
    return current;
  }
  return new Proxy({} as StripeEmulator, {
    get(_, property) {
      const emulator = running();
      const value: unknown = Reflect.get(emulator, property);
      return typeof value === "function" ? value.bind(emulator) : value;
    },
  });
}
