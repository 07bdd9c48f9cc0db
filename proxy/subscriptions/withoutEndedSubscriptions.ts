/**
 * The paid guard's word on subscription sessions. A subscription session's payment bills its
 * record while the subscription runs — `active`, `trialing`, and also `past_due`, `unpaid`,
 * `incomplete` or `paused`: Stripe still retries or resumes it, so a new link would start a
 * second subscription for the same record (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses).
 * Once it is `canceled` (or `incomplete_expired`) it bills no more: the record may be billed again.
 */
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";

const ENDED_STATUSES = ["canceled", "incomplete_expired"];

export async function withoutEndedSubscriptions<T extends Pick<JournalSession, "sessionId">>(
  journal: Journal,
  sessions: readonly T[],
): Promise<T[]> {
  const kept: T[] = [];
  for (const session of sessions) {
    const subscription = await journal.subscriptions.getForSession(session.sessionId);
    const ended = subscription?.status != null && ENDED_STATUSES.includes(subscription.status);
    if (!ended) kept.push(session);
  }
  return kept;
}
