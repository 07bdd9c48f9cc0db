/**
 * The journal ties a subscription to the session that made it (its records, its mapping), and the
 * records receive its id, once the completed session names it.
 */
import type { Logger } from "pino";
import type { Coordination } from "../deps/Coordination";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import type { RecordWriter } from "../writeback/RecordWriter";
import { writeSubscriptionState } from "./writeSubscriptionState";

export interface SubscriptionLinkDeps {
  journal: Journal;
  writer: RecordWriter;
  logger: Logger;
  coordination: Coordination;
}

/**
 * A completed subscription session names its subscription: the journal ties it to the session
 * (its records and mapping) and the records receive its id. True when it was not known before.
 */
export async function linkSessionSubscription(
  deps: SubscriptionLinkDeps,
  session: JournalSession,
  subscriptionId: string,
): Promise<boolean> {
  return deps.coordination.withLocks([subscriptionLock(subscriptionId)], async () => {
    if (await deps.journal.subscriptions.get(subscriptionId)) return false;
    const subscription = newSubscription(subscriptionId, session);
    await deps.journal.subscriptions.save(subscription);
    await writeSubscriptionState(deps, subscription);
    return true;
  });
}

/** A subscription just tied to its session: no event has told its state yet. */
export function newSubscription(
  subscriptionId: string,
  session: Pick<JournalSession, "sessionId" | "appId" | "recordIds">,
): JournalSubscription {
  return {
    subscriptionId,
    sessionId: session.sessionId,
    appId: session.appId,
    recordIds: session.recordIds,
    status: null,
    statusAt: 0,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    billedPeriodEnd: null,
    paymentStatus: null,
    paidPeriodEnd: null,
    paidAt: null,
  };
}

export function subscriptionLock(subscriptionId: string): string {
  return `stripe-subscription:${subscriptionId}`;
}
