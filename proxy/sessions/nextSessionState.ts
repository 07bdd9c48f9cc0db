/**
 * Where a session's state may go next, whatever order Stripe's events arrive in (they arrive late,
 * twice and out of order: https://docs.stripe.com/webhooks#event-ordering). Pure.
 *
 * - status: `open` → `complete` or `expired`; both are final (Stripe never leaves them), and an
 *   event of the other final state then changes nothing.
 * - paymentStatus moves only up this ladder:
 *     unpaid (0) < failed (1) < paid = no_payment_required (2) < partially_refunded (3) < refunded (4)
 *   `failed` ends an unpaid delayed payment (konbini, bank transfer): nothing but money received
 *   outranks it. A replayed `completed` (unpaid) never undoes `paid`; a late `paid` never undoes a refund.
 * - paidAt: the first moment of payment known stays.
 */
import type { PaymentStatusValue } from "../journal/SessionStore";
import type { SessionStatus } from "../ports/PaymentGateway";

export interface SessionState {
  status: SessionStatus;
  paymentStatus: PaymentStatusValue;
  paidAt: Date | null;
  /** Minor units. */
  amountTotal: number;
  customerEmail: string | null;
}

/** What one event says; absent parts say nothing. */
export type SessionChange = Partial<{
  status: SessionStatus;
  paymentStatus: PaymentStatusValue;
  paidAt: Date;
  amountTotal: number;
  customerEmail: string;
}>;

const PAYMENT_RANK: Record<PaymentStatusValue, number> = {
  unpaid: 0,
  failed: 1,
  paid: 2,
  no_payment_required: 2,
  partially_refunded: 3,
  refunded: 4,
  disputed: 3,
  dispute_lost: 5,
};

export function nextSessionState(
  current: SessionState,
  change: SessionChange,
): { state: SessionState; changed: boolean } {
  // An event of a final state the session did not end in (completed after expired) is moot.
  if (change.status && current.status !== "open" && change.status !== current.status) {
    return { state: current, changed: false };
  }
  const next: SessionState = { ...current };
  if (change.status) next.status = change.status;
  if (
    change.paymentStatus &&
    PAYMENT_RANK[change.paymentStatus] > PAYMENT_RANK[current.paymentStatus]
  ) {
    next.paymentStatus = change.paymentStatus;
  }
  if (change.paidAt && current.paidAt === null) next.paidAt = change.paidAt;
  // The buyer may change quantities on the page: the completed session's amount is the one paid.
  if (change.amountTotal !== undefined) {
    next.amountTotal = change.amountTotal;
  }
  if (change.customerEmail) next.customerEmail = change.customerEmail;
  const changed =
    next.status !== current.status ||
    next.paymentStatus !== current.paymentStatus ||
    next.paidAt?.getTime() !== current.paidAt?.getTime() ||
    next.amountTotal !== current.amountTotal ||
    next.customerEmail !== current.customerEmail;
  return { state: next, changed };
}
