import type { CreatedSession } from "../../core/api/proxyApi";
import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import type { CheckoutIntent } from "../journal/CheckoutIntentStore";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";
import type { RecordWrite } from "../writeback/RecordWriter";
import { mappingWriteBackFields } from "../writeback/mappingWriteBackFields";
import { claimIntent, settleFailedIntent } from "./checkoutIntents";
import { expireEarlierSessions } from "./expireEarlierSessions";
import { refuseBilledRecords } from "./refuseBilledRecords";
import { forgetProducts, lookUpNewProducts } from "./productCatalogue";
import type { SessionContext } from "./sessionContext";
import { sessionImageUrls } from "./sessionImageUrls";
import { toSessionRequest } from "./sessionRequest";
import { forgetTaxRates } from "../tax/taxRateCatalogue";

/** A session made (or replayed) in Stripe and journalled; its record writes are the caller's. */
export interface MadeSession {
  session: CreatedSession;
  /** The new session's state for each of its records. */
  writes: RecordWrite[];
  /** "expired" for the other records of the earlier sessions it replaced. */
  replacedWrites: RecordWrite[];
}

/**
 * One planned session, under its intent: the records' earlier open sessions expired (unless the
 * mapping keeps them), the session created in Stripe, journalled and its intent completed.
 */
export async function createOneSession(
  context: SessionContext,
  planned: PlannedSession,
): Promise<MadeSession> {
  const { deps, appId, mapping } = context;
  const now = deps.now();
  const intent = await claimIntent(context, planned.recordIds, now);

  // A concurrent twin (double click) waits for this one and gets the same session; another
  // request for one of these records waits its turn, then finds this session open and replaces it.
  const coordination = deps.coordination;
  const recordLocks = planned.recordIds.map((id) => `record:${appId}:${id}`);
  return coordination.singleFlight(intent.idempotencyKey, () =>
    coordination.withLocks(recordLocks, async () => {
      // Again under the records' locks: a payment may have been applied since the request's check.
      try {
        await refuseBilledRecords(deps.journal, appId, mapping, planned.recordIds);
      } catch (error) {
        await deps.journal.intents.abandon(intent.baseKey, intent.idempotencyKey);
        throw error;
      }
      // A twin on another proxy may have made this intent's session while this one waited for the
      // locks: that session is the one to keep, never one to expire.
      const latest = await deps.journal.intents.find(intent.baseKey);
      const keep =
        latest?.idempotencyKey === intent.idempotencyKey
          ? (latest.sessionId ?? intent.sessionId)
          : intent.sessionId;
      const replaced =
        mapping.replaceOpenSession === false
          ? { ids: [], writes: [] }
          : await expireEarlierSessions(context, planned.recordIds, keep).catch(
              async (error: unknown) => {
                // Nothing was made under this intent: a later, allowed request may use its key.
                await deps.journal.intents.abandon(intent.baseKey, intent.idempotencyKey);
                throw error;
              },
            );
      let made = intent;
      let session = await createInStripe(context, planned, made);
      if (replaced.ids.includes(session.id)) {
        // A proxy that died after journalling this intent's session, before completing the intent,
        // left it as the record's open session: it was just expired as an earlier one, and the key
        // replays it. A fresh key (the intent abandoned, a new generation) makes a live session.
        await deps.journal.intents.abandon(intent.baseKey, intent.idempotencyKey);
        made = await claimIntent(context, planned.recordIds, now);
        session = await createInStripe(context, planned, made);
      }
      const journalled = journalSession(context, planned, session, now);
      await deps.journal.sessions.save(journalled);
      await deps.journal.intents.complete(made.baseKey, made.idempotencyKey, session.id);
      deps.logger.info(
        { appId, sessionId: session.id, recordIds: planned.recordIds, replaced: replaced.ids },
        "checkout session created",
      );

      const fields = mappingWriteBackFields(mapping, {
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
          // Stripe's, for an embedded session's page; null for a hosted one (its page is `url`).
          clientSecret: session.clientSecret,
        },
        writes: planned.recordIds.map((recordId) => ({ recordId, fields })),
        replacedWrites: replaced.writes,
      };
    }),
  );
}

/**
 * The session's products and images made known to Stripe, then the session itself, in as few
 * round trips as the answers allow: the product search and the image uploads together, then
 * every product (which needs both), then the session.
 */
async function createInStripe(
  context: SessionContext,
  planned: PlannedSession,
  intent: CheckoutIntent,
): Promise<CheckoutSession> {
  const { deps } = context;
  const codes = planned.lineItems.flatMap((item) =>
    item.productCode !== undefined ? [item.productCode] : [],
  );
  const [, imageUrls] = await Promise.all([
    lookUpNewProducts(deps, codes),
    sessionImageUrls(context, planned),
  ]);
  const request = await toSessionRequest(context, planned, intent, imageUrls);
  try {
    return await deps.gateway.createCheckoutSession(request);
  } catch (error) {
    await settleFailedIntent(deps, intent, error);
    // A cached product may have been deleted in Stripe since: the next attempt asks again.
    await forgetProducts(deps, codes);
    await forgetTaxRates(deps, context.mapping, planned);
    throw error;
  }
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
