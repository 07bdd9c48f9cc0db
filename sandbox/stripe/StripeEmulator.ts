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
import { EventBus, NO_REQUEST } from "./EventBus";
import { DisputeFlows, DisputeOutcome } from "./DisputeFlows";
import { BuyerChoices, PaymentFlows } from "./PaymentFlows";
import { apiError } from "./StripeApiError";
import { randomId, StripeStore, type StripeStoreState } from "./StripeStore";
import type { CheckoutSession, Dispute, Refund } from "./stripeObjects";
import type { RenewalOutcome } from "./subscriptionObjects";
import { DEFAULT_WEBHOOK_RETRY, WebhookDeliverer } from "./WebhookDeliverer";
import { handleControlRequest } from "./controlApi";
import { handleDashboard } from "./dashboardActions";
import { DASHBOARD_PATH } from "./dashboardPage";
import { handleHostedCheckout, handleRecoveryLink } from "./hostedCheckoutPage";
import { handleEmbeddedCheckout, isEmbeddedCheckoutPath } from "./embeddedCheckoutScript";
import { RECOVERY_PATH_PREFIX } from "./RecoveryFlows";
import { handleHostedInvoice, INVOICE_PATH_PREFIX } from "./hostedInvoicePage";
import {
  STATE_COLLECTIONS,
  StripeEmulator,
  StripeEmulatorOptions,
  StripeEmulatorState,
} from "./StripeEmulatorApi";
import { ApiRequestHandler, RecordedRequest, sendJson } from "./http/ApiRequestHandler";
import { IdempotencyStore } from "./http/IdempotencyStore";
import { Router } from "./http/Router";
import { FailRule, TrafficControls } from "./http/TrafficControls";
import { registerCheckoutSessionRoutes } from "./resources/checkoutSessions";
import { registerDisputeRoutes } from "./resources/disputes";
import { registerEventRoutes } from "./resources/events";
import { fileLinkContents, registerFileRoutes } from "./resources/files";
import { registerCustomerRoutes } from "./resources/customers";
import { registerPaymentRoutes } from "./resources/payments";
import { registerPriceRoutes } from "./resources/prices";
import { registerProductRoutes } from "./resources/products";
import { registerTaxRateRoutes } from "./resources/taxRates";
import { registerInvoiceRoutes } from "./resources/invoices";
import { registerSubscriptionRoutes } from "./resources/subscriptions";
import { registerTestClockRoutes } from "./resources/testClocks";
import { registerWebhookEndpointRoutes } from "./resources/webhookEndpoints";

export type { BuyerChoices } from "./PaymentFlows";
export type { DisputeOutcome } from "./DisputeFlows";
export type { RenewalOutcome, Subscription } from "./subscriptionObjects";
export type {
  StripeEmulator,
  StripeEmulatorOptions,
  StripeEmulatorState,
} from "./StripeEmulatorApi";
export type { EndpointRateLimit, FailRule } from "./http/TrafficControls";
export type { RecordedRequest } from "./http/ApiRequestHandler";

