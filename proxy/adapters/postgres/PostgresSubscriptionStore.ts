import type { JournalSubscription, SubscriptionStore } from "../../journal/SubscriptionStore";
import {
  fromSubscriptionRow,
  saveSubscriptionSql,
  SUBSCRIPTION_COLUMNS,
  subscriptionValues,
} from "../journalRows/subscriptionRow";
import type { PostgresQueries } from "./PostgresQueries";

const SELECT_SUBSCRIPTION = `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions`;
const SAVE_SUBSCRIPTION = saveSubscriptionSql(Array.from({ length: 12 }, (_, i) => `$${i + 1}`));

/** The `subscriptions` table: one row per subscription. */
export class PostgresSubscriptionStore implements SubscriptionStore {
  constructor(private readonly sql: PostgresQueries) {}

  async save(subscription: JournalSubscription): Promise<void> {
    await this.sql.run(SAVE_SUBSCRIPTION, subscriptionValues(subscription));
  }

  get(subscriptionId: string): Promise<JournalSubscription | undefined> {
    const sql = `${SELECT_SUBSCRIPTION} WHERE subscription_id = $1`;
    return this.sql.one(sql, fromSubscriptionRow, [subscriptionId]);
  }

  getForSession(sessionId: string): Promise<JournalSubscription | undefined> {
    const sql = `${SELECT_SUBSCRIPTION} WHERE session_id = $1`;
    return this.sql.one(sql, fromSubscriptionRow, [sessionId]);
  }
}
