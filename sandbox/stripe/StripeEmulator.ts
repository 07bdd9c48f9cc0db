/**
 * A local Stripe for the sandbox, the tests, the browser stories and the benchmarks. It speaks the
 * part of the REST API the proxy uses, the way the `stripe` SDK calls it:
 *   new Stripe(key, { host: "localhost", port: emulator.port, protocol: "http" })
 * Because the SDK sends file uploads to the overridden host too (stripe-node's
 * `resolveBaseAddress` uses the instance host whenever it is not api.stripe.com), `/v1/files`
 * lives on the same port.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorConfig, EmulatorContext } from "./EmulatorContext";
import { EMULATOR_API_VERSION, EventBus } from "./EventBus";
import { BuyerChoices, PaymentFlows } from "./PaymentFlows";
import { apiError, rateLimited, StripeApiError, unrecognizedUrl } from "./StripeApiError";
import {
  Charge,
  CheckoutSession,
  FileLink,
  PaymentIntent,
  Price,
  Product,
  randomId,
  Refund,
  StripeEvent,
  StripeFile,
  StripeStore,
} from "./StripeStore";
import {
  DEFAULT_WEBHOOK_RETRY,
  WebhookDeliverer,
  WebhookDeliveryAttempt,
  WebhookRetryPolicy,
} from "./WebhookDeliverer";
import { handleControlRequest } from "./controlApi";
import { handleHostedCheckout } from "./hostedCheckoutPage";
import { authenticate, checkPermission } from "./http/apiKeys";
import { checkIdempotencyKey, fingerprintOf, IdempotencyStore } from "./http/IdempotencyStore";
import { RateLimiter } from "./http/RateLimiter";
import { parseForm, parseMultipart, readBody } from "./http/requestBody";
import { ApiRequest, RawBody, Router } from "./http/Router";
import { registerCheckoutSessionRoutes } from "./resources/checkoutSessions";
import { registerEventRoutes } from "./resources/events";
import { fileLinkContents, registerFileRoutes } from "./resources/files";
import { registerPaymentRoutes } from "./resources/payments";
import { registerPriceRoutes } from "./resources/prices";
import { registerProductRoutes } from "./resources/products";

export type { BuyerChoices } from "./PaymentFlows";

export interface StripeEmulatorOptions {
  port?: number; // default 0 = free port; listens on 127.0.0.1
  latencyMs?: number; // added to every API answer
  rateLimitPerSecond?: number; // token bucket per second; beyond it 429 rate_limit error
  searchLagMs?: number; // products become visible to products.search only after this (default 0)
  webhook?: { url: string; secret: string }; // deliver signed events here (secret "whsec_…")
  publicBaseUrl?: string; // base for session.url / file link urls; default the emulator's own url
  /** Per-key permissions, e.g. { "rk_test_x": ["checkout_sessions_write", "products_read"] }. */
  restrictedKeys?: Record<string, string[]>;
  /** Webhook retries: default 200 ms doubling, 5 attempts, 10 s timeout per attempt. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Stop the emulator's clock: time then moves only with advanceClock (deterministic tests). */
  frozenClock?: boolean;
  /**
   * Extra per-endpoint buckets on top of the global one, as Stripe has for Search and Files
   * (20/s each, https://docs.stripe.com/rate-limits), e.g. [{ pathPrefix: "/v1/products/search", perSecond: 20 }].
   */
  endpointRateLimits?: EndpointRateLimit[];
}

export interface EndpointRateLimit {
  method?: string;
  pathPrefix: string;
  perSecond: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  status: number;
  at: number;
}

export interface FailRule {
  method?: string;
  pathPrefix?: string;
  status: number | "timeout";
  count?: number;
  /**
   * "before" (default): the request is refused without effect. "after": it is executed, then the
   * answer is replaced (or never sent) — a lost response, as idempotent retries must survive.
   */
  when?: "before" | "after";
}

export interface StripeEmulatorState {
  readonly products: Product[];
  readonly prices: Price[];
  readonly files: StripeFile[];
  readonly fileLinks: FileLink[];
  readonly sessions: CheckoutSession[];
  readonly events: StripeEvent[];
  readonly paymentIntents: PaymentIntent[];
  readonly charges: Charge[];
  readonly refunds: Refund[];
  readonly webhookDeliveries: WebhookDeliveryAttempt[];
}

