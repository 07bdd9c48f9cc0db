/**
 * The payment gateway port in memory, for unit tests: it keeps what the use cases sent and answers
 * as Stripe's contract says (idempotency keys, expiry of open sessions only, events newest first).
 */
import { SessionNotFoundError } from "../proxy/errors/SessionNotFoundError";
import { SessionNotOpenError } from "../proxy/errors/SessionNotOpenError";
import { UpstreamError } from "../proxy/errors/UpstreamError";
import type { PaymentEvent } from "../proxy/ports/PaymentEvent";
import type { CheckoutInvoice } from "../proxy/ports/InvoiceOptions";
import type { StripeSubscription } from "../proxy/ports/Subscription";
import type {
  CheckoutSession,
  CheckoutSessionRequest,
  EventListFilter,
  KeyDescription,
  PaymentGateway,
  PermissionCheck,
  ProductDetails,
  ProductUpsert,
  SessionListFilter,
  StripePrice,
  TaxRateSpec,
  WebhookEndpointsAnswer,
} from "../proxy/ports/PaymentGateway";

export class FakePaymentGateway implements PaymentGateway {
  calls: { method: string; args: unknown }[] = [];
  sessions = new Map<string, CheckoutSession>();
  requests = new Map<string, CheckoutSessionRequest>();
  products = new Map<string, ProductDetails & { id: string }>();
  failNextCreate: Error | undefined;
  private idempotent = new Map<string, { body: string; sessionId: string }>();
  private failedKeys = new Map<string, Error>();
  private counter = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  callsOf(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  async upsertProduct(upsert: ProductUpsert) {
    this.calls.push({ method: "upsertProduct", args: upsert });
    const { knownProductId: _knownProductId, ...details } = upsert;
    const existing = this.products.get(details.code);
    const id = existing?.id ?? `prod_${details.code}`;
    this.products.set(details.code, {
      ...details,
      images: details.images ?? existing?.images,
      id,
    });
    return { productId: id };
  }

  /** Tax rates made, by their spec, as Stripe keeps them. */
  taxRates = new Map<string, TaxRateSpec & { id: string }>();

  async upsertTaxRate(rate: TaxRateSpec) {
    this.calls.push({ method: "upsertTaxRate", args: rate });
    const key = JSON.stringify([rate.percentage, rate.inclusive, rate.displayName]);
    const existing = this.taxRates.get(key) ?? { ...rate, id: `txr_${++this.counter}` };
    this.taxRates.set(key, existing);
    return { taxRateId: existing.id };
  }

  /** Invoices tests put here, by id, as Stripe issued them. */
  invoices = new Map<string, CheckoutInvoice>();

  async retrieveInvoice(invoiceId: string) {
    this.calls.push({ method: "retrieveInvoice", args: invoiceId });
    return this.invoices.get(invoiceId) ?? null;
  }

  /** Prices tests put here, by id, for lines that name one. */
  prices = new Map<string, StripePrice>();

  async retrievePrice(priceId: string) {
    this.calls.push({ method: "retrievePrice", args: priceId });
    return this.prices.get(priceId) ?? null;
  }

  /** Subscriptions tests put here, by id, as Stripe holds them. */
  subscriptions = new Map<string, StripeSubscription>();

  async retrieveSubscription(subscriptionId: string) {
    this.calls.push({ method: "retrieveSubscription", args: subscriptionId });
    return this.subscriptions.get(subscriptionId) ?? null;
  }

  async cancelSubscription(subscriptionId: string, options: { atPeriodEnd: boolean }) {
    this.calls.push({ method: "cancelSubscription", args: { subscriptionId, ...options } });
    const current = this.subscriptions.get(subscriptionId);
    if (!current) return null;
    const canceled = options.atPeriodEnd
      ? { ...current, cancelAtPeriodEnd: true }
      : { ...current, status: "canceled" };
    this.subscriptions.set(subscriptionId, canceled);
    return canceled;
  }

  async uploadProductImage(image: { bytes: Uint8Array; filename: string; contentType: string }) {
    this.calls.push({ method: "uploadProductImage", args: image });
    return { url: `https://files.example/${image.filename}-${++this.counter}` };
  }

  async createCheckoutSession(request: CheckoutSessionRequest) {
    this.calls.push({ method: "createCheckoutSession", args: request });
    const { idempotencyKey, ...params } = request;
    const body = JSON.stringify(params);
    if (this.failNextCreate) {
      // As Stripe does, the failure is kept under the idempotency key.
      const error = this.failNextCreate;
      this.failNextCreate = undefined;
      this.failedKeys.set(idempotencyKey, error);
      throw error;
    }
    const failed = this.failedKeys.get(idempotencyKey);
    if (failed) throw failed;
    const seen = this.idempotent.get(idempotencyKey);
    if (seen) {
      if (seen.body !== body) {
        throw new UpstreamError("stripe", "idempotency key reused with other parameters");
      }
      return this.sessions.get(seen.sessionId) as CheckoutSession;
    }
    const id = `cs_test_${++this.counter}`;
    const session: CheckoutSession = {
      id,
      url: `https://checkout.example/${id}`,
      clientSecret: null,
      status: "open",
      paymentStatus: "unpaid",
      amountTotal: request.lineItems.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0),
      currency: request.currency,
      customerEmail: request.customerEmail ?? null,
      expiresAt: request.expiresAt,
      createdAt: this.now(),
      paymentIntentId: null,
      clientReferenceId: request.clientReferenceId,
      metadata: request.metadata,
      recoveryUrl: null,
      recoveredFrom: null,
    };
    this.sessions.set(id, session);
    this.requests.set(id, request);
    this.idempotent.set(idempotencyKey, { body, sessionId: id });
    return session;
  }

