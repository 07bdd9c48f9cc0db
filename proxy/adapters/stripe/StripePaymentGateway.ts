import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { SessionNotFoundError } from "../../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../../errors/SessionNotOpenError";
import { UpstreamError } from "../../errors/UpstreamError";
import type {
  CheckoutSession,
  CheckoutSessionRequest,
  EventListFilter,
  KeyDescription,
  PaymentGateway,
  ProductDetails,
  SessionListFilter,
} from "../../ports/PaymentGateway";
import { buildCheckoutSessionParams } from "./buildCheckoutSessionParams";
import { createStripeClient } from "./createStripeClient";
import { createTokenBucket, type TokenBucket } from "./createTokenBucket";
import { productCodeSearchQuery, productIdForCode } from "./productIdForCode";
import { toCheckoutSession } from "./toCheckoutSession";
import { toPaymentEvent } from "./toPaymentEvent";
import { isStripeError, redactStripeMessage, toUpstreamError } from "./toUpstreamError";

/** The subset of pino the gateway uses. */
export interface GatewayLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface StripePaymentGatewayOptions {
  apiKey: string;
  /** `STRIPE_API_BASE`; API calls and file uploads go there. */
  apiBase?: string;
  logger?: GatewayLogger;
  /** Requests per second for the whole gateway; default 25 with a test key, 100 with a live key. */
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
}

const PRODUCT_CODE_METADATA_KEY = "product_code";
const MAX_METADATA_VALUE_LENGTH = 500;

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

export function describeApiKey(apiKey: string): {
  mode: "test" | "live";
  keyType: "restricted" | "secret";
  usable: boolean;
} {
  const match = /^(sk|rk)_(test|live)_/.exec(apiKey);
  return {
    mode: /^[a-z]+_live_/.test(apiKey) ? "live" : "test",
    keyType: apiKey.startsWith("rk_") ? "restricted" : "secret",
    usable: match !== null,
  };
}

