/** A Stripe event as both journal adapters select it: named as the journal names it, moments in epoch ms. */
import type { StoredStripeEvent } from "../../journal/StripeEventStore";

export type StripeEventRow = Omit<StoredStripeEvent, "receivedAt" | "appliedAt"> & {
  receivedAt: number;
  appliedAt: number | null;
};

export function fromEventRow(row: StripeEventRow): StoredStripeEvent {
  return {
    ...row,
    receivedAt: new Date(row.receivedAt),
    appliedAt: row.appliedAt === null ? null : new Date(row.appliedAt),
  };
}
