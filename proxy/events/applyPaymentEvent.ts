/**
 * Stripe events → journal → records. Every event is stored before it is applied (a crash in
 * between leaves it stored and unapplied: the next catch-up pass applies it), and applied once.
 * The session's state changes through `applySessionChange` (forward only, the records receive the
 * journal's whole state), so a late or replayed event cannot regress them.
 */
import type { JournalSession } from "../journal/SessionStore";
import type { PaymentEvent } from "../ports/PaymentEvent";
import type { PaymentGateway } from "../ports/PaymentGateway";
import { adoptRecoveredSession } from "../sessions/adoptRecoveredSession";
import { applySessionChange, type SessionChangeDeps } from "../sessions/applySessionChange";
import { sessionChangeFromEvent } from "../sessions/sessionChangeFromEvent";
import { METADATA_APP_ID } from "../sessions/sessionView";
import { paymentEventFromJson, paymentEventToJson } from "./paymentEventJson";
import { applyInvoicePaid } from "./applyInvoicePaid";
import { writeSessionInvoice } from "../writeback/writeSessionInvoice";
import { applySubscriptionEvent } from "./applySubscriptionEvent";
import { linkSessionSubscription } from "../subscriptions/linkSessionSubscription";

export interface PaymentEventDeps extends SessionChangeDeps {
  gateway: PaymentGateway;
  now: () => Date;
  /** kintone apps this proxy has tokens for: their sessions may still reach the journal. */
  servedAppIds: readonly string[];
}

export type EventOutcome =
  | "applied"
  | "no_change"
  | "duplicate"
  | "unhandled"
  | "unknown_session"
  /** Not applied now (kept for the next pass): see the log. */
  | "deferred";

/**
 * A session we serve (by its metadata) that the journal does not know yet — its create and its
 * first event can race — is waited for this long before its events are given up.
 */
const UNKNOWN_SESSION_GRACE_SECONDS = 24 * 60 * 60;
/** How many stored, unapplied events are looked through for a subscription's early events. */
const UNAPPLIED_SCAN = 500;

/** Stores the event (deduplicated by id), then applies it. */
export async function ingestPaymentEvent(
  deps: PaymentEventDeps,
  event: PaymentEvent,
): Promise<EventOutcome> {
  const stored = await deps.journal.stripeEvents.store(
    {
      eventId: event.id,
      type: event.type === "unhandled" ? event.stripeType : event.type,
      created: event.created,
      payloadJson: paymentEventToJson(event),
    },
    deps.now(),
  );
  if (stored.applied) return "duplicate";
  return applyStoredPaymentEvent(deps, event, { retry: !stored.isNew });
}

/**
 * Applies an event already stored. `retry`: it was stored earlier and not applied (a crash may
 * have come between the journal's update and the records' write), so the records are written
 * even when the journal already holds the event's state.
 */
export async function applyStoredPaymentEvent(
  deps: PaymentEventDeps,
  event: PaymentEvent,
  options: { retry: boolean },
): Promise<EventOutcome> {
  try {
    const outcome = await applyEvent(deps, event, options.retry);
    if (outcome !== "deferred" && outcome !== "duplicate") {
      await deps.journal.stripeEvents.markApplied(event.id, outcome, deps.now());
    }
    deps.logger.info({ eventId: event.id, type: event.type, outcome }, "Stripe event");
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.journal.stripeEvents.recordFailure(event.id, message);
    deps.logger.warn(
      { eventId: event.id, type: event.type, err: error },
      "Stripe event not applied; kept for the next catch-up pass",
    );
    return "deferred";
  }
}

