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
import { paymentEventToJson } from "./paymentEventJson";
import { applyInvoicePaid } from "./applyInvoicePaid";
import { writeSessionInvoice } from "../writeback/writeSessionInvoice";

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
  if (event.type === "invoice.paid") return applyInvoicePaid(deps, event);
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
  return applied.changed ? "applied" : "no_change";
}

async function findSession(
  deps: PaymentEventDeps,
  event: Exclude<PaymentEvent, { type: "unhandled" | "invoice.paid" }>,
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

async function unknownSession(
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
