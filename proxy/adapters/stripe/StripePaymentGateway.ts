import type { PaymentGateway, StripeKeyType, StripeMode } from "../../ports/PaymentGateway";
import { createCheckoutSessions } from "./createCheckoutSessions";
import { createKeyDiagnostics } from "./createKeyDiagnostics";
import { createPermissionChecks } from "./createPermissionChecks";
import { createProductCatalogue } from "./createProductCatalogue";
import { createRequestPacer, STRIPE_REQUESTS_PER_SECOND } from "./createRequestPacer";
import { createStripeClient } from "./createStripeClient";
import { listStripeEvents } from "./listStripeEvents";
import { retrieveStripePrice } from "./retrieveStripePrice";
import type { GatewayLogger, StripeAccess } from "./StripeAccess";
import { uploadProductImage } from "./uploadProductImage";
import { upsertTaxRate } from "./upsertTaxRate";
import { retrieveStripeInvoice } from "./retrieveStripeInvoice";
import { createSubscriptionCalls } from "./createSubscriptionCalls";

export interface StripePaymentGatewayOptions {
  apiKey: string;
  /** The key's mode as the configuration worked it out once (`config.stripeMode`). */
  mode: StripeMode;
  /** The key's kind as the configuration read it (`config.stripeKeyType`). */
  keyType: StripeKeyType;
  /** `STRIPE_API_BASE`; API calls and file uploads go there. */
  apiBase?: string;
  logger?: GatewayLogger;
  /** Requests per second for the whole gateway; default Stripe's limit (25 test, 100 live). */
  rateLimitPerSecond?: number;
  /** Files API uploads per second (also counted against the general limit); default 20. */
  filesRateLimitPerSecond?: number;
  /** Search API requests per second (also counted against the general limit); default 20. */
  searchRateLimitPerSecond?: number;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** SDK retries of 5xx/409/network failures; default 2. */
  maxNetworkRetries?: number;
  /** Extra attempts after a 429, which the SDK does not retry on its own; default 4. */
  maxRateLimitRetries?: number;
  /** First wait after a 429, doubled each time; default 500 ms. */
  rateLimitRetryDelayMs?: number;
  /** The part of those limits this proxy may use now, when several share the account; default 1. */
  rateShare?: () => number;
}

/** The `PaymentGateway` over the stripe SDK: its parts share one client and one request pacer. */
export function createStripePaymentGateway(options: StripePaymentGatewayOptions): PaymentGateway {
  const { mode } = options;
  const access: StripeAccess = {
    stripe: createStripeClient({
      apiKey: options.apiKey,
      apiBase: options.apiBase,
      timeoutMs: options.timeoutMs,
      maxNetworkRetries: options.maxNetworkRetries,
    }),
    paced: createRequestPacer({
      ratePerSecond: options.rateLimitPerSecond ?? STRIPE_REQUESTS_PER_SECOND[mode],
      filesRatePerSecond: options.filesRateLimitPerSecond ?? 20,
      searchRatePerSecond: options.searchRateLimitPerSecond ?? 20,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 4,
      rateLimitRetryDelayMs: options.rateLimitRetryDelayMs ?? 500,
      logger: options.logger,
      share: options.rateShare,
    }),
    logger: options.logger,
  };
  return {
    ...createProductCatalogue(access),
    uploadProductImage: (image) => uploadProductImage(access, image),
    ...createCheckoutSessions(access),
    listEvents: (filter) => listStripeEvents(access, filter),
    retrievePrice: (priceId) => retrieveStripePrice(access, priceId),
    upsertTaxRate: (rate) => upsertTaxRate(access, rate),
    retrieveInvoice: (invoiceId) => retrieveStripeInvoice(access, invoiceId),
    ...createKeyDiagnostics(access, {
      apiKey: options.apiKey,
      mode,
      keyType: options.keyType,
    }),
    ...createPermissionChecks(access),
    ...createSubscriptionCalls(access),
  };
}
