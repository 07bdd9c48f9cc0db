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
import {
  productCodeSearchQueries,
  productCodeSearchQuery,
  productIdForCode,
} from "./productIdForCode";
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
/**
 * How long a looked-up "which products carry this code" answer may stand in for a search of its
 * own. Search itself may be a minute behind ("data is searchable in under 1 minute",
 * https://docs.stripe.com/search#data-freshness), so a lookup this old widens that blind spot for
 * products registered by hand only a little; our own products are guarded by their id either way.
 */
const LOOKUP_TTL_MS = 30_000;
/** Pages of one lookup search (100 products each) read at most; codes are rarely shared. */
const MAX_LOOKUP_PAGES = 5;

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
  /**
   * Products carrying each code (metadata `product_code`) as a recent search saw them, from
   * `prepareProducts`; `null` when that search failed. Used once, by the code's next upsert.
   */
  const lookups = new Map<string, { at: number; matches: Promise<Stripe.Product[] | null> }>();
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

  /**
   * Adds the products a search finds to `byCode` (by their exact code: search matches
   * case-insensitively). `false` when Stripe refuses the query.
   */
  async function collectMatches(
    query: string,
    byCode: Map<string, Stripe.Product[]>,
  ): Promise<boolean> {
    let page: string | undefined;
    for (let read = 0; read < MAX_LOOKUP_PAGES; read += 1) {
      let result: Stripe.ApiSearchResult<Stripe.Product>;
      try {
        const params: Stripe.ProductSearchParams = { query, limit: 100 };
        if (page !== undefined) params.page = page;
        result = await send(search, () => stripe.products.search(params));
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        logger?.warn(
          { requestId: error.requestId, upstreamCode: error.code },
          "Stripe refused a product search",
        );
        return false;
      }
      for (const product of result.data) {
        byCode.get(product.metadata?.[PRODUCT_CODE_METADATA_KEY] ?? "")?.push(product);
      }
      if (!result.has_more || !result.next_page) break;
      page = result.next_page;
    }
    return true;
  }

  /**
   * The products carrying each of these codes in metadata `product_code`, by code: one search for
   * up to 10 codes (`OR` of their clauses). Search lags behind writes by up to a minute
   * (https://docs.stripe.com/search#data-freshness), so "none" only means "none until recently";
   * the deterministic id guards against duplicates of our own products.
   */
  async function searchCodes(codes: readonly string[]): Promise<Map<string, Stripe.Product[]>> {
    const byCode = new Map<string, Stripe.Product[]>(codes.map((code) => [code, []]));
    const queue = productCodeSearchQueries(codes);
    let anyAnswered = false;
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      if (await collectMatches(batch.query, byCode)) {
        anyAnswered = true;
      } else if (batch.codes.length > 1) {
        // Refused as a whole: ask code by code, so one odd code cannot hide the others' products.
        const single = batch.codes.map((code) => ({
          codes: [code],
          query: productCodeSearchQuery(code),
        }));
        queue.unshift(...single);
      } else if (!anyAnswered) {
        // Search is unavailable in some regions ("Search isn't available to merchants in India",
        // https://docs.stripe.com/search, Limitations); the deterministic id still prevents
        // duplicates among the products we create, so go on without it.
        logger?.warn(
          { codes: codes.length },
          "Stripe product search failed; creating without reuse of hand-registered products",
        );
        break;
      }
    }
    return byCode;
  }

  /** The products a prepared lookup found for the code, else those a search finds now. */
  async function productsWithCode(code: string): Promise<Stripe.Product[]> {
    const prepared = lookups.get(code);
    lookups.delete(code);
    if (prepared && Date.now() - prepared.at <= LOOKUP_TTL_MS) {
      const matches = await prepared.matches;
      if (matches) return matches;
    }
    return (await searchCodes([code])).get(code) ?? [];
  }

  /**
   * The existing product for the code, if any. Our own (the deterministic id) wins over one
   * registered by hand, as it always has, so that every process settles on the same product.
   */
  async function existingProduct(
    matches: Stripe.Product[],
    deterministicId: string,
    missingId: string | undefined,
  ): Promise<Stripe.Product | null> {
    if (missingId !== deterministicId && matches.some((p) => p.id === deterministicId)) {
      // Read it rather than trust the search copy, which may be a minute old.
      const own = await retrieveProduct(deterministicId);
      if (own) return own;
    }
    const byHand = matches
      .filter((product) => product.id !== deterministicId && product.id !== missingId)
      .sort((a, b) => Number(b.active) - Number(a.active) || a.created - b.created)[0];
    if (!byHand) return null;
    // Ours may exist without being searchable yet (made by another process just now).
    const own = missingId === deterministicId ? null : await retrieveProduct(deterministicId);
    return own ?? byHand;
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

  /**
   * A known code: read its product, update what changed. A new one: look for a product carrying
   * the code (a search, usually already made by `prepareProducts` for the whole session), else
   * create ours under the code's deterministic id straight away — one request. Should another
   * process have created it meanwhile, Stripe answers `resource_already_exists` and we use theirs.
   */
  async function upsertUnlocked(details: ProductDetails): Promise<{ productId: string }> {
    const deterministicId = productIdForCode(details.code);
    const knownId = productIdByCode.get(details.code);
    let product = knownId === undefined ? null : await retrieveProduct(knownId);
    if (!product) {
      productIdByCode.delete(details.code);
      const matches = await productsWithCode(details.code);
      product = await existingProduct(matches, deterministicId, knownId);
    }
    product = product
      ? await updateIfChanged(product, details).catch(async (error: unknown) => {
          // A search copy of a product deleted since: make ours instead.
          if (!isMissing(error)) throw error;
          return createProduct(deterministicId, details);
        })
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
    async prepareProducts(codes) {
      const now = Date.now();
      for (const [code, lookup] of lookups) {
        if (now - lookup.at > LOOKUP_TTL_MS) lookups.delete(code);
      }
      const wanted = [...new Set(codes)].filter(
        (code) =>
          code.length > 0 &&
          code.length <= MAX_METADATA_VALUE_LENGTH &&
          !productIdByCode.has(code) &&
          !lookups.has(code),
      );
      if (wanted.length === 0) return;
      const found = searchCodes(wanted).then(
        (byCode) => byCode,
        (error: unknown) => {
          logger?.warn(
            { error: redactStripeMessage(String(error)) },
            "Stripe product lookup failed; each product will be looked up on its own",
          );
          return null;
        },
      );
      for (const code of wanted) {
        lookups.set(code, {
          at: now,
          matches: found.then((byCode) => (byCode ? (byCode.get(code) ?? []) : null)),
        });
      }
      await found;
    },

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
