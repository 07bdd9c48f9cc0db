import type { JournalSubscription, SubscriptionStore } from "../../journal/SubscriptionStore";
import type { PreparedStatements } from "./PreparedStatements";

/** The `subscriptions` table (one row per subscription); record ids as JSON, paidAt in epoch ms. */
interface SubscriptionRow {
  subscriptionId: string;
  sessionId: string;
  appId: string;
  recordIds: string;
  status: string | null;
  statusAt: number;
  currentPeriodEnd: number | null;
  cancelAtPeriodEnd: number;
  billedPeriodEnd: number | null;
  paymentStatus: "paid" | "failed" | null;
  paidPeriodEnd: number | null;
  paidAt: number | null;
}

const SELECT_SUBSCRIPTION = `SELECT subscription_id AS subscriptionId, session_id AS sessionId,
    app_id AS appId, record_ids AS recordIds, status, status_at AS statusAt,
    current_period_end AS currentPeriodEnd, cancel_at_period_end AS cancelAtPeriodEnd,
    billed_period_end AS billedPeriodEnd, payment_status AS paymentStatus,
    paid_period_end AS paidPeriodEnd, paid_at AS paidAt
  FROM subscriptions`;

export class SqliteSubscriptionStore implements SubscriptionStore {
  constructor(private readonly sql: PreparedStatements) {}

  async save(subscription: JournalSubscription): Promise<void> {
    this.sql
      .statement(
        `INSERT INTO subscriptions (subscription_id, session_id, app_id, record_ids, status,
           status_at, current_period_end, cancel_at_period_end, billed_period_end,
           payment_status, paid_period_end, paid_at)
         VALUES (@subscriptionId, @sessionId, @appId, @recordIds, @status, @statusAt,
           @currentPeriodEnd, @cancelAtPeriodEnd, @billedPeriodEnd, @paymentStatus, @paidPeriodEnd, @paidAt)
         ON CONFLICT (subscription_id) DO UPDATE SET status = @status, status_at = @statusAt,
           current_period_end = @currentPeriodEnd, cancel_at_period_end = @cancelAtPeriodEnd,
           billed_period_end = @billedPeriodEnd, payment_status = @paymentStatus,
           paid_period_end = @paidPeriodEnd, paid_at = @paidAt`,
      )
      .run(toRow(subscription));
  }

  async get(subscriptionId: string): Promise<JournalSubscription | undefined> {
    return this.sql.one(
      `${SELECT_SUBSCRIPTION} WHERE subscription_id = ?`,
      fromRow,
      subscriptionId,
    );
  }

  async getForSession(sessionId: string): Promise<JournalSubscription | undefined> {
    return this.sql.one(`${SELECT_SUBSCRIPTION} WHERE session_id = ?`, fromRow, sessionId);
  }
}

function toRow(subscription: JournalSubscription): SubscriptionRow {
  return {
    ...subscription,
    recordIds: JSON.stringify(subscription.recordIds),
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd ? 1 : 0,
    paidAt: subscription.paidAt ? subscription.paidAt.getTime() : null,
  };
}

function fromRow(row: SubscriptionRow): JournalSubscription {
  return {
    ...row,
    recordIds: JSON.parse(row.recordIds) as string[],
    cancelAtPeriodEnd: row.cancelAtPeriodEnd === 1,
    paidAt: row.paidAt === null ? null : new Date(row.paidAt),
  };
}
