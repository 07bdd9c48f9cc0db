/**
 * `checkPermissions` and `listWebhookEndpoints`: what the key may do, found without creating
 * anything. A restricted key that lacks a permission is answered 403 (a permission error,
 * https://docs.stripe.com/keys/restricted-api-keys, https://docs.stripe.com/error-handling#permission-errors)
 * before its parameters are looked at, so a write sent WITHOUT its required parameters answers
 * 400 when the key may write and 403 when it may not, and never makes an object. Any other answer
 * does not tell: the check is then "unverified", never granted.
 */
import Stripe from "stripe";
import type {
  PaymentGateway,
  PermissionCheck,
  StripePermissionResource,
  WebhookEndpointsAnswer,
} from "../../ports/PaymentGateway";
import type { StripeAccess } from "./StripeAccess";
import { redactStripeMessage } from "./toUpstreamError";

/** A call the product makes, as the cheapest request that meets the same permission check. */
interface PermissionProbe {
  resource: StripePermissionResource;
  access: "read" | "write";
  /** A write is sent with no parameters at all: Stripe can only refuse it. */
  send: (access: StripeAccess) => Promise<unknown>;
}

// The SDK's create methods want their required parameters; an empty body is the point here.
const NO_PARAMETERS = {} as never;
const EMPTY_FILE_NO_PURPOSE = {
  file: { data: Buffer.alloc(0), name: "diagnostics.txt", type: "text/plain" },
} as never;

const PERMISSION_PROBES: PermissionProbe[] = [
  {
    resource: "Checkout Sessions",
    access: "write",
    send: ({ stripe, paced }) => paced.api(() => stripe.checkout.sessions.create(NO_PARAMETERS)),
  },
  {
    resource: "Checkout Sessions",
    access: "read",
    send: ({ stripe, paced }) => paced.api(() => stripe.checkout.sessions.list({ limit: 1 })),
  },
  {
    resource: "Products",
    access: "write",
    send: ({ stripe, paced }) => paced.api(() => stripe.products.create(NO_PARAMETERS)),
  },
  {
    resource: "Files",
    access: "write",
    // files.stripe.com (or STRIPE_API_BASE), multipart: the upload path product images take.
    // The SDK cannot build a multipart body without a file, so an empty one goes, without the
    // required `purpose`: Stripe still can only refuse it.
    send: ({ stripe, paced }) => paced.files(() => stripe.files.create(EMPTY_FILE_NO_PURPOSE)),
  },
  {
    resource: "File Links",
    access: "write",
    send: ({ stripe, paced }) => paced.api(() => stripe.fileLinks.create(NO_PARAMETERS)),
  },
  {
    resource: "Events",
    access: "read",
    send: ({ stripe, paced }) => paced.api(() => stripe.events.list({ limit: 1 })),
  },
  {
    // Subscription sessions: the cancel route reads the subscription, then updates or cancels it.
    resource: "Subscriptions",
    access: "write",
    send: ({ stripe, paced }) => paced.api(() => stripe.subscriptions.create(NO_PARAMETERS)),
  },
  {
    resource: "Subscriptions",
    access: "read",
    send: ({ stripe, paced }) => paced.api(() => stripe.subscriptions.list({ limit: 1 })),
  },
];

export function createPermissionChecks(
  access: StripeAccess,
): Pick<PaymentGateway, "checkPermissions" | "listWebhookEndpoints"> {
  return {
    async checkPermissions(): Promise<PermissionCheck[]> {
      const checks: PermissionCheck[] = [];
      for (const probe of PERMISSION_PROBES) {
        const { resource } = probe;
        try {
          await probe.send(access);
          // A read that succeeds is allowed; a write that succeeds without parameters cannot be.
          checks.push(
            probe.access === "read"
              ? { resource, access: probe.access, result: "granted" }
              : {
                  resource,
                  access: probe.access,
                  result: "unverified",
                  detail: "Stripe accepted a request without parameters.",
                },
          );
        } catch (error) {
          checks.push({ resource, access: probe.access, ...judgeRefusal(error, probe.access) });
        }
      }
      return checks;
    },

    async listWebhookEndpoints(): Promise<WebhookEndpointsAnswer> {
      try {
        const endpoints = await access.paced.api(() =>
          access.stripe.webhookEndpoints.list({ limit: 100 }),
        );
        return {
          readable: true,
          endpoints: endpoints.data.map((endpoint) => ({
            url: endpoint.url,
            enabledEvents: [...endpoint.enabled_events],
            status: endpoint.status,
          })),
        };
      } catch (error) {
        const judged = judgeRefusal(error, "read");
        return judged.result === "denied"
          ? { readable: false, result: "denied" }
          : {
              readable: false,
              result: "unverified",
              ...(judged.detail ? { detail: judged.detail } : {}),
            };
      }
    },
  };
}

/** What a refusal says about the permission: only a 403 denies, only a 400 on a write grants. */
function judgeRefusal(
  error: unknown,
  access: "read" | "write",
): Pick<PermissionCheck, "result" | "detail"> {
  if (error instanceof Stripe.errors.StripePermissionError || statusOf(error) === 403) {
    return { result: "denied" };
  }
  if (access === "write" && statusOf(error) === 400 && !isRateLimit(error)) {
    return { result: "granted" };
  }
  return { result: "unverified", detail: describeFailure(error) };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof Stripe.errors.StripeError ? error.statusCode : undefined;
}

function isRateLimit(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeRateLimitError;
}

function describeFailure(error: unknown): string {
  if (error instanceof Stripe.errors.StripeAuthenticationError) {
    return "Stripe rejected the API key.";
  }
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return "Stripe could not be reached.";
  }
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode ? `HTTP ${error.statusCode}: ` : "";
    return `${status}${redactStripeMessage(error.message ?? "")}`;
  }
  return "An unexpected error occurred.";
}