export function createStripePaymentGateway(options: StripePaymentGatewayOptions): PaymentGateway {
  const stripe = createStripeClient({
    apiKey: options.apiKey,
    apiBase: options.apiBase,
    timeoutMs: options.timeoutMs,
    maxNetworkRetries: options.maxNetworkRetries,
  });
  const logger = options.logger;
  const keyInfo = describeApiKey(options.apiKey);
  const generalLane = createTokenBucket({
    ratePerSecond: options.rateLimitPerSecond ?? (keyInfo.mode === "live" ? 100 : 25),
  });
  const filesLane = createTokenBucket({ ratePerSecond: options.filesRateLimitPerSecond ?? 20 });
  const searchLane = createTokenBucket({ ratePerSecond: options.searchRateLimitPerSecond ?? 20 });
  const maxRateLimitRetries = options.maxRateLimitRetries ?? 4;
  const rateLimitRetryDelayMs = options.rateLimitRetryDelayMs ?? 500;

  /** Product id by code, once known: skips the search for products registered by hand. */
  const productIdByCode = new Map<string, string>();
  const productLocks = new Map<string, Promise<unknown>>();
  const inflightUpserts = new Map<string, Promise<{ productId: string }>>();

  /**
   * One Stripe call, paced by the lanes it counts against and tried again after a 429.
   * Throws the SDK's error untouched so callers can tell e.g. a missing resource apart.
   */
  async function send<T>(lanes: TokenBucket[], request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      for (const lane of lanes) await lane.acquire();
      try {
        return await request();
      } catch (error) {
        const rateLimited = error instanceof Stripe.errors.StripeRateLimitError;
        if (!rateLimited || attempt >= maxRateLimitRetries) throw error;
        const delayMs = rateLimitRetryDelayMs * 2 ** attempt * (0.5 + Math.random() / 2);
        logger?.warn(
          { requestId: error.requestId, attempt: attempt + 1, delayMs: Math.round(delayMs) },
          "Stripe rate limit hit; retrying",
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }

  const api = [generalLane];
  const files = [generalLane, filesLane];
  const search = [generalLane, searchLane];

  /** Stripe does not know this object (not: the URL is unknown, which is a bug to surface). */
  function isMissing(error: unknown): boolean {
    return isStripeError(error) && error.statusCode === 404 && error.code === "resource_missing";
  }

  async function retrieveProduct(productId: string): Promise<Stripe.Product | null> {
    try {
      const product = await send(api, () => stripe.products.retrieve(productId));
      return (product as { deleted?: boolean }).deleted ? null : product;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** A product registered by hand (or by an older version) with metadata `product_code`. */
  async function findRegisteredProduct(code: string): Promise<Stripe.Product | null> {
    let found: Stripe.Product[];
    try {
      const result = await send(search, () =>
        stripe.products.search({ query: productCodeSearchQuery(code), limit: 10 }),
      );
      found = result.data;
    } catch (error) {
      // Search is unavailable in some regions; the deterministic id still prevents duplicates
      // among the products we create, so go on without it.
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        logger?.warn(
          { requestId: error.requestId, upstreamCode: error.code },
          "Stripe product search failed; creating without reuse of hand-registered products",
        );
        return null;
      }
      throw error;
    }
    const exact = found.filter((product) => product.metadata?.[PRODUCT_CODE_METADATA_KEY] === code);
    exact.sort((a, b) => Number(b.active) - Number(a.active) || a.created - b.created);
    return exact[0] ?? null;
  }

  async function createProduct(
    productId: string,
    details: ProductDetails,
  ): Promise<Stripe.Product> {
    const params: Stripe.ProductCreateParams = {
      id: productId,
      name: details.name,
      metadata: { [PRODUCT_CODE_METADATA_KEY]: details.code },
    };
    if (details.description) params.description = details.description;
    if (details.images && details.images.length > 0) params.images = details.images;
    const idempotencyKey = `product-create-${randomUUID()}`;
    try {
      const product = await send(api, () => stripe.products.create(params, { idempotencyKey }));
      logger?.info({ productId, code: details.code }, "Stripe product created");
      return product;
    } catch (error) {
      if (!(isStripeError(error) && error.code === "resource_already_exists")) throw error;
      // A concurrent creator (another request or process) won the race for this id: use theirs.
      const existing = await retrieveProduct(productId);
      if (!existing) {
        throw new UpstreamError(
          "stripe",
          `Stripe says product ${productId} exists but does not return it (deleted?). Restore or rename it in the Stripe Dashboard.`,
          {
            requestId: error.requestId,
            upstreamCode: error.code,
            upstreamStatus: error.statusCode,
          },
        );
      }
      return updateIfChanged(existing, details);
    }
  }

  async function updateIfChanged(
    product: Stripe.Product,
    details: ProductDetails,
  ): Promise<Stripe.Product> {
    const changes: Stripe.ProductUpdateParams = {};
    if (product.name !== details.name) changes.name = details.name;
    // An absent description keeps the one on file (a hand-written one is not wiped).
    if (details.description && product.description !== details.description) {
      changes.description = details.description;
    }
    if (details.images !== undefined && !sameList(product.images ?? [], details.images)) {
      // "" unsets a list in Stripe; an empty array would not be sent at all.
      changes.images = details.images.length > 0 ? details.images : "";
    }
    if (!product.active) changes.active = true;
    if (Object.keys(changes).length === 0) return product;
    const idempotencyKey = `product-update-${randomUUID()}`;
    const updated = await send(api, () =>
      stripe.products.update(product.id, changes, { idempotencyKey }),
    );
    logger?.info(
      { productId: product.id, code: details.code, changed: Object.keys(changes) },
      "Stripe product updated",
    );
    return updated;
  }

  async function upsertUnlocked(details: ProductDetails): Promise<{ productId: string }> {
    const deterministicId = productIdForCode(details.code);
    const knownId = productIdByCode.get(details.code);
    let product = await retrieveProduct(knownId ?? deterministicId);
    if (!product && knownId !== undefined && knownId !== deterministicId) {
      productIdByCode.delete(details.code);
      product = await retrieveProduct(deterministicId);
    }
    if (!product) product = await findRegisteredProduct(details.code);
    product = product
      ? await updateIfChanged(product, details)
      : await createProduct(deterministicId, details);
    productIdByCode.set(details.code, product.id);
    return { productId: product.id };
  }

  /** Calls for one code run one after another, so they see each other's product. */
  function withCodeLock<T>(code: string, task: () => Promise<T>): Promise<T> {
    const previous = productLocks.get(code) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    productLocks.set(code, settled);
    void settled.then(() => {
      if (productLocks.get(code) === settled) productLocks.delete(code);
    });
    return run;
  }

  async function sessionStatusOrNull(sessionId: string): Promise<string | null> {
    try {
      const session = await send(api, () => stripe.checkout.sessions.retrieve(sessionId));
      return session.status ?? null;
    } catch {
      return null;
    }
  }

  return {
    upsertProduct(details) {
      if (details.code.length === 0 || details.code.length > MAX_METADATA_VALUE_LENGTH) {
        return Promise.reject(
          new UpstreamError(
            "stripe",
            `A product code must be 1 to ${MAX_METADATA_VALUE_LENGTH} characters (Stripe metadata limit).`,
          ),
        );
      }
      // Identical concurrent requests share one round of calls.
      const dedupeKey = JSON.stringify([
        details.code,
        details.name,
        details.description ?? null,
        details.images ?? null,
      ]);
      const inflight = inflightUpserts.get(dedupeKey);
      if (inflight) return inflight;
      const upsert = withCodeLock(details.code, () => upsertUnlocked(details))
        .catch((error: unknown) => {
          throw toUpstreamError(error, `save product "${details.code}"`);
        })
        .finally(() => inflightUpserts.delete(dedupeKey));
      inflightUpserts.set(dedupeKey, upsert);
      return upsert;
    },

    async uploadProductImage(image) {
      const fileIdempotencyKey = `file-upload-${randomUUID()}`;
      const linkIdempotencyKey = `file-link-${randomUUID()}`;
      try {
        const file = await send(files, () =>
          stripe.files.create(
            {
              purpose: "business_logo",
              file: { data: image.bytes, name: image.filename, type: image.contentType },
            },
            { idempotencyKey: fileIdempotencyKey },
          ),
        );
        const link = await send(api, () =>
          stripe.fileLinks.create({ file: file.id }, { idempotencyKey: linkIdempotencyKey }),
        );
        if (!link.url) {
          throw new UpstreamError("stripe", `Stripe made no public link for file ${file.id}.`);
        }
        return { url: link.url };
      } catch (error) {
        throw toUpstreamError(error, `upload image "${image.filename}"`);
      }
    },

    async createCheckoutSession(request: CheckoutSessionRequest): Promise<CheckoutSession> {
      const params = buildCheckoutSessionParams(request);
      try {
        const session = await send(api, () =>
          stripe.checkout.sessions.create(params, { idempotencyKey: request.idempotencyKey }),
        );
        return toCheckoutSession(session);
      } catch (error) {
        throw toUpstreamError(error, "create the checkout session");
      }
    },

    async retrieveCheckoutSession(sessionId) {
      try {
        return toCheckoutSession(
          await send(api, () => stripe.checkout.sessions.retrieve(sessionId)),
        );
      } catch (error) {
        if (isMissing(error)) return null;
        throw toUpstreamError(error, `read checkout session ${sessionId}`);
      }
    },

    async expireCheckoutSession(sessionId) {
      try {
        return toCheckoutSession(
          await send(api, () =>
            stripe.checkout.sessions.expire(
              sessionId,
              {},
              { idempotencyKey: `session-expire-${randomUUID()}` },
            ),
          ),
        );
      } catch (error) {
        if (isMissing(error)) throw new SessionNotFoundError(sessionId);
        if (error instanceof Stripe.errors.StripeInvalidRequestError) {
          // Stripe refuses to expire a session that is no longer open; say which state it is in.
          const status = await sessionStatusOrNull(sessionId);
          if (status !== null && status !== "open")
            throw new SessionNotOpenError(sessionId, status);
        }
        throw toUpstreamError(error, `expire checkout session ${sessionId}`);
      }
    },

    async listCheckoutSessions(filter: SessionListFilter) {
      const params: Stripe.Checkout.SessionListParams = {
        limit: Math.min(100, Math.max(1, Math.trunc(filter.limit ?? 10))),
      };
      if (filter.status) params.status = filter.status;
      if (filter.customerEmail) params.customer_details = { email: filter.customerEmail };
      if (filter.paymentIntent) params.payment_intent = filter.paymentIntent;
      if (filter.startingAfter) params.starting_after = filter.startingAfter;
      try {
        const page = await send(api, () => stripe.checkout.sessions.list(params));
        return { sessions: page.data.map(toCheckoutSession), hasMore: page.has_more };
      } catch (error) {
        throw toUpstreamError(error, "list checkout sessions");
      }
    },

    async describeKey(): Promise<KeyDescription> {
      const { mode, keyType, usable } = keyInfo;
      if (!usable) {
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
          await send(api, () => probe(stripe));
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

    async listEvents(filter: EventListFilter) {
      const params: Stripe.EventListParams = {
        types: [...filter.types],
        created: { gte: filter.createdGte },
        limit: Math.min(100, Math.max(1, Math.trunc(filter.limit ?? 100))),
      };
      if (filter.startingAfter) params.starting_after = filter.startingAfter;
      try {
        const page = await send(api, () => stripe.events.list(params));
        return { events: page.data.map(toPaymentEvent), hasMore: page.has_more };
      } catch (error) {
        throw toUpstreamError(error, "list events");
      }
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
