/**
 * In-memory fakes of the ports for unit tests (transport mocks: never used by the product).
 * They keep just enough state to tell what the use cases sent, and behave like the contract says.
 */
import pino from "pino";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { SessionNotFoundError } from "../../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../../errors/SessionNotOpenError";
import { UpstreamError } from "../../errors/UpstreamError";
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import type { ImageNormalizer, NormalizedImage } from "../../ports/ImageNormalizer";
import type { PaymentEvent } from "../../ports/PaymentEvent";
import type {
  CheckoutSession,
  CheckoutSessionRequest,
  EventListFilter,
  KeyDescription,
  PaymentGateway,
  ProductDetails,
  SessionListFilter,
} from "../../ports/PaymentGateway";
import type { FormField, RecordStore, RecordUpdate } from "../../ports/RecordStore";
import { RecordWriter } from "../../writeback/RecordWriter";
import { Coordination } from "../../deps/Coordination";
import { ServerErrorKeys } from "../../deps/ServerErrorKeys";
import type { UseCaseDeps } from "../../deps/UseCaseDeps";

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

  async upsertProduct(details: ProductDetails) {
    this.calls.push({ method: "upsertProduct", args: details });
    const existing = this.products.get(details.code);
    const id = existing?.id ?? `prod_${details.code}`;
    this.products.set(details.code, {
      ...details,
      images: details.images ?? existing?.images,
      id,
    });
    return { productId: id };
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

export class FakeRecordStore implements RecordStore {
  apps = new Map<string, Map<string, KintoneRecord>>();
  files = new Map<string, Uint8Array>();
  updates: { appId: string; updates: RecordUpdate[] }[] = [];
  failUpdates = 0;
  formFields: FormField[] = [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }];

  addRecord(appId: string, fields: Record<string, { type: string; value: unknown }>) {
    const app = this.apps.get(appId) ?? new Map<string, KintoneRecord>();
    this.apps.set(appId, app);
    const id = String(app.size + 1);
    app.set(id, {
      $id: { type: "__ID__", value: id },
      $revision: { type: "__REVISION__", value: "1" },
      ...fields,
    } as KintoneRecord);
    return id;
  }

  /** An edit by someone else: a field changes, the revision moves on. */
  edit(appId: string, recordId: string, field: string, value: string) {
    const record = this.apps.get(appId)?.get(recordId);
    if (!record) throw new Error("no record");
    (record[field] as { value: unknown }).value = value;
    const revision = record.$revision as { value: string };
    revision.value = String(Number(revision.value) + 1);
  }

  hasApp(appId: string) {
    return this.apps.has(appId);
  }

  async getRecords(appId: string, recordIds: string[]) {
    const app = this.apps.get(appId) ?? new Map();
    const missing = recordIds.filter((id) => !app.has(id));
    if (missing.length) throw new RecordNotFoundError(appId, missing);
    return recordIds.map((id) => structuredClone(app.get(id) as KintoneRecord));
  }

  async queryRecordIds(appId: string) {
    return [...(this.apps.get(appId)?.values() ?? [])].map((r) => ({
      id: String(r.$id?.value),
      revision: String(r.$revision?.value),
    }));
  }

  async updateRecords(appId: string, updates: RecordUpdate[]) {
    if (updates.length > 100) throw new Error("kintone takes at most 100 records per write");
    if (this.failUpdates > 0) {
      this.failUpdates--;
      throw new UpstreamError("kintone", "kintone is busy or unavailable. Try again later.", {
        retryable: true,
      });
    }
    const app = this.apps.get(appId);
    // Like kintone's CB_VA01: one value a field does not take refuses the whole request.
    if (updates.some((u) => Object.values(u.record).some((f) => f.value === "REFUSED-VALUE"))) {
      throw new UpstreamError("kintone", "kintone refused the values written.", {
        upstreamCode: "CB_VA01",
        upstreamStatus: 400,
      });
    }
    this.updates.push({ appId, updates });
    for (const update of updates) {
      const record = app?.get(update.id);
      if (!record) throw new RecordNotFoundError(appId, [update.id]);
      for (const [code, { value }] of Object.entries(update.record)) {
        const existing = record[code] as { type: string; value: unknown } | undefined;
        record[code] = { type: existing?.type ?? "SINGLE_LINE_TEXT", value } as never;
      }
      const revision = record.$revision as { value: string };
      revision.value = String(Number(revision.value) + 1);
    }
  }

  downloads: string[] = [];

  async downloadFile(fileKey: string) {
    this.downloads.push(fileKey);
    const bytes = this.files.get(fileKey);
    if (!bytes) throw new UpstreamError("kintone", "no such file");
    return { bytes };
  }

  async getFormFields(_appId: string) {
    return this.formFields;
  }

  field(appId: string, recordId: string, code: string): unknown {
    return (this.apps.get(appId)?.get(recordId)?.[code] as { value: unknown } | undefined)?.value;
  }
}

