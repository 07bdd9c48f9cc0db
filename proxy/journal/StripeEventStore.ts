/** Stripe events (webhook or catch-up), kept before they are applied so each is applied once. */

export interface NewStripeEvent {
  eventId: string;
  type: string;
  /** Stripe's clock, unix seconds. */
  created: number;
  /** The event in the port's shape, as JSON. */
  payloadJson: string;
}

export interface StoredStripeEvent extends NewStripeEvent {
  receivedAt: Date;
  appliedAt: Date | null;
  outcome: string | null;
  attempts: number;
  lastError: string | null;
}

export interface StripeEventStore {
  /**
   * Keeps an event before it is applied. `isNew` is false when the id was stored before;
   * `applied` says whether it was applied already. Atomic.
   */
  store(event: NewStripeEvent, receivedAt: Date): Promise<{ isNew: boolean; applied: boolean }>;
  get(eventId: string): Promise<StoredStripeEvent | undefined>;
  markApplied(eventId: string, outcome: string, appliedAt: Date): Promise<void>;
  recordFailure(eventId: string, error: string): Promise<void>;
  /** Stored events not applied yet (a crash or a failure in between), oldest first. */
  listUnapplied(limit: number): Promise<StoredStripeEvent[]>;
  /** The newest `created` (Stripe's unix seconds) of the events stored. */
  latestCreated(): Promise<number | undefined>;
  /** Forgets applied events created before `createdBefore` (unix seconds); returns how many. */
  prune(createdBefore: number): Promise<number>;
}