async function applyEvent(
  deps: PaymentEventDeps,
  event: PaymentEvent,
  retry: boolean,
): Promise<EventOutcome> {
  if (event.type === "unhandled") return "unhandled";
  if (event.type === "invoice.paid" || event.type === "invoice.payment_failed") {
    // A subscription's invoice bills a period; another is the invoice a paid session was issued.
    if (event.invoice.subscription) return applySubscriptionEvent(deps, event, retry);
    return event.type === "invoice.paid" ? applyInvoicePaid(deps, event) : "unhandled";
  }
  if ("subscription" in event) return applySubscriptionEvent(deps, event, retry);
  const target = await findSession(deps, event);
  if (!target.journalled) return unknownSession(deps, event, target.appId);
  const sessionId = target.journalled.sessionId;

  // One event of a session at a time: journal update and record write stay in step.
  const applied = await applySessionChange(deps, sessionId, async (journalled) => {
    if ((await deps.journal.stripeEvents.get(event.id))?.appliedAt) return undefined;
    if ("session" in event && event.session.paymentIntentId) {
      await deps.journal.sessions.linkPaymentIntent(event.session.paymentIntentId, sessionId);
    }
    return {
      current: journalled ?? target.journalled!,
      change: sessionChangeFromEvent(event),
      writeUnchanged: retry,
      ...("session" in event && event.session.buyer ? { buyer: event.session.buyer } : {}),
    };
  });
  if (!applied) return "duplicate";
  if ("session" in event) await writeSessionInvoice(deps, applied.session, event.session);
  const subscriptionId = "session" in event ? event.session.subscriptionId : undefined;
  if (subscriptionId && (await linkSessionSubscription(deps, applied.session, subscriptionId))) {
    await applyEventsWaitingFor(deps, subscriptionId, event.id);
  }
  return applied.changed ? "applied" : "no_change";
}

/**
 * A subscription's events that came before its session's completion were kept unapplied: now
 * that the journal knows the subscription, they are applied at once (not at the next catch-up).
 */
async function applyEventsWaitingFor(
  deps: PaymentEventDeps,
  subscriptionId: string,
  linkingEventId: string,
): Promise<void> {
  const waiting = (await deps.journal.stripeEvents.listUnapplied(UNAPPLIED_SCAN)).filter(
    (stored) => stored.eventId !== linkingEventId && stored.payloadJson.includes(subscriptionId),
  );
  for (const stored of waiting) {
    await applyStoredPaymentEvent(deps, paymentEventFromJson(stored.payloadJson), { retry: true });
  }
}

async function findSession(
  deps: PaymentEventDeps,
  event: Extract<PaymentEvent, { session: unknown } | { charge: unknown } | { dispute: unknown }>,
): Promise<{ journalled: JournalSession | undefined; appId: string | undefined }> {
  if ("session" in event) {
    return {
      journalled:
        (await deps.journal.sessions.get(event.session.id)) ??
        (await adoptRecoveredSession(deps.journal, event.session)),
      appId: event.session.metadata[METADATA_APP_ID],
    };
  }
  const paymentIntent =
    "charge" in event ? event.charge.paymentIntentId : event.dispute.paymentIntentId;
  if (!paymentIntent) return { journalled: undefined, appId: undefined };
  const known = await deps.journal.sessions.idForPaymentIntent(paymentIntent);
  if (known) return { journalled: await deps.journal.sessions.get(known), appId: undefined };
  // The refund came before (or without) the session's completed event: ask Stripe.
  const { sessions } = await deps.gateway.listCheckoutSessions({ paymentIntent, limit: 1 });
  const session = sessions[0];
  if (!session) return { journalled: undefined, appId: undefined };
  await deps.journal.sessions.linkPaymentIntent(paymentIntent, session.id);
  return {
    journalled: await deps.journal.sessions.get(session.id),
    appId: session.metadata[METADATA_APP_ID],
  };
}

/** An event of a session (or subscription) the journal does not know: kept a while if ours. */
export async function unknownSession(
  deps: PaymentEventDeps,
  event: PaymentEvent,
  appId: string | undefined,
): Promise<EventOutcome> {
  const ours = appId !== undefined && deps.servedAppIds.includes(appId);
  const ageSeconds = deps.now().getTime() / 1000 - event.created;
  if (ours && ageSeconds < UNKNOWN_SESSION_GRACE_SECONDS) {
    await deps.journal.stripeEvents.recordFailure(event.id, "session not in the journal yet");
    return "deferred";
  }
  return "unknown_session";
}
