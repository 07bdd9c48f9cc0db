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

/** What the proxy does with a restricted key, and the cheap read that shows it is allowed. */
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
  {
    resource: "Checkout Sessions",
    grant: "Checkout Sessions: Write",
    probe: (stripe) => stripe.checkout.sessions.list({ limit: 1 }),
  },
  {
    resource: "Events",
    grant: "Events: Read",
    probe: (stripe) => stripe.events.list({ limit: 1 }),
  },
  {
    resource: "Files",
    grant: "Files: Write (and File Links: Write)",
    probe: (stripe) => stripe.files.list({ limit: 1 }),
  },
];

/** A key the SDK can use at all: secret or restricted, never a publishable one. */
const USABLE_KEY = /^(sk|rk)_(test|live)_/;

export interface KeyDiagnosticsOptions {
  apiKey: string;
  mode: StripeMode;
  keyType: StripeKeyType;
}

/** `describeKey`: what is wrong with the key, found with one cheap read per permission. */
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
      // A secret key may do anything: one read shows it is valid. A restricted key is probed for
      // each permission the proxy relies on.
      const probes = keyType === "restricted" ? PERMISSION_PROBES : PERMISSION_PROBES.slice(0, 1);
      const problems: string[] = [];
      for (const { resource, grant, probe } of probes) {
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
          if (error instanceof Stripe.errors.StripePermissionError) {
            problems.push(
              `The restricted key may not use ${resource}: grant it "${grant}" in the Stripe Dashboard (Developers → API keys). → docs/en/troubleshooting.md#stripe-permission-missing`,
            );
            continue;
          }
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
