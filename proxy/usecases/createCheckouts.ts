/**
 * POST /v1/checkouts (DESIGN §5): the proxy's main job. Records are re-read with the proxy's own
 * token (amounts never come from the caller), checked against the revisions the user saw, turned
 * into a plan by core's engine, and only a plan without issues reaches Stripe. Each planned
 * session is created under an idempotency key derived from what it is made of, so a double click
 * or a retry makes one session; its URL and state are then written back to its records.
 */
import { createHash } from "node:crypto";
import { MAX_RECORDS_PER_CHECKOUT_REQUEST } from "../../core/api/proxyApi";
import { buildCheckoutPlan } from "../../core/engine/buildCheckoutPlan";
import type { PlannedLineItem, PlannedSession } from "../../core/engine/CheckoutPlan";
import type { KintoneFile, KintoneRecord } from "../../core/kintone/KintoneRecord";
import {
  DEFAULT_EXPIRES_AFTER_MINUTES,
  type MappingConfig,
} from "../../core/mapping/MappingConfig";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { BadRequestError } from "../errors/BadRequestError";
import { RecordChangedError } from "../errors/RecordChangedError";
import { SessionNotOpenError } from "../errors/SessionNotOpenError";
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import { UpstreamError } from "../errors/UpstreamError";
import { ValidationFailedError } from "../errors/ValidationFailedError";
import type { CheckoutIntent } from "../journal/CheckoutIntentStore";
import type { JournalSession } from "../journal/SessionStore";
import type {
  CheckoutLineItemRequest,
  CheckoutSession,
  CheckoutSessionRequest,
} from "../ports/PaymentGateway";
import { writeBackFields } from "../writeback/writeBackFields";
import type { RecordWrite } from "../writeback/RecordWriter";
import { METADATA_APP_ID, recordIdsMetadata } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export const MAX_RECORDS_PER_REQUEST = MAX_RECORDS_PER_CHECKOUT_REQUEST;
/**
 * Stripe's window for `expires_at`: 30 minutes to 24 hours after it receives the request.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at
 */
const STRIPE_MIN_EXPIRY_MS = 30 * 60_000;
const STRIPE_MAX_EXPIRY_MS = 24 * 60 * 60_000;
/** Room for the request's travel time and clock skew, on both ends of that window. */
export const EXPIRY_SAFETY_MARGIN_MS = 2 * 60_000;
/**
 * Stripe keeps idempotency keys 24 hours and answers a reused key with the saved response, errors
 * included (https://docs.stripe.com/idempotency); an older intent is not replayed.
 */
const INTENT_REUSE_MS = 23 * 60 * 60_000;
/**
 * A made session's write-back is journalled as owed before it is tried, due this long after (the
 * request writes it long before; a restart delivers it at once).
 */
const OWED_WRITE_BACK_GRACE_MS = 60_000;
/** Sessions created at once for one request (grouping "perRecord"). */
const SESSION_CONCURRENCY = 4;
/** Lines of one session prepared at once (product upserts, image uploads). */
const LINE_CONCURRENCY = 4;

export type Language = "en" | "ja";

export interface CreateCheckoutsInput {
  appId: string;
  records: { id: string; revision?: string }[];
  /** The MappingConfig as a JSON string, as the plugin's stored proxy config sends it. */
  mapping: string;
  dryRun?: boolean;
  language?: Language;
}

export interface CreatedSession {
  id: string;
  url: string | null;
  expiresAt: string;
  recordIds: string[];
  currency: string;
  amountTotal: number;
  replaced: string[];
}

export interface PreviewLineItem {
  recordId: string;
  row?: number;
  productCode?: string;
  name: string;
  description?: string;
  unitAmount: number;
  quantity: number;
  minQuantity?: number;
  maxQuantity?: number;
  imageCount: number;
}

export interface PreviewSession {
  recordIds: string[];
  currency: string;
  amountTotal: number;
  lineItems: PreviewLineItem[];
}

export type CreateCheckoutsResult =
  | { kind: "created"; sessions: CreatedSession[] }
  | { kind: "preview"; preview: { sessions: PreviewSession[] } };

/**
 * `expires_at` for a session asked to last `minutes`: a little less than asked (the request takes
 * time to reach Stripe), but never so close that Stripe, receiving it later, sees it under its
 * 30-minute minimum, and never beyond its 24-hour maximum. Whole seconds, as Stripe counts.
 */
