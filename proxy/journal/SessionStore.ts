/**
 * The sessions the proxy made, for which records and with which mapping, as far as it knows their
 * state; and which payment intent belongs to which session.
 */
import type { PaymentStatus } from "../../core/api/proxyApi";
import type { SessionStatus } from "../ports/PaymentGateway";

export type PaymentStatusValue = PaymentStatus;

/** How much of the payment went back to the buyer; only moves up. */
export type RefundState = "none" | "partial" | "full";
/**
 * The payment's dispute: `open` until the bank decides, then `won` or `lost`, both final.
 * https://docs.stripe.com/disputes/how-disputes-work
 */
export type DisputeState = "none" | "open" | "won" | "lost";

/**
 * What the journal learns about a session's money after it is made. Optional so a session can be
 * saved without them (a new session knows none); `get` always answers them.
 */
export interface SessionMoneyState {
  /** Minor units, cumulative (Stripe's `charge.amount_refunded`). */
  amountRefunded?: number;
  refund?: RefundState;
  dispute?: DisputeState;
  paymentIntentId?: string | null;
  /** Stripe's recovery link once the session expired (`after_expiration.recovery`). */
  recoveryUrl?: string | null;
}

export interface JournalSession extends SessionMoneyState {
  sessionId: string;
  appId: string;
  recordIds: string[];
  /** The mapping JSON the session was made with: later writes use its `writeBack` fields. */
  mappingJson: string;
  status: SessionStatus;
  paymentStatus: PaymentStatusValue;
  url: string | null;
  currency: string;
  amountTotal: number;
  customerEmail: string | null;
  expiresAt: Date;
  createdAt: Date;
  paidAt: Date | null;
}

/** What Stripe may tell later about a session; the rest is fixed when it is made. */
export type SessionStateUpdate = Partial<
  Pick<
    JournalSession,
    | "status"
    | "paymentStatus"
    | "customerEmail"
    | "amountTotal"
    | "paidAt"
    | "url"
    | "amountRefunded"
    | "refund"
    | "dispute"
    | "paymentIntentId"
    | "recoveryUrl"
  >
>;

export interface SessionQuery {
  appId?: string;
  recordId?: string;
  status?: SessionStatus;
  customerEmail?: string;
  /** Newest first; `startingAfter` is a session id of the previous page. */
  limit: number;
  startingAfter?: string;
}

export interface SessionPage {
  sessions: JournalSession[];
  hasMore: boolean;
}

export interface SessionStore {
  /** Keeps a new session; saving a known id again changes nothing. */
  save(session: JournalSession): Promise<void>;
  get(sessionId: string): Promise<JournalSession | undefined>;
  /** Updates the known state; `status` never moves back from complete/expired to open. Atomic. */
  updateState(sessionId: string, state: SessionStateUpdate): Promise<JournalSession | undefined>;
  /** Sessions the journal still believes open that include the record. */
  findOpenForRecord(appId: string, recordId: string): Promise<JournalSession[]>;
  /** The newest session made for the record. */
  latestIdForRecord(appId: string, recordId: string): Promise<string | undefined>;
  /** Every session made for the record, oldest first. */
  listForRecord(appId: string, recordId: string): Promise<JournalSession[]>;
  /**
   * The record's complete sessions, oldest first: the only ones that can bill it. The paid guard
   * reads these on every checkout, so the open and expired ones (most of a record's sessions) are
   * left in the database.
   */
  listCompleteForRecord(appId: string, recordId: string): Promise<JournalSession[]>;
  list(query: SessionQuery): Promise<SessionPage>;
  oldestCreatedAt(): Promise<Date | undefined>;
  /** Refund events name the payment intent only: this finds the session it belongs to. */
  linkPaymentIntent(paymentIntentId: string, sessionId: string): Promise<void>;
  idForPaymentIntent(paymentIntentId: string): Promise<string | undefined>;
  /**
   * The app's records with more than one session that kept a payment (`paid`,
   * `partially_refunded`, `disputed`), with those sessions, oldest first.
   */
  findRecordsPaidMoreThanOnce(
    appId: string,
  ): Promise<{ recordId: string; sessions: JournalSession[] }[]>;
}
