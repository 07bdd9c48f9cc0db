/**
 * The one place a session's state changes, for webhooks, the event catch-up, sync and expire:
 * under the session's lock, `nextSessionState` weighs what was learnt against the journal (state
 * only moves forward), the journal takes the result, then the records receive the journal's whole
 * state — so a late event or an old snapshot cannot move the journal or the records backwards.
 * A session holding a payment then settles its records' other sessions (`settleRecordSessions`),
 * outside its lock: two sessions paid at once must not wait for each other's. A change that made
 * the session paid, expired or refunded then runs the mapping's process-management actions; one
 * that refunded a record's second payment shows the record the payment it keeps.
 */
import type { Logger } from "pino";
import type { Coordination } from "../deps/Coordination";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutBuyer, PaymentGateway } from "../ports/PaymentGateway";
import type { RecordStore } from "../ports/RecordStore";
import type { RecordWriter } from "../writeback/RecordWriter";
import { holdsPayment } from "../writeback/recordsShowingSession";
import { sessionWriteBackState } from "../writeback/sessionWriteBackState";
import { writeSessionState } from "../writeback/writeSessionState";
import { nextSessionState, type SessionChange } from "./nextSessionState";
import { runProcessActions } from "./runProcessActions";
import { settleRecordSessions } from "./settleRecordSessions";
import { showKeptPayment } from "./showKeptPayment";

export interface SessionChangeDeps {
  journal: Journal;
  /** Expires a paid record's other open sessions. */
  gateway: PaymentGateway;
  writer: RecordWriter;
  /** Runs the mapping's process-management actions on the records. */
  records: RecordStore;
  logger: Logger;
  /** The proxy's per-key locks: a session's state is changed by one caller at a time. */
  coordination: Coordination;
}

export interface SessionChangeStep {
  /** The session as the journal holds it. */
  current: JournalSession;
  /** What was learnt; absent parts say nothing. */
  change: SessionChange;
  /** Write the records even when the journal already holds the state (a retry, a sync). */
  writeUnchanged: boolean;
  /** Stripe's own copy of the session, whose expiry and currency the records also receive. */
  snapshot?: { expiresAt: Date; currency: string | null };
  /** The buyer Stripe's completed session names, written with the state (not journalled). */
  buyer?: CheckoutBuyer;
}

type MaybeStep = SessionChangeStep | undefined;

export interface AppliedSessionChange {
  /** The journal's session after the change. */
  session: JournalSession;
  changed: boolean;
}

/**
 * Under the session's lock, `prepare` reads the journal's session (and may do what must happen
 * under the same lock, journal calls included); it returns what to apply, or `undefined` to apply
 * nothing.
 */
export function applySessionChange(
  deps: SessionChangeDeps,
  sessionId: string,
  prepare: (
    journalled: JournalSession | undefined,
  ) => SessionChangeStep | Promise<SessionChangeStep>,
): Promise<AppliedSessionChange>;
export function applySessionChange(
  deps: SessionChangeDeps,
  sessionId: string,
  prepare: (journalled: JournalSession | undefined) => MaybeStep | Promise<MaybeStep>,
): Promise<AppliedSessionChange | undefined>;
export async function applySessionChange(
  deps: SessionChangeDeps,
  sessionId: string,
  prepare: (journalled: JournalSession | undefined) => MaybeStep | Promise<MaybeStep>,
): Promise<AppliedSessionChange | undefined> {
  const applied = await applyUnderLock(deps, sessionId, prepare);
  if (applied && holdsPayment(applied.session) && (applied.changed || applied.written)) {
    await settleRecordSessions(deps, applied.session);
  }
  if (applied?.changed) {
    await showKeptPayment(deps, applied.previous, applied.session);
    await runProcessActions(deps, applied.previous, applied.session);
  }
  return applied && { session: applied.session, changed: applied.changed };
}

function applyUnderLock(
  deps: SessionChangeDeps,
  sessionId: string,
  prepare: (journalled: JournalSession | undefined) => MaybeStep | Promise<MaybeStep>,
): Promise<(AppliedSessionChange & { written: boolean; previous: JournalSession }) | undefined> {
  return deps.coordination.withLocks([`stripe-session:${sessionId}`], async () => {
    const step = await prepare(await deps.journal.sessions.get(sessionId));
    if (!step) return undefined;
    const { current } = step;
    const { state, changed } = nextSessionState(current, step.change);
    const session = changed
      ? ((await deps.journal.sessions.updateState(sessionId, {
          status: state.status,
          paymentStatus: state.paymentStatus,
          paidAt: state.paidAt,
          amountTotal: state.amountTotal,
          customerEmail: state.customerEmail,
          amountRefunded: state.amountRefunded,
          refund: state.refund,
          dispute: state.dispute,
          paymentIntentId: state.paymentIntentId,
          recoveryUrl: state.recoveryUrl,
        })) ?? current)
      : current;
    const written = changed || step.writeUnchanged;
    if (written) {
      const state = sessionWriteBackState(session, step.snapshot);
      await writeSessionState(deps, session, step.buyer ? { ...state, buyer: step.buyer } : state);
    }
    return { session, changed, written, previous: current };
  });
}
