/**
 * The subscriptions the proxy's subscription sessions made, and what their events told so far:
 * Stripe's state and period, and whether the newest period billed was paid or failed. The
 * records receive this state; `nextSubscriptionState` keeps it moving forward only.
 */

export interface JournalSubscription {
  subscriptionId: string;
  /** The session that made it: its records, its mapping. */
  sessionId: string;
  appId: string;
  recordIds: string[];
  /** Stripe's (`active`, `past_due`, `canceled`, …); null until an event tells. */
  status: string | null;
  /** Stripe's clock (unix seconds) of the event that told `status`; 0 before any. */
  statusAt: number;
  /** Unix seconds; null until an event tells. */
  currentPeriodEnd: number | null;
  cancelAtPeriodEnd: boolean;
  /** The newest period billed (the end of it, unix seconds), and whether it was paid or failed. */
  billedPeriodEnd: number | null;
  paymentStatus: "paid" | "failed" | null;
  /** The newest period paid (its end, unix seconds), and when it was paid. */
  paidPeriodEnd: number | null;
  paidAt: Date | null;
}

export interface SubscriptionStore {
  /** Keeps the subscription's state, replacing what was kept for its id. */
  save(subscription: JournalSubscription): Promise<void>;
  get(subscriptionId: string): Promise<JournalSubscription | undefined>;
  /** The subscription a session made, if it is known. */
  getForSession(sessionId: string): Promise<JournalSubscription | undefined>;
}
