import type { SessionStatus } from "../ports/PaymentGateway";

/**
 * One attempt to make a session for one set of record revisions with one mapping. A retry or a
 * double click finds it and sends Stripe the same idempotency key with the same parameters.
 */
export interface CheckoutIntent {
  baseKey: string;
  idempotencyKey: string;
  expiresAt: Date;
  createdAt: Date;
  sessionId: string | null;
  /** Its create failed: never replayed (Stripe would answer the same failure for 24 hours). */
  abandoned: boolean;
}

export interface CheckoutIntentStore {
  /**
   * The live intent for `baseKey`, or a new one made with `fresh()` when there is none or
   * `reusable(intent, sessionStatus)` says no (new generation of idempotency key); `sessionStatus`
   * is what the journal holds for the intent's session (undefined without one), read in the same
   * atomic step so no caller needs a second journal call inside the callback. Atomic.
   */
  claim(
    baseKey: string,
    reusable: (intent: CheckoutIntent, sessionStatus: SessionStatus | undefined) => boolean,
    fresh: (generation: number) => { idempotencyKey: string; expiresAt: Date },
    now: Date,
  ): Promise<CheckoutIntent>;
  find(baseKey: string): Promise<CheckoutIntent | undefined>;
  /** The intent's session was made (only while `idempotencyKey` is still its key). */
  complete(baseKey: string, idempotencyKey: string, sessionId: string): Promise<void>;
  /** The intent's create failed (only while it has no session). */
  abandon(baseKey: string, idempotencyKey: string): Promise<void>;
}
