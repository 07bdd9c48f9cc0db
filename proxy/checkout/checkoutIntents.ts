/**
 * A checkout intent is the journal's memory of one session being made: its idempotency key and
 * `expires_at`, derived from what the session is made of, so a double click or a retry sends Stripe
 * the same key and gets the same session.
 */
import {
  DEFAULT_EXPIRES_AFTER_MINUTES,
  type MappingConfig,
} from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { UpstreamError } from "../errors/UpstreamError";
import type { CheckoutIntent } from "../journal/CheckoutIntentStore";
import type { SessionStatus } from "../ports/PaymentGateway";
import type { SessionContext } from "./sessionContext";
import { earliestAcceptedExpiry, sessionExpiry } from "./sessionExpiry";
import { sha256 } from "./sha256";

/**
 * Stripe keeps idempotency keys 24 hours and answers a reused key with the saved response, errors
 * included (https://docs.stripe.com/idempotency); an older intent is not replayed.
 */
const INTENT_REUSE_MS = 23 * 60 * 60_000;

export const hashOfMapping = (mapping: MappingConfig): string => sha256(JSON.stringify(mapping));

/** The key of one session's intent: what it is made of, record revisions included. */
export function intentBaseKey(
  appId: string,
  recordIds: string[],
  revisionOf: (recordId: string) => string,
  mappingHash: string,
): string {
  return sha256(
    [appId, ...recordIds.map((id) => `${id}@${revisionOf(id)}`), mappingHash].join("|"),
  );
}

/** The intent for a session of these records: the earlier one while reusable, else a new key. */
export function claimIntent(
  context: SessionContext,
  recordIds: string[],
  now: Date,
): Promise<CheckoutIntent> {
  const { deps, appId, mapping } = context;
  const baseKey = intentBaseKey(
    appId,
    recordIds,
    (id) => context.revisions.get(id) ?? "",
    context.mappingHash,
  );
  const minutes = mapping.expiresAfterMinutes ?? DEFAULT_EXPIRES_AFTER_MINUTES;
  return deps.journal.intents.claim(
    baseKey,
    (existing, sessionStatus) => isIntentReusable(existing, sessionStatus, now),
    (generation) => ({
      idempotencyKey: `kintone-checkout-${baseKey}-${generation}`,
      expiresAt: sessionExpiry(now, minutes),
    }),
    now,
  );
}

/**
 * After a failed create. A refusal is saved by Stripe under the key: the next attempt needs a new
 * key, so the intent is abandoned. But when the answer may have been lost (no answer, 409, 429,
 * 5xx), the session may exist: the intent stays, the next attempt resends the same key, and Stripe
 * replays the session instead of making a second one.
 */
export async function settleFailedIntent(
  deps: UseCaseDeps,
  intent: CheckoutIntent,
  error: unknown,
): Promise<void> {
  if (!mayHaveBeenCreated(deps, intent.idempotencyKey, error)) {
    await deps.journal.intents.abandon(intent.baseKey, intent.idempotencyKey);
  }
}

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
  return deps.serverErrorKeys.isFirst(idempotencyKey);
}

/**
 * An intent is replayed (same key, same parameters → Stripe answers with the same session) while
 * its session is still open, its key is still kept by Stripe, and its `expires_at` is still far
 * enough ahead to be accepted should the first attempt never have reached Stripe.
 */
function isIntentReusable(
  intent: CheckoutIntent,
  sessionStatus: SessionStatus | undefined,
  now: Date,
): boolean {
  const stillAcceptable = intent.expiresAt.getTime() >= earliestAcceptedExpiry(now);
  const keyKept = now.getTime() - intent.createdAt.getTime() < INTENT_REUSE_MS;
  if (intent.abandoned || !stillAcceptable || !keyKept) return false;
  if (intent.sessionId === null) return true;
  return sessionStatus === "open";
}
