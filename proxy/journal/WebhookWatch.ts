/**
 * What tells whether Stripe's webhook reaches the proxy: when the last event with a valid
 * signature arrived (events the catch-up fetched do not count), and how many sessions were made
 * since a moment (sessions whose events should have come).
 */
export interface WebhookWatch {
  /** Remembers that a signed event arrived at `at` (only the latest moment is kept). */
  recordSignedEvent(at: Date): Promise<void>;
  /** When the last signed event arrived; `undefined` when none ever did. */
  lastSignedEventAt(): Promise<Date | undefined>;
  /** Sessions the journal holds that were created at or after `since`. */
  countSessionsCreatedSince(since: Date): Promise<number>;
}
