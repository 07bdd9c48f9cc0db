/**
 * A subscription as both journal adapters select it: named as the journal names it, record ids
 * as JSON, paidAt in epoch ms, cancelAtPeriodEnd as the database's boolean (SQLite's 0 / 1).
 */
import type { JournalSubscription } from "../../journal/SubscriptionStore";

export type SubscriptionRow = Omit<
  JournalSubscription,
  "recordIds" | "cancelAtPeriodEnd" | "paidAt"
> & {
  recordIds: string;
  cancelAtPeriodEnd: boolean | number;
  paidAt: number | null;
};

/** The columns, each named as the journal names it (quoted: PostgreSQL folds unquoted names). */
export const SUBSCRIPTION_COLUMNS = `subscription_id AS "subscriptionId",
    session_id AS "sessionId", app_id AS "appId", record_ids AS "recordIds", status,
    status_at AS "statusAt", current_period_end AS "currentPeriodEnd",
    cancel_at_period_end AS "cancelAtPeriodEnd", billed_period_end AS "billedPeriodEnd",
    payment_status AS "paymentStatus", paid_period_end AS "paidPeriodEnd", paid_at AS "paidAt"`;

export function fromSubscriptionRow(row: SubscriptionRow): JournalSubscription {
  return {
    ...row,
    recordIds: JSON.parse(row.recordIds) as string[],
    cancelAtPeriodEnd: row.cancelAtPeriodEnd === true || row.cancelAtPeriodEnd === 1,
    paidAt: row.paidAt === null ? null : new Date(row.paidAt),
  };
}

/** The values to store, in the columns' order of `SUBSCRIPTION_COLUMNS`. */
export function subscriptionValues(subscription: JournalSubscription): unknown[] {
  const s = subscription;
  return [
    s.subscriptionId,
    s.sessionId,
    s.appId,
    JSON.stringify(s.recordIds),
    s.status,
    s.statusAt,
    s.currentPeriodEnd,
    s.cancelAtPeriodEnd,
    s.billedPeriodEnd,
    s.paymentStatus,
    s.paidPeriodEnd,
    s.paidAt ? s.paidAt.getTime() : null,
  ];
}

/** The insert-or-update both adapters run, with their own placeholders. */
export function saveSubscriptionSql(placeholders: string[]): string {
  return `INSERT INTO subscriptions (subscription_id, session_id, app_id, record_ids, status,
       status_at, current_period_end, cancel_at_period_end, billed_period_end, payment_status,
       paid_period_end, paid_at)
     VALUES (${placeholders.join(", ")})
     ON CONFLICT (subscription_id) DO UPDATE SET status = excluded.status,
       status_at = excluded.status_at, current_period_end = excluded.current_period_end,
       cancel_at_period_end = excluded.cancel_at_period_end,
       billed_period_end = excluded.billed_period_end, payment_status = excluded.payment_status,
       paid_period_end = excluded.paid_period_end, paid_at = excluded.paid_at`;
}