/** "Normalizes" by tagging the bytes; `NOT-AN-IMAGE` content is refused like sharp would. */
export class FakeImageNormalizer implements ImageNormalizer {
  calls = 0;
  async normalize(image: { bytes: Uint8Array; filename: string }): Promise<NormalizedImage> {
    this.calls++;
    if (Buffer.from(image.bytes).toString() === "NOT-AN-IMAGE") {
      const error = new Error(`${image.filename} is not an image`);
      error.name = "NotAnImageError";
      throw error;
    }
    return { bytes: image.bytes, filename: `${image.filename}.png`, contentType: "image/png" };
  }
}

export const silentLogger = pino({ level: "silent" });

export function makeDeps(now = () => new Date("2026-01-10T00:00:00Z")) {
  const gateway = new FakePaymentGateway(now);
  const records = new FakeRecordStore();
  const journal = new SqliteJournal(":memory:");
  const imageNormalizer = new FakeImageNormalizer();
  const writer = new RecordWriter(records, journal, silentLogger, { now });
  const deps: UseCaseDeps = {
    gateway,
    records,
    journal,
    imageNormalizer,
    writer,
    logger: silentLogger,
    now,
    coordination: new Coordination(),
    serverErrorKeys: new ServerErrorKeys(),
    cacheScope: "test",
  };
  return { deps, gateway, records, journal, imageNormalizer, writer };
}

export const APP = "12";

export function baseMapping(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem: {
      productCode: { field: "code" },
      name: { field: "name" },
      unitPrice: { field: "price" },
      quantity: { field: "qty" },
      image: { field: "photo" },
    },
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: {
      url: "checkout_url",
      sessionId: "session_id",
      status: "status",
      expiresAt: "expires_at",
      amountTotal: "amount",
      error: "error",
    },
    ...overrides,
  };
}

export function productRecord(
  records: FakeRecordStore,
  values: { code?: string; name: string; price: string; qty: string; photo?: string },
) {
  const photo = values.photo
    ? [{ contentType: "image/png", fileKey: values.photo, name: `${values.photo}.png`, size: "3" }]
    : [];
  return records.addRecord(APP, {
    code: { type: "SINGLE_LINE_TEXT", value: values.code ?? "" },
    name: { type: "SINGLE_LINE_TEXT", value: values.name },
    price: { type: "NUMBER", value: values.price },
    qty: { type: "NUMBER", value: values.qty },
    photo: { type: "FILE", value: photo },
    checkout_url: { type: "LINK", value: "" },
    session_id: { type: "SINGLE_LINE_TEXT", value: "" },
    status: { type: "SINGLE_LINE_TEXT", value: "" },
    expires_at: { type: "DATETIME", value: "" },
    amount: { type: "NUMBER", value: "" },
    error: { type: "SINGLE_LINE_TEXT", value: "previous error" },
  });
}