export interface StripeEmulator {
  url: string; // "http://localhost:PORT"
  port: number;
  close(): Promise<void>;
  configure(
    o: Partial<
      Pick<
        StripeEmulatorOptions,
        | "latencyMs"
        | "rateLimitPerSecond"
        | "searchLagMs"
        | "webhook"
        | "restrictedKeys"
        | "webhookRetry"
        | "frozenClock"
        | "endpointRateLimits"
      >
    >,
  ): void;
  /** Every API request received (not /_emulator ones): method, path, idempotencyKey, status, time. */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** Test clock: moves the emulator's "now" forward; sessions past expires_at expire (with events). */
  advanceClock(seconds: number): Promise<void>;
  now(): number; // unix seconds, emulator time
  /** Fail the next n API requests matching (method, path prefix) with a status or a timeout (hang). */
  failNext(rule: FailRule): void;
  /** Act as the customer on the hosted page: */
  /** `choices.quantities`: new quantities by line index, for lines with adjustable_quantity. */
  payWithCard(sessionId: string, choices?: BuyerChoices): Promise<void>; // complete + paid (+events)
  payWithDelayedMethod(sessionId: string, choices?: BuyerChoices): Promise<void>; // complete + unpaid, like konbini
  settleDelayedPayment(sessionId: string, outcome: "succeeded" | "failed"): Promise<void>;
  /** Refunds a paid session's payment (as the dashboard would); emits charge.refunded. */
  refundSession(sessionId: string, amount?: number): Promise<Refund>;
  /** Waits until every queued webhook delivery was attempted (delivered or given up). */
  flushWebhooks(): Promise<void>;
  /** Forgets every object, event, request, idempotency key and rule; the clock returns to now. */
  reset(): void;
  state: StripeEmulatorState;
}

interface ActiveFailRule extends Required<Pick<FailRule, "status" | "when">> {
  method?: string;
  pathPrefix?: string;
  remaining: number;
}

