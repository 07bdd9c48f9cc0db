import Stripe from "stripe";
import { UpstreamError } from "../../errors/UpstreamError";
import type {
  KeyDescription,
  PaymentGateway,
  StripeKeyType,
  StripeMode,
} from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { redactStripeMessage, toUpstreamError } from "./toUpstreamError";

/**
 * The cheap read that shows Stripe takes the key at all. What a restricted key may do, permission
 * by permission, is `checkPermissions` (createPermissionChecks.ts).
 */
const PERMISSION_PROBES: {
  resource: string;
  grant: string;
  probe: (stripe: Stripe) => Promise<unknown>;
}[] = [
  {
    resource: "Products",
    grant: "Products: Write",
    probe: (stripe) => stripe.products.list({ limit: 1 }),
  },
];

/** A key the SDK can use at all: secret or restricted, never a publishable one. */
const USABLE_KEY = /^(sk|rk)_(test|live)_/;

export interface KeyDiagnosticsOptions {
  apiKey: string;
  mode: StripeMode;
  keyType: StripeKeyType;
}

/** `describeKey`: whether the key is usable at all, found with one cheap read. */
export function createKeyDiagnostics(
  { stripe, paced }: StripeAccess,
  { apiKey, mode, keyType }: KeyDiagnosticsOptions,
): Pick<PaymentGateway, "describeKey"> {
  return {
    async describeKey(): Promise<KeyDescription> {
      if (!USABLE_KEY.test(apiKey)) {
        return {
          mode,
          keyType,
          problems: [
            "STRIPE_API_KEY is neither a restricted key (rk_…) nor a secret key (sk_…); create a restricted key in the Stripe Dashboard. → docs/en/troubleshooting.md#stripe-key-format",
          ],
        };
      }
      const probes = PERMISSION_PROBES;
      const problems: string[] = [];
      for (const { resource, probe } of probes) {
        try {
          await paced.api(() => probe(stripe));
        } catch (error) {
          if (error instanceof Stripe.errors.StripeAuthenticationError) {
            return {
              mode,
              keyType,
              problems: [
                "Stripe rejected STRIPE_API_KEY: it is wrong, revoked or expired. Create a new restricted key in the Stripe Dashboard. → docs/en/troubleshooting.md#stripe-key-rejected",
              ],
            };
          }
          // Stripe took the key and refused the call for its permissions: checkPermissions says which.
          if (error instanceof Stripe.errors.StripePermissionError) continue;
          const upstream = toUpstreamError(error, `check access to ${resource}`);
          problems.push(
            `${
              upstream instanceof UpstreamError
                ? upstream.message
                : `Checking access to ${resource} failed: ${redactStripeMessage(String(error))}`
            } → docs/en/troubleshooting.md#stripe-unreachable`,
          );
          if (upstream instanceof UpstreamError && upstream.retryable) break;
        }
      }
      return { mode, keyType, problems };
    },
  };
}