  async retrieveCheckoutSession(sessionId: string) {
    this.calls.push({ method: "retrieveCheckoutSession", args: sessionId });
    return this.sessions.get(sessionId) ?? null;
  }

  async expireCheckoutSession(sessionId: string) {
    this.calls.push({ method: "expireCheckoutSession", args: sessionId });
    const session = this.sessions.get(sessionId);
    if (!session) throw new SessionNotFoundError(sessionId);
    if (session.status !== "open") throw new SessionNotOpenError(sessionId, session.status);
    const expired = { ...session, status: "expired" as const, url: null };
    this.sessions.set(sessionId, expired);
    return expired;
  }

  /** What a buyer paying on the checkout page does to the session. */
  pay(sessionId: string, email = "buyer@example.com") {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    this.sessions.set(sessionId, {
      ...session,
      status: "complete",
      paymentStatus: "paid",
      customerEmail: email,
      url: null,
    });
  }

  async listCheckoutSessions(filter: SessionListFilter) {
    this.calls.push({ method: "listCheckoutSessions", args: filter });
    const all = [...this.sessions.values()]
      .reverse()
      .filter((s) => !filter.status || s.status === filter.status)
      .filter((s) => !filter.customerEmail || s.customerEmail === filter.customerEmail);
    const limit = filter.limit ?? 10;
    return { sessions: all.slice(0, limit), hasMore: all.length > limit };
  }

  async describeKey(): Promise<KeyDescription> {
    this.calls.push({ method: "describeKey", args: undefined });
    return { mode: "test", keyType: "restricted", problems: [] };
  }

  /** What `checkPermissions` answers; default every permission granted. */
  permissionChecks: PermissionCheck[] = [];

  async checkPermissions(): Promise<PermissionCheck[]> {
    this.calls.push({ method: "checkPermissions", args: undefined });
    return structuredClone(this.permissionChecks);
  }

  /** What `listWebhookEndpoints` answers; default not readable (no endpoint check). */
  webhookEndpoints: WebhookEndpointsAnswer = { readable: false, result: "unverified" };

  async listWebhookEndpoints(): Promise<WebhookEndpointsAnswer> {
    this.calls.push({ method: "listWebhookEndpoints", args: undefined });
    return structuredClone(this.webhookEndpoints);
  }

  /** Events tests put here, newest last; listed newest first as Stripe does. */
  events: PaymentEvent[] = [];

  async listEvents(filter: EventListFilter) {
    this.calls.push({ method: "listEvents", args: filter });
    const matching = this.events
      .filter((e) => e.created >= filter.createdGte)
      .filter((e) => filter.types.includes(e.type === "unhandled" ? e.stripeType : e.type))
      .reverse();
    const start = filter.startingAfter
      ? matching.findIndex((e) => e.id === filter.startingAfter) + 1
      : 0;
    const limit = filter.limit ?? 100;
    return {
      events: matching.slice(start, start + limit),
      hasMore: matching.length > start + limit,
    };
  }
}