function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, no-store",
    ...headers,
  });
  response.end(text);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class StripeEmulatorServer implements StripeEmulator {
  url = "";
  port = 0;
  readonly requests: RecordedRequest[] = [];
  private readonly store = new StripeStore();
  private readonly config: EmulatorConfig;
  private readonly context: EmulatorContext;
  private readonly flows: PaymentFlows;
  private readonly router = new Router();
  private readonly idempotency: IdempotencyStore;
  private readonly rateLimiter: RateLimiter;
  private readonly webhooks: WebhookDeliverer;
  private failRules: ActiveFailRule[] = [];
  private endpointLimiters: { rule: EndpointRateLimit; limiter: RateLimiter }[] = [];
  private readonly hanging = new Set<http.ServerResponse>();
  private readonly server: http.Server;
  private readonly explicitPublicBaseUrl: string | undefined;

  constructor(options: StripeEmulatorOptions) {
    this.explicitPublicBaseUrl = options.publicBaseUrl?.replace(/\/+$/, "");
    this.config = {
      latencyMs: options.latencyMs ?? 0,
      rateLimitPerSecond: options.rateLimitPerSecond,
      searchLagMs: options.searchLagMs ?? 0,
      webhook: options.webhook,
      webhookRetry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
      publicBaseUrl: this.explicitPublicBaseUrl ?? "",
      restrictedKeys: options.restrictedKeys,
    };
    const events = new EventBus(this.store, () => (this.config.webhook ? 1 : 0));
    this.context = { store: this.store, events, config: this.config };
    this.flows = new PaymentFlows(this.context);
    this.idempotency = new IdempotencyStore(() => this.store.nowMs());
    this.rateLimiter = new RateLimiter(options.rateLimitPerSecond);
    if (options.frozenClock) this.store.setFrozen(true);
    this.setEndpointRateLimits(options.endpointRateLimits ?? []);
    this.webhooks = new WebhookDeliverer(
      () => this.config.webhook,
      () => this.config.webhookRetry,
    );
    events.subscribe((event) => this.webhooks.enqueue(event));
    registerProductRoutes(this.router, this.context);
    registerPriceRoutes(this.router, this.context);
    registerFileRoutes(this.router, this.context);
    registerCheckoutSessionRoutes(this.router, this.context, this.flows);
    registerEventRoutes(this.router, this.context);
    registerPaymentRoutes(this.router, this.context, this.flows);
    this.server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          sendJson(response, 500, apiError(500).toJSON());
        }
        console.error("[stripe-emulator] unexpected error", error);
      });
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://localhost:${this.port}`;
    this.config.publicBaseUrl = this.explicitPublicBaseUrl ?? this.url;
  }

  // ---- public API -------------------------------------------------------------------------

  get state(): StripeEmulatorState {
    const store = this.store;
    return {
      get products() {
        return structuredClone([...store.products.values()]);
      },
      get prices() {
        return structuredClone([...store.prices.values()]);
      },
      get files() {
        return structuredClone([...store.files.values()]);
      },
      get fileLinks() {
        return structuredClone([...store.fileLinks.values()]);
      },
      get sessions() {
        return structuredClone([...store.sessions.values()]);
      },
      get events() {
        return structuredClone([...store.events.values()]);
      },
      get paymentIntents() {
        return structuredClone([...store.paymentIntents.values()]);
      },
      get charges() {
        return structuredClone([...store.charges.values()]);
      },
      get refunds() {
        return structuredClone([...store.refunds.values()]);
      },
      webhookDeliveries: structuredClone(this.webhooks.attempts),
    };
  }

  configure(o: Parameters<StripeEmulator["configure"]>[0]): void {
    if ("latencyMs" in o) this.config.latencyMs = o.latencyMs ?? 0;
    if ("rateLimitPerSecond" in o) {
      this.config.rateLimitPerSecond = o.rateLimitPerSecond;
      this.rateLimiter.configure(o.rateLimitPerSecond);
    }
    if ("searchLagMs" in o) this.config.searchLagMs = o.searchLagMs ?? 0;
    if ("webhook" in o) this.config.webhook = o.webhook;
    if ("restrictedKeys" in o) this.config.restrictedKeys = o.restrictedKeys;
    if (o.webhookRetry) {
      this.config.webhookRetry = { ...this.config.webhookRetry, ...o.webhookRetry };
    }
    if (o.frozenClock !== undefined) this.store.setFrozen(o.frozenClock);
    if ("endpointRateLimits" in o) this.setEndpointRateLimits(o.endpointRateLimits ?? []);
  }

  private setEndpointRateLimits(rules: EndpointRateLimit[]): void {
    this.endpointLimiters = rules.map((rule) => ({
      rule: { ...rule, ...(rule.method ? { method: rule.method.toUpperCase() } : {}) },
      limiter: new RateLimiter(rule.perSecond),
    }));
  }

  /** Takes a token from every bucket the request falls into; false when one is empty. */
  private takeRateLimitTokens(
    method: string,
    path: string,
  ): "global-rate" | "endpoint-rate" | null {
    if (!this.rateLimiter.take()) return "global-rate";
    for (const { rule, limiter } of this.endpointLimiters) {
      if ((!rule.method || rule.method === method) && path.startsWith(rule.pathPrefix)) {
        if (!limiter.take()) return "endpoint-rate";
      }
    }
    return null;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async advanceClock(seconds: number): Promise<void> {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error("advanceClock: seconds must be a non-negative number");
    }
    this.store.advance(seconds);
    this.flows.expireDueSessions();
  }

  now(): number {
    return this.store.now();
  }

  failNext(rule: FailRule): void {
    this.failRules.push({
      status: rule.status,
      when: rule.when ?? "before",
      remaining: rule.count ?? 1,
      ...(rule.method ? { method: rule.method.toUpperCase() } : {}),
      ...(rule.pathPrefix ? { pathPrefix: rule.pathPrefix } : {}),
    });
  }

  async payWithCard(sessionId: string, choices?: BuyerChoices): Promise<void> {
    this.flows.payWithCard(sessionId, choices);
  }

  async payWithDelayedMethod(sessionId: string, choices?: BuyerChoices): Promise<void> {
    this.flows.payWithDelayedMethod(sessionId, choices);
  }

  async settleDelayedPayment(sessionId: string, outcome: "succeeded" | "failed"): Promise<void> {
    this.flows.settleDelayedPayment(sessionId, outcome);
  }

  async refundSession(sessionId: string, amount?: number): Promise<Refund> {
    const session = this.flows.session(sessionId);
    if (!session.payment_intent) {
      throw new Error(`Checkout Session ${sessionId} has no payment to refund`);
    }
    return structuredClone(
      this.flows.refund({ paymentIntent: session.payment_intent }, amount, {
        requestId: null,
        idempotencyKey: null,
      }),
    );
  }

  flushWebhooks(): Promise<void> {
    return this.webhooks.flush();
  }

  reset(): void {
    this.store.reset();
    this.idempotency.clear();
    this.failRules = [];
    this.clearRequests();
    this.webhooks.attempts.length = 0;
  }

  async close(): Promise<void> {
    this.webhooks.close();
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- HTTP ------------------------------------------------------------------------------

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const requestId = randomId("req_", 14);
    response.setHeader("Request-Id", requestId);
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/_emulator" || path.startsWith("/_emulator/")) {
      await handleControlRequest(request, response, path, this, this.flows, this.store);
      return;
    }
    if (path.startsWith("/c/pay/")) {
      await handleHostedCheckout(request, response, path, this.context, this.flows);
      return;
    }
    if (path.startsWith("/links/") && request.method === "GET") {
      const contents = fileLinkContents(this.context, path.slice("/links/".length));
      if (!contents) {
        response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
        return;
      }
      response.writeHead(200, {
        "Content-Type": contents.mimeType,
        "Content-Length": contents.bytes.length,
      });
      response.end(contents.bytes);
      return;
    }
    await this.handleApi(request, response, url, requestId);
  }

  private matchFailRule(method: string, path: string): ActiveFailRule | undefined {
    const rule = this.failRules.find(
      (candidate) =>
        (!candidate.method || candidate.method === method) &&
        (!candidate.pathPrefix || path.startsWith(candidate.pathPrefix)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.failRules = this.failRules.filter((r) => r !== rule);
    return rule;
  }

  private hang(response: http.ServerResponse, record: RecordedRequest): void {
    record.status = 0; // never answered
    this.hanging.add(response);
    response.on("close", () => this.hanging.delete(response));
  }

  private async handleApi(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    const method = request.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const idempotencyKey =
      method === "POST" ? firstHeader(request.headers["idempotency-key"]) : undefined;
    const record: RecordedRequest = {
      method,
      path,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      status: 0,
      at: Date.now(),
    };
    this.requests.push(record);
    const headers: Record<string, string> = {
      "Stripe-Version": firstHeader(request.headers["stripe-version"]) ?? EMULATOR_API_VERSION,
    };
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    const answer = (status: number, body: unknown) => {
      record.status = status;
      if (body instanceof RawBody) {
        response.writeHead(status, {
          ...headers,
          "Content-Type": body.contentType,
          "Content-Length": body.bytes.length,
        });
        response.end(body.bytes);
      } else {
        sendJson(response, status, body, headers);
      }
    };

    if (this.config.latencyMs > 0) await sleep(this.config.latencyMs);
    let reserved = false;
    try {
      const apiKey = authenticate(firstHeader(request.headers.authorization));
      const limitedBy = this.takeRateLimitTokens(method, path);
      if (limitedBy) {
        // The header Stripe sets on 429s (https://docs.stripe.com/rate-limits#rate-limited-requests).
        headers["Stripe-Rate-Limited-Reason"] = limitedBy;
        throw rateLimited();
      }
      const failRule = this.matchFailRule(method, path);
      if (failRule?.when === "before") {
        if (failRule.status === "timeout") return this.hang(response, record);
        throw failRule.status === 429 ? rateLimited() : apiError(failRule.status);
      }
      const route = this.router.match(method, path);
      if (!route) throw unrecognizedUrl(method, url.pathname);
      checkPermission(apiKey, route.permission, this.config.restrictedKeys);

      let params;
      let file;
      const contentType = request.headers["content-type"] ?? "";
      if (method === "GET" || method === "DELETE") {
        params = parseForm(url.search.slice(1));
      } else if (contentType.startsWith("multipart/form-data")) {
        ({ params, file } = await parseMultipart(request));
      } else {
        params = parseForm((await readBody(request)).toString("utf8"));
      }

      if (idempotencyKey !== undefined) {
        checkIdempotencyKey(idempotencyKey);
        const fingerprint = fingerprintOf({
          params,
          file: file ? { name: file.filename, bytes: file.bytes.toString("base64") } : null,
        });
        const stored = this.idempotency.begin(idempotencyKey, method, path, fingerprint);
        if (stored) {
          headers["Idempotent-Replayed"] = "true";
          headers["Original-Request"] = stored.requestId;
          return answer(stored.status, stored.body);
        }
        reserved = true;
      }

      const apiRequest: ApiRequest = {
        method,
        path,
        params,
        pathParams: route.pathParams,
        apiKey,
        requestId,
        idempotencyKey: idempotencyKey ?? null,
        ...(file ? { file } : {}),
      };
      let status = 200;
      let body: unknown;
      try {
        body = await route.handler(apiRequest);
      } catch (error) {
        if (!(error instanceof StripeApiError) || error.beforeExecution) throw error;
        status = error.status;
        body = error.toJSON();
      }
      if (reserved && idempotencyKey !== undefined) {
        this.idempotency.save(idempotencyKey, { status, body, requestId });
        reserved = false;
      }
      if (failRule?.when === "after") {
        if (failRule.status === "timeout") return this.hang(response, record);
        throw failRule.status === 429 ? rateLimited() : apiError(failRule.status);
      }
      answer(status, body);
    } catch (error) {
      if (reserved && idempotencyKey !== undefined) this.idempotency.release(idempotencyKey);
      if (!(error instanceof StripeApiError)) throw error;
      answer(error.status, error.toJSON());
    }
  }
}

export async function startStripeEmulator(
  options: StripeEmulatorOptions = {},
): Promise<StripeEmulator> {
  const emulator = new StripeEmulatorServer(options);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