export function sessionExpiry(now: Date, minutes: number): Date {
  const asked = now.getTime() + minutes * 60_000 - EXPIRY_SAFETY_MARGIN_MS;
  const earliest = now.getTime() + STRIPE_MIN_EXPIRY_MS + EXPIRY_SAFETY_MARGIN_MS;
  const latest = now.getTime() + STRIPE_MAX_EXPIRY_MS - EXPIRY_SAFETY_MARGIN_MS;
  const chosen = Math.min(Math.max(asked, earliest), latest);
  return new Date(Math.floor(chosen / 1000) * 1000);
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

export async function createCheckouts(
  deps: UseCaseDeps,
  input: CreateCheckoutsInput,
): Promise<CreateCheckoutsResult> {
  const parsed = parseMappingConfig(input.mapping);
  if (!parsed.ok) {
    throw new BadRequestError("The mapping is not valid.", parsed.problems);
  }
  const mapping = parsed.mapping;
  if (input.records.length === 0 || input.records.length > MAX_RECORDS_PER_REQUEST) {
    throw new BadRequestError(
      `Choose between 1 and ${MAX_RECORDS_PER_REQUEST} records (use /v1/jobs for more).`,
    );
  }
  if (!deps.records.hasApp(input.appId)) {
    throw new BadRequestError(
      `The proxy has no kintone API token for app ${input.appId}; ask the IT administrator to add it to KINTONE_API_TOKENS.`,
      [{ path: "appId", message: "no API token for this app" }],
    );
  }

  const records = await deps.records.getRecords(
    input.appId,
    input.records.map((r) => r.id),
  );
  const mappingJson = JSON.stringify(mapping);
  const mappingHash = sha256(mappingJson);
  // The same request again after some or all of its sessions were made (a retry whose answer was
  // lost, or a request cut short by a restart whose owed write-backs then landed): records changed
  // only because the proxy wrote those sessions into them. Those are answered as before; records
  // nothing was written into yet go on below (their intents replay what Stripe already made).
  let replayed: CreatedSession[] = [];
  let chosen = records;
  try {
    assertRevisionsUnchanged(input.records, records);
  } catch (error) {
    const replay = replayCreatedSessions(deps, input, mapping, mappingHash, records);
    if (!replay) throw error;
    replayed = replay;
    const covered = new Set(replay.flatMap((s) => s.recordIds));
    chosen = records.filter((r) => !covered.has(String(r.$id?.value)));
    if (chosen.length === 0) return { kind: "created", sessions: replayed };
  }

  const plan = buildCheckoutPlan(chosen, mapping);
  if (!plan.ok) {
    const language = input.language ?? "en";
    throw new ValidationFailedError(
      plan.issues.map((issue) => ({
        recordId: issue.recordId,
        ...(issue.row !== undefined ? { row: issue.row } : {}),
        field: issue.field,
        code: issue.code,
        message: issue.message[language],
      })),
    );
  }

  if (input.dryRun) {
    return { kind: "preview", preview: { sessions: plan.sessions.map(toPreview) } };
  }

  const revisions = new Map(chosen.map((r) => [String(r.$id?.value), String(r.$revision?.value)]));
  // Every image is read and normalized before anything reaches Stripe: a file that is no image
  // stops the request with nothing sent.
  const images = await prepareImages(deps, input.appId, mapping, plan.sessions);

  const context: SessionContext = {
    deps,
    appId: input.appId,
    mapping,
    mappingJson,
    mappingHash,
    revisions,
    images,
  };
  const outcomes = await mapWithConcurrency(plan.sessions, SESSION_CONCURRENCY, (planned) =>
    createOneSession(context, planned).then(
      (created) => {
        // Owed from now on: should the process die before the write below, the write-back retry
        // loop of the next start delivers it (the write below clears it when kintone takes it).
        const dueBy = new Date(deps.now().getTime() + OWED_WRITE_BACK_GRACE_MS);
        for (const write of created.writes) {
          deps.journal.writeBacks.add(
            input.appId,
            write.recordId,
            write.fields,
            "not written yet",
            dueBy,
          );
        }
        return { ok: true as const, created };
      },
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );

  // A record of this request gets its new session's state, never an older session's "expired".
  // A failed session writes nothing: the caller sees the error, and the records keep the
  // revisions it knows, so the same request can simply be sent again.
  const requested = new Set(plan.sessions.flatMap((s) => s.recordIds));
  const writes: RecordWrite[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    writes.push(...outcome.created.replacedWrites.filter((w) => !requested.has(w.recordId)));
    writes.push(...outcome.created.writes);
  }
  // kintone trouble here does not undo the sessions: what fails is journalled and retried.
  await deps.writer.write(input.appId, writes);

  const failure = outcomes.find((o) => !o.ok);
  if (failure) throw failure.error;
  return {
    kind: "created",
    sessions: [...replayed, ...outcomes.flatMap((o) => (o.ok ? [o.created.session] : []))],
  };
}

/** The key of one session's intent: what it is made of, record revisions included. */
function intentBaseKey(
  appId: string,
  recordIds: string[],
  revisionOf: (recordId: string) => string,
  mappingHash: string,
): string {
  return sha256(
    [appId, ...recordIds.map((id) => `${id}@${revisionOf(id)}`), mappingHash].join("|"),
  );
}

/**
 * The sessions an identical earlier request made for the groups holding a record changed since
 * (sessions are grouped as the engine groups them: all records, or one per record); undefined when
 * one of those groups has no open session from that request (then someone else changed it).
 */
function replayCreatedSessions(
  deps: UseCaseDeps,
  input: CreateCheckoutsInput,
  mapping: MappingConfig,
  mappingHash: string,
  records: KintoneRecord[],
): CreatedSession[] | undefined {
  const sent = new Map(input.records.map((r) => [r.id, r.revision]));
  const actual = new Map(records.map((r) => [String(r.$id?.value), String(r.$revision?.value)]));
  const changed = (id: string) => sent.get(id) !== undefined && sent.get(id) !== actual.get(id);
  const ids = input.records.map((r) => r.id);
  const groups = mapping.grouping === "single" ? [ids] : ids.map((id) => [id]);
  const sessions: CreatedSession[] = [];
  for (const group of groups) {
    if (!group.some(changed)) continue;
    if (group.some((id) => sent.get(id) === undefined)) return undefined;
    const key = intentBaseKey(input.appId, group, (id) => sent.get(id) ?? "", mappingHash);
    const sessionId = deps.journal.intents.find(key)?.sessionId;
    const session = sessionId ? deps.journal.sessions.get(sessionId) : undefined;
    if (!session || session.status !== "open") return undefined;
    sessions.push({
      id: session.sessionId,
      url: session.url,
      expiresAt: session.expiresAt.toISOString(),
      recordIds: session.recordIds,
      currency: session.currency,
      amountTotal: session.amountTotal,
      replaced: [],
    });
  }
  return sessions;
}

function assertRevisionsUnchanged(
  asked: CreateCheckoutsInput["records"],
  records: KintoneRecord[],
): void {
  const changes: { recordId: string; expected: string; actual: string }[] = [];
  asked.forEach((request, i) => {
    const actual = String(records[i]?.$revision?.value ?? "");
    if (request.revision !== undefined && request.revision !== actual) {
      changes.push({ recordId: request.id, expected: request.revision, actual });
    }
  });
  if (changes.length) throw new RecordChangedError(changes);
}

function toPreview(session: PlannedSession): PreviewSession {
  return {
    recordIds: session.recordIds,
    currency: session.currency,
    amountTotal: session.amountTotal,
    lineItems: session.lineItems.map((item) => ({
      recordId: item.recordId,
      ...(item.row !== undefined ? { row: item.row } : {}),
      ...(item.productCode !== undefined ? { productCode: item.productCode } : {}),
      name: item.name,
      ...(item.description !== undefined ? { description: item.description } : {}),
      unitAmount: item.unitAmount,
      quantity: item.quantity,
      ...(item.minQuantity !== undefined ? { minQuantity: item.minQuantity } : {}),
      ...(item.maxQuantity !== undefined ? { maxQuantity: item.maxQuantity } : {}),
      imageCount: item.images.length,
    })),
  };
}

interface PreparedImage {
  /** The URL Stripe already has for this attachment or for its normalized bytes. */
  url?: string;
  /** sha-256 of the normalized bytes, when they were read this time. */
  hash?: string;
  /** Present only when Stripe has not seen these bytes yet. */
  upload?: { bytes: Uint8Array; filename: string; contentType: string };
}

/** fileKey → normalized image (hash, and bytes when they still need uploading). */
type PreparedImages = Map<string, PreparedImage>;

/** Attachments read at once (each is a kintone download and an image conversion). */
const IMAGE_CONCURRENCY = 4;

async function prepareImages(
  deps: UseCaseDeps,
  appId: string,
  mapping: MappingConfig,
  sessions: PlannedSession[],
): Promise<PreparedImages> {
  const prepared: PreparedImages = new Map();
  const files = new Map<string, { file: KintoneFile; item: PlannedLineItem }>();
  for (const session of sessions) {
    for (const item of session.lineItems) {
      for (const file of item.images) files.set(file.fileKey, { file, item });
    }
  }
  const problems: ConstructorParameters<typeof ValidationFailedError>[0] = [];
  await mapWithConcurrency([...files.values()], IMAGE_CONCURRENCY, async ({ file, item }) => {
    // A kintone file key names one stored file: once uploaded, it is not read again.
    const known = deps.journal.catalogue.getImageUrl(fileCacheKey(deps, file.fileKey));
    if (known) {
      prepared.set(file.fileKey, { url: known });
      return;
    }
    const downloaded = await deps.records.downloadFile(file.fileKey, appId);
    try {
      const normalized = await deps.imageNormalizer.normalize({
        bytes: downloaded.bytes,
        filename: file.name,
        contentType: file.contentType || downloaded.contentType,
      });
      const hash = sha256(normalized.bytes);
      const url = deps.journal.catalogue.getImageUrl(imageCacheKey(deps, hash));
      prepared.set(file.fileKey, url ? { url, hash } : { hash, upload: normalized });
    } catch (error) {
      if (!(error instanceof Error && error.name === "NotAnImageError")) throw error;
      problems.push({
        recordId: item.recordId,
        ...(item.row !== undefined ? { row: item.row } : {}),
        field: mapping.lineItem.image?.field ?? file.name,
        code: "NOT_AN_IMAGE",
        message: `The file "${file.name}" is not an image that can be shown to the buyer.`,
      });
    }
  });
  if (problems.length) throw new ValidationFailedError(problems);
  return prepared;
}

const imageCacheKey = (deps: UseCaseDeps, hash: string) => `${deps.cacheScope}:image:${hash}`;
const fileCacheKey = (deps: UseCaseDeps, fileKey: string) =>
  `${deps.cacheScope}:kintone-file:${fileKey}`;
const productCacheKey = (deps: UseCaseDeps, code: string) => `${deps.cacheScope}:product:${code}`;

interface SessionContext {
  deps: UseCaseDeps;
  appId: string;
  mapping: MappingConfig;
  mappingJson: string;
  mappingHash: string;
  revisions: Map<string, string>;
  images: PreparedImages;
}

async function createOneSession(
  context: SessionContext,
  planned: PlannedSession,
): Promise<{ session: CreatedSession; writes: RecordWrite[]; replacedWrites: RecordWrite[] }> {
  const { deps, appId, mapping } = context;
  const now = deps.now();
  const baseKey = intentBaseKey(
    appId,
    planned.recordIds,
    (id) => context.revisions.get(id) ?? "",
    context.mappingHash,
  );
  const minutes = mapping.expiresAfterMinutes ?? DEFAULT_EXPIRES_AFTER_MINUTES;
  const intent = deps.journal.intents.claim(
    baseKey,
    (existing) => isIntentReusable(context, existing, now),
    (generation) => ({
      idempotencyKey: `kintone-checkout-${baseKey}-${generation}`,
      expiresAt: sessionExpiry(now, minutes),
    }),
    now,
  );

  // A concurrent twin (double click) waits for this one and gets the same session; another
  // request for one of these records waits its turn, then finds this session open and replaces it.
  const coordination = deps.coordination;
  const recordLocks = planned.recordIds.map((id) => `record:${appId}:${id}`);
  return coordination.singleFlight(intent.idempotencyKey, () =>
    coordination.withLocks(recordLocks, async () => {
      const replaced =
        mapping.replaceOpenSession === false
          ? { ids: [], writes: [] }
          : await expireEarlierSessions(context, planned.recordIds, intent.sessionId);

      // Codes Stripe has not been asked about yet: one lookup for all of them, not one per line.
      const newCodes = planned.lineItems.flatMap((item) =>
        item.productCode !== undefined &&
        !deps.journal.catalogue.getProduct(productCacheKey(deps, item.productCode))
          ? [item.productCode]
          : [],
      );
      if (newCodes.length > 0) await deps.gateway.prepareProducts?.(newCodes);

      const lineItems: CheckoutLineItemRequest[] = await mapWithConcurrency(
        planned.lineItems,
        LINE_CONCURRENCY,
        (item) => toLineItemRequest(context, item),
      );
      const request: CheckoutSessionRequest = {
        idempotencyKey: intent.idempotencyKey,
        currency: planned.currency,
        lineItems,
        successUrl: planned.successUrl,
        ...(planned.cancelUrl !== undefined ? { cancelUrl: planned.cancelUrl } : {}),
        expiresAt: intent.expiresAt,
        ...(planned.customerEmail !== undefined ? { customerEmail: planned.customerEmail } : {}),
        ...(mapping.locale !== undefined ? { locale: mapping.locale } : {}),
        ...(mapping.allowPromotionCodes !== undefined
          ? { allowPromotionCodes: mapping.allowPromotionCodes }
          : {}),
        ...(mapping.billingAddressCollection !== undefined
          ? { billingAddressCollection: mapping.billingAddressCollection }
          : {}),
        clientReferenceId: clientReferenceId(appId, planned.recordIds),
        metadata: { [METADATA_APP_ID]: appId, ...recordIdsMetadata(planned.recordIds) },
      };
      let session: CheckoutSession;
      try {
        session = await deps.gateway.createCheckoutSession(request);
      } catch (error) {
        // A refusal is saved by Stripe under the key: the next attempt needs a new key. But when
        // the answer may have been lost (no answer, 409, 429, 5xx), the session may exist: the next
        // attempt resends the same key, so Stripe replays it instead of making a second one.
        if (!mayHaveBeenCreated(deps, intent.idempotencyKey, error)) {
          deps.journal.intents.abandon(baseKey, intent.idempotencyKey);
        }
        // A cached product may have been deleted in Stripe since: the next attempt asks again.
        for (const item of planned.lineItems) {
          if (item.productCode !== undefined) {
            deps.journal.catalogue.deleteProduct(productCacheKey(deps, item.productCode));
          }
        }
        throw error;
      }
      const journalled = journalSession(context, planned, session, now);
      deps.journal.sessions.save(journalled);
      deps.journal.intents.complete(baseKey, intent.idempotencyKey, session.id);
      deps.logger.info(
        { appId, sessionId: session.id, recordIds: planned.recordIds, replaced: replaced.ids },
        "checkout session created",
      );

      const fields = writeBackFields(mapping.writeBack, {
        sessionId: session.id,
        url: session.url,
        status: session.status,
        // A new link starts unpaid: a record paid or refunded through an earlier link must not
        // show that payment next to the new link.
        paymentStatus: session.paymentStatus,
        expiresAt: session.expiresAt,
        amountTotal: { amount: journalled.amountTotal, currency: journalled.currency },
        paidAt: null,
        customerEmail: session.customerEmail ?? planned.customerEmail ?? null,
        error: "",
      });
      return {
        session: {
          id: session.id,
          url: session.url,
          expiresAt: session.expiresAt.toISOString(),
          recordIds: planned.recordIds,
          currency: journalled.currency,
          amountTotal: journalled.amountTotal,
          replaced: replaced.ids,
        },
        writes: planned.recordIds.map((recordId) => ({ recordId, fields })),
        replacedWrites: replaced.writes,
      };
    }),
  );
}

/** Per journal: keys whose session create already got one 5xx answer in this process. */
const serverErrorKeys = new WeakMap<UseCaseDeps["journal"], Set<string>>();

/**
 * Whether a failed create may still have made its session, so its key must be sent again. Not
 * for a refusal (4xx). For no answer at all (network, timeout), 409 (key in use) and 429 (not
 * executed), yes: Stripe saved nothing else under the key. For a 5xx, yes the first time; a second
 * 5xx under the same key is Stripe replaying a saved failure (https://docs.stripe.com/idempotency),
 * and only a new key can get past it.
 */
function mayHaveBeenCreated(deps: UseCaseDeps, idempotencyKey: string, error: unknown): boolean {
  if (!(error instanceof UpstreamError) || !error.retryable) return false;
  const status = error.upstreamStatus;
  if (status === undefined || status < 500) return true;
  let seen = serverErrorKeys.get(deps.journal);
  if (!seen) serverErrorKeys.set(deps.journal, (seen = new Set()));
  if (seen.delete(idempotencyKey)) return false;
  seen.add(idempotencyKey);
  return true;
}

/**
 * An intent is replayed (same key, same parameters → Stripe answers with the same session) while
 * its session is still open, its key is still kept by Stripe, and its `expires_at` is still far
 * enough ahead to be accepted should the first attempt never have reached Stripe.
 */
function isIntentReusable(context: SessionContext, intent: CheckoutIntent, now: Date): boolean {
  const stillAcceptable =
    intent.expiresAt.getTime() >= now.getTime() + STRIPE_MIN_EXPIRY_MS + EXPIRY_SAFETY_MARGIN_MS;
  const keyKept = now.getTime() - intent.createdAt.getTime() < INTENT_REUSE_MS;
  if (intent.abandoned || !stillAcceptable || !keyKept) return false;
  if (intent.sessionId === null) return true;
  return context.deps.journal.sessions.get(intent.sessionId)?.status === "open";
}

/**
 * Expires the records' earlier open sessions (known from the journal), except `keep` (the session
 * this very request replays). Records of an expired session not in the new one learn it expired.
 */
async function expireEarlierSessions(
  context: SessionContext,
  recordIds: string[],
  keep: string | null,
): Promise<{ ids: string[]; writes: RecordWrite[] }> {
  const { deps, appId } = context;
  const earlier = new Map<string, JournalSession>();
  for (const recordId of recordIds) {
    for (const session of deps.journal.sessions.findOpenForRecord(appId, recordId)) {
      if (session.sessionId !== keep) earlier.set(session.sessionId, session);
    }
  }
  const ids: string[] = [];
  const writes: RecordWrite[] = [];
  for (const session of earlier.values()) {
    let status: CheckoutSession["status"] = "expired";
    try {
      await deps.gateway.expireCheckoutSession(session.sessionId);
      ids.push(session.sessionId);
    } catch (error) {
      if (error instanceof SessionNotOpenError) {
        status = (error.details[0] as { status?: CheckoutSession["status"] })?.status ?? "expired";
      } else if (!(error instanceof SessionNotFoundError)) {
        throw error;
      }
    }
    deps.journal.sessions.updateState(session.sessionId, { status });
    const others = session.recordIds.filter((id) => !recordIds.includes(id));
    const mapping = parseMappingConfig(session.mappingJson);
    if (others.length && mapping.ok && status === "expired") {
      const fields = writeBackFields(mapping.mapping.writeBack, { status });
      writes.push(...others.map((recordId) => ({ recordId, fields })));
    }
  }
  return { ids, writes };
}

async function toLineItemRequest(
  context: SessionContext,
  item: PlannedLineItem,
): Promise<CheckoutLineItemRequest> {
  const imageUrls: string[] = [];
  for (const file of item.images) {
    const prepared = context.images.get(file.fileKey);
    if (prepared) imageUrls.push(await imageUrl(context, file.fileKey, prepared));
  }
  const adjustable =
    item.minQuantity !== undefined || item.maxQuantity !== undefined
      ? {
          adjustableQuantity: {
            ...(item.minQuantity !== undefined ? { minimum: item.minQuantity } : {}),
            ...(item.maxQuantity !== undefined ? { maximum: item.maxQuantity } : {}),
          },
        }
      : {};
  const description = item.description !== undefined ? { description: item.description } : {};
  const product =
    item.productCode !== undefined
      ? await catalogueProduct(context, {
          code: item.productCode,
          name: item.name,
          ...description,
          // No image on this line keeps whatever images the product already has.
          ...(imageUrls.length ? { images: imageUrls } : {}),
        })
      : { name: item.name, ...description, ...(imageUrls.length ? { images: imageUrls } : {}) };
  return { product, unitAmount: item.unitAmount, quantity: item.quantity, ...adjustable };
}

/** Uploads bytes Stripe has not seen yet (by their hash); otherwise the URL it has. */
async function imageUrl(
  context: SessionContext,
  fileKey: string,
  prepared: PreparedImage,
): Promise<string> {
  const { deps } = context;
  if (prepared.url) {
    deps.journal.catalogue.putImageUrl(fileCacheKey(deps, fileKey), prepared.url);
    return prepared.url;
  }
  const { hash, upload } = prepared;
  if (!hash || !upload) throw new Error("an image was prepared without bytes or a URL");
  const key = imageCacheKey(deps, hash);
  const url =
    deps.journal.catalogue.getImageUrl(key) ??
    (await deps.coordination.singleFlight(key, async () => {
      const uploaded = await deps.gateway.uploadProductImage(upload);
      deps.journal.catalogue.putImageUrl(key, uploaded.url);
      return uploaded.url;
    }));
  deps.journal.catalogue.putImageUrl(fileCacheKey(deps, fileKey), url);
  return url;
}

/** The product id for a code, calling Stripe only when the product is new or its content changed. */
async function catalogueProduct(
  context: SessionContext,
  details: { code: string; name: string; description?: string; images?: string[] },
): Promise<{ id: string }> {
  const { deps } = context;
  const key = productCacheKey(deps, details.code);
  const contentHash = sha256(
    JSON.stringify([details.name, details.description ?? null, details.images ?? null]),
  );
  const cached = deps.journal.catalogue.getProduct(key);
  if (cached && cached.contentHash === contentHash) return { id: cached.productId };
  return deps.coordination.singleFlight(`${key}:${contentHash}`, async () => {
    const { productId } = await deps.gateway.upsertProduct(details);
    deps.journal.catalogue.putProduct(key, { productId, contentHash });
    return { id: productId };
  });
}

/** Stripe's `client_reference_id`: up to 200 characters of letters, digits, `-` and `_`. */
function clientReferenceId(appId: string, recordIds: string[]): string {
  const full = `kintone-${appId}-${recordIds.join("-")}`;
  if (full.length <= 200) return full;
  return `kintone-${appId}-${recordIds[0]}-and-${recordIds.length - 1}-more`;
}

function journalSession(
  context: SessionContext,
  planned: PlannedSession,
  session: CheckoutSession,
  now: Date,
): JournalSession {
  return {
    sessionId: session.id,
    appId: context.appId,
    recordIds: planned.recordIds,
    mappingJson: context.mappingJson,
    status: session.status,
    paymentStatus: session.paymentStatus,
    url: session.url,
    currency: session.currency ?? planned.currency,
    amountTotal: session.amountTotal ?? planned.amountTotal,
    customerEmail: session.customerEmail ?? planned.customerEmail ?? null,
    expiresAt: session.expiresAt,
    createdAt: session.createdAt ?? now,
    paidAt: null,
  };
}

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * One session for one record already read: a job's unit of work (DESIGN §5 /v1/jobs). Planned,
 * its images prepared, created under the same intent key as a /v1/checkouts request for that
 * record, revision and mapping (so a retry after a crash gets the same session, and the record's
 * lock keeps it to one open session). Nothing is written back: the caller batches the writes.
 * Fails as createCheckouts does (ValidationFailedError, UpstreamError, …).
 */
export async function createSessionForRecord(
  deps: UseCaseDeps,
  input: { appId: string; mapping: MappingConfig; record: KintoneRecord; language?: Language },
): Promise<{ session: CreatedSession; replacedWrites: RecordWrite[] }> {
  const { appId, mapping, record } = input;
  const plan = buildCheckoutPlan([record], mapping);
  if (!plan.ok) {
    const language = input.language ?? "en";
    throw new ValidationFailedError(
      plan.issues.map((issue) => ({
        recordId: issue.recordId,
        ...(issue.row !== undefined ? { row: issue.row } : {}),
        field: issue.field,
        code: issue.code,
        message: issue.message[language],
      })),
    );
  }
  const [planned] = plan.sessions;
  if (!planned || plan.sessions.length !== 1) {
    throw new Error("one record must plan exactly one session");
  }
  const mappingJson = JSON.stringify(mapping);
  const context: SessionContext = {
    deps,
    appId,
    mapping,
    mappingJson,
    mappingHash: sha256(mappingJson),
    revisions: new Map([[String(record.$id?.value), String(record.$revision?.value)]]),
    images: await prepareImages(deps, appId, mapping, plan.sessions),
  };
  const created = await createOneSession(context, planned);
  return { session: created.session, replacedWrites: created.replacedWrites };
}
