import type { JournalSubscription, SubscriptionStore } from "../../journal/SubscriptionStore";
import type { PostgresQueries } from "./PostgresQueries";

/** The `subscriptions` table (one row per subscription); record ids as JSON, paidAt in epoch ms. */
interface SubscriptionRow {
  subscriptionId: string;
  sessionId: string;
  appId: string;
  recordIds: string;
  status: string | null;
  statusAt: number;
  currentPeriodEnd: number | null;
  cancelAtPeriodEnd: boolean;
  billedPeriodEnd: number | null;
  paymentStatus: "paid" | "failed" | null;
  paidPeriodEnd: number | null;
  paidAt: number | null;
}

const SELECT_SUBSCRIPTION = `SELECT subscription_id AS "subscriptionId", session_id AS "sessionId",
    app_id AS "appId", record_ids AS "recordIds", status, status_at AS "statusAt",
    current_period_end AS "currentPeriodEnd", cancel_at_period_end AS "cancelAtPeriodEnd",
    billed_period_end AS "billedPeriodEnd", payment_status AS "paymentStatus",
    paid_period_end AS "paidPeriodEnd", paid_at AS "paidAt"
  FROM subscriptions`;

export class PostgresSubscriptionStore implements SubscriptionStore {
  constructor(private readonly sql: PostgresQueries) {}

  async save(subscription: JournalSubscription): Promise<void> {
    const s = subscription;
    await this.sql.run(
      `INSERT INTO subscriptions (subscription_id, session_id, app_id, record_ids, status,
         status_at, current_period_end, cancel_at_period_end, billed_period_end,
         payment_status, paid_period_end, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (subscription_id) DO UPDATE SET status = EXCLUDED.status,
         status_at = EXCLUDED.status_at, current_period_end = EXCLUDED.current_period_end,
         cancel_at_period_end = EXCLUDED.cancel_at_period_end,
         billed_period_end = EXCLUDED.billed_period_end, payment_status = EXCLUDED.payment_status,
         paid_period_end = EXCLUDED.paid_period_end, paid_at = EXCLUDED.paid_at`,
      [
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
      ],
    );
  }

  get(subscriptionId: string): Promise<JournalSubscription | undefined> {
    return this.sql.one(`${SELECT_SUBSCRIPTION} WHERE subscription_id = $1`, fromRow, [
      subscriptionId,
    ]);
  }

  getForSession(sessionId: string): Promise<JournalSubscription | undefined> {
    return this.sql.one(`${SELECT_SUBSCRIPTION} WHERE session_id = $1`, fromRow, [sessionId]);
  }
}

function fromRow(row: SubscriptionRow): JournalSubscription {
  return {
    ...row,
    recordIds: JSON.parse(row.recordIds) as string[],
    paidAt: row.paidAt === null ? null : new Date(row.paidAt),
  };
}
