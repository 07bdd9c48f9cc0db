import type { JournalSubscription, SubscriptionStore } from "../../journal/SubscriptionStore";
import {
  fromSubscriptionRow,
  saveSubscriptionSql,
  SUBSCRIPTION_COLUMNS,
  subscriptionValues,
} from "../journalRows/subscriptionRow";
import type { PreparedStatements } from "./PreparedStatements";

const SELECT_SUBSCRIPTION = `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions`;
const SAVE_SUBSCRIPTION = saveSubscriptionSql(new Array<string>(12).fill("?"));

/** The `subscriptions` table: one row per subscription. */
export class SqliteSubscriptionStore implements SubscriptionStore {
  constructor(private readonly sql: PreparedStatements) {}

  async save(subscription: JournalSubscription): Promise<void> {
    const values = subscriptionValues(subscription);
    // SQLite has no boolean: cancel_at_period_end is 0 or 1.
    values[7] = subscription.cancelAtPeriodEnd ? 1 : 0;
    this.sql.statement(SAVE_SUBSCRIPTION).run(...values);
  }

  async get(subscriptionId: string): Promise<JournalSubscription | undefined> {
    const sql = `${SELECT_SUBSCRIPTION} WHERE subscription_id = ?`;
    return this.sql.one(sql, fromSubscriptionRow, subscriptionId);
  }

  async getForSession(sessionId: string): Promise<JournalSubscription | undefined> {
    return this.sql.one(
      `${SELECT_SUBSCRIPTION} WHERE session_id = ?`,
      fromSubscriptionRow,
      sessionId,
    );
  }
}