class StripeEmulatorServer implements StripeEmulator {
  url = "";
  port = 0;
  readonly requests: RecordedRequest[] = [];
  private readonly store = new StripeStore();
  private readonly config: EmulatorConfig;
  private readonly context: EmulatorContext;
  private readonly flows: PaymentFlows;
  private readonly disputes: DisputeFlows;
  private readonly router = new Router();
  private readonly idempotency: IdempotencyStore;
  private readonly traffic: TrafficControls;
  private readonly api: ApiRequestHandler;
  private readonly webhooks: WebhookDeliverer;
  private readonly server: http.Server;
  private readonly explicitPublicBaseUrl: string | undefined;
  /** Expires due sessions as time passes, so their events arrive without anyone looking. */
  private readonly expiryTimer: NodeJS.Timeout;
  /** The Dashboard page's token: its forms carry it, a cross-site form cannot. */
  private readonly dashboardToken = randomId("dash_", 32);

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
      displayTimeZone: options.displayTimeZone,
    };
    const events = new EventBus(this.store, () => (this.config.webhook ? 1 : 0));
    this.context = { store: this.store, events, config: this.config };
    this.flows = new PaymentFlows(this.context);
    this.disputes = new DisputeFlows(this.context, this.flows);
    this.idempotency = new IdempotencyStore(() => this.store.nowMs());
    this.traffic = new TrafficControls(options.rateLimitPerSecond, options.endpointRateLimits);
    if (options.frozenClock) this.store.setFrozen(true);
    this.webhooks = new WebhookDeliverer(
      () => this.config.webhook,
      () => this.config.webhookRetry,
    );
    events.subscribe((event) => this.webhooks.enqueue(event));
    this.api = new ApiRequestHandler({
      router: this.router,
      config: this.config,
      idempotency: this.idempotency,
      traffic: this.traffic,
      requests: this.requests,
    });
    registerProductRoutes(this.router, this.context);
    registerPriceRoutes(this.router, this.context);
    registerFileRoutes(this.router, this.context);
    registerCheckoutSessionRoutes(this.router, this.context, this.flows);
    registerEventRoutes(this.router, this.context);
    registerPaymentRoutes(this.router, this.context, this.flows);
    registerCustomerRoutes(this.router, this.context);
    registerDisputeRoutes(this.router, this.context);
    registerWebhookEndpointRoutes(this.router, this.context);
    registerTaxRateRoutes(this.router, this.context);
    registerInvoiceRoutes(this.router, this.context);
    registerSubscriptionRoutes(this.router, this.context, this.flows.subscriptions);
    registerTestClockRoutes(this.router, this.context, this.flows.subscriptions);
    this.expiryTimer = setInterval(() => {
      this.flows.expireDueSessions();
      this.flows.subscriptions.renewDue();
    }, 1000);
    this.expiryTimer.unref();
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
    const state: Record<string, unknown> = {};
    for (const name of STATE_COLLECTIONS) {
      Object.defineProperty(state, name, {
        enumerable: true,
        configurable: true,
        get: () => structuredClone([...store[name].values()]),
      });
    }
    state.webhookDeliveries = structuredClone(this.webhooks.attempts);
    return state as unknown as StripeEmulatorState;
  }

  configure(o: Parameters<StripeEmulator["configure"]>[0]): void {
    if ("latencyMs" in o) this.config.latencyMs = o.latencyMs ?? 0;
    if ("rateLimitPerSecond" in o) {
      this.config.rateLimitPerSecond = o.rateLimitPerSecond;
      this.traffic.setRateLimit(o.rateLimitPerSecond);
    }
    if ("searchLagMs" in o) this.config.searchLagMs = o.searchLagMs ?? 0;
    if ("webhook" in o) this.config.webhook = o.webhook;
    if ("restrictedKeys" in o) this.config.restrictedKeys = o.restrictedKeys;
    if (o.webhookRetry) {
      this.config.webhookRetry = { ...this.config.webhookRetry, ...o.webhookRetry };
    }
    if (o.frozenClock !== undefined) this.store.setFrozen(o.frozenClock);
    if ("endpointRateLimits" in o) this.traffic.setEndpointRateLimits(o.endpointRateLimits ?? []);
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
    this.flows.subscriptions.renewDue();
  }

  now(): number {
    return this.store.now();
  }

  failNext(rule: FailRule): void {
    this.traffic.failNext(rule);
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
    const paymentIntent = this.flows.paymentIntentOf(sessionId);
    return structuredClone(this.flows.refund({ paymentIntent }, amount, NO_REQUEST));
  }

  async recoverSession(expiredId: string): Promise<CheckoutSession> {
    return structuredClone(this.flows.recovery.recover(expiredId));
  }

  async openDispute(sessionId: string, options: { amount?: number } = {}): Promise<Dispute> {
    const paymentIntent = this.flows.paymentIntentOf(sessionId);
    return structuredClone(this.disputes.open(paymentIntent, options.amount));
  }

  async setNextRenewal(subscriptionId: string, outcome: RenewalOutcome): Promise<void> {
    this.flows.subscriptions.setNextRenewal(subscriptionId, outcome);
  }

  async closeDispute(disputeId: string, outcome: DisputeOutcome): Promise<Dispute> {
    return structuredClone(this.disputes.close(disputeId, outcome));
  }

  holdWebhooks(): void {
    this.webhooks.hold();
  }

  releaseWebhooks(): Promise<void> {
    return this.webhooks.release();
  }

  flushWebhooks(): Promise<void> {
    return this.webhooks.flush();
  }

  async resendEvent(eventId: string): Promise<void> {
    const event = this.store.events.get(eventId);
    if (!event) throw new Error(`No such event: ${eventId}`);
    if (this.config.webhook) event.pending_webhooks += 1;
    this.webhooks.enqueue(event);
  }

  reset(): void {
    this.store.reset();
    this.idempotency.clear();
    this.traffic.clearFailRules();
    this.clearRequests();
    this.webhooks.reset();
  }

  captureState(): StripeStoreState {
    return this.store.captureState();
  }

  restoreState(state: StripeStoreState): void {
    this.store.restoreState(state);
  }

  async close(): Promise<void> {
    clearInterval(this.expiryTimer);
    this.webhooks.close();
    this.api.close();
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
    if (isEmbeddedCheckoutPath(path)) {
      handleEmbeddedCheckout(request, response, path, this.context);
      return;
    }
    if (path === "/_emulator" || path.startsWith("/_emulator/")) {
      await handleControlRequest(
        request,
        response,
        path,
        this,
        this.flows,
        this.store,
        this.disputes,
      );
      return;
    }
    if (path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`)) {
      const deps = {
        store: this.store,
        flows: this.flows,
        disputes: this.disputes,
        timeZone: this.config.displayTimeZone,
        advanceClock: (seconds: number) => this.advanceClock(seconds),
      };
      await handleDashboard(request, response, url, { ...deps, token: this.dashboardToken });
      return;
    }
    if (path === "/" && request.method === "GET" && request.headers.accept?.includes("text/html")) {
      // A person opening the emulator's address gets its Dashboard, not the API's 401.
      response.writeHead(303, { Location: DASHBOARD_PATH }).end();
      return;
    }
    if (path.startsWith("/c/pay/")) {
      await handleHostedCheckout(request, response, path, this.context, this.flows);
      return;
    }
    if (path.startsWith(INVOICE_PATH_PREFIX)) {
      handleHostedInvoice(request, response, path, this.context.store);
      return;
    }
    if (path.startsWith(RECOVERY_PATH_PREFIX)) {
      handleRecoveryLink(request, response, path, this.flows.recovery);
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
    await this.api.handle(request, response, url, requestId);
  }
}

export async function startStripeEmulator(
  options: StripeEmulatorOptions = {},
): Promise<StripeEmulator> {
  const emulator = new StripeEmulatorServer(options);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
