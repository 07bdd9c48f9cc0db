/**
 * Where a session's state may go next, whatever order Stripe's events arrive in (they arrive late,
 * twice and out of order: https://docs.stripe.com/webhooks#event-ordering). Pure.
 *
 * - status: `open` → `complete` or `expired`; both are final (Stripe never leaves them), and an
 *   event of the other final state then changes nothing.
 * - The payment is kept in parts that each only move one way, so any order of events ends alike:
 *   - the base payment: unpaid < failed < paid = no_payment_required. `failed` ends an unpaid
 *     delayed payment (konbini, bank transfer): nothing but money received outranks it;
 *   - refunds: `amountRefunded` is Stripe's cumulative total (the largest seen stays), and
 *     none < partial < full;
 *   - the dispute: none < open < won | lost; won and lost are final, so a `closed` that comes
 *     before its `created` goes straight to the end.
 * - paymentStatus is derived from those parts: lost → dispute_lost, open → disputed, else a full
 *   refund → refunded, some refund → partially_refunded, else the base. A refund or a dispute
 *   proves the money was received: the base then counts as paid.
 * - paidAt: the first moment of payment known stays. paymentIntentId and recoveryUrl: the first
 *   known stays (Stripe never changes them).
 */
import type { DisputeState, PaymentStatusValue, RefundState } from "../journal/SessionStore";
import type { SessionStatus } from "../ports/PaymentGateway";

export interface SessionState {
  status: SessionStatus;
  paymentStatus: PaymentStatusValue;
  paidAt: Date | null;
  /** Minor units. */
  amountTotal: number;
  customerEmail: string | null;
  /** Minor units, cumulative. Absent: as `paymentStatus` implies (none known). */
  amountRefunded?: number;
  /** Absent: as `paymentStatus` implies. */
  refund?: RefundState;
  /** Absent: as `paymentStatus` implies. */
  dispute?: DisputeState;
  paymentIntentId?: string | null;
  recoveryUrl?: string | null;
}

/** What one event says; absent parts say nothing. */
export type SessionChange = Partial<{
  status: SessionStatus;
  /** A base payment status, or a derived one (read as the parts it implies). */
  paymentStatus: PaymentStatusValue;
  paidAt: Date;
  amountTotal: number;
  customerEmail: string;
  /** Stripe's cumulative refunded amount of the charge (minor units), and whether that is all of it. */
  refund: { amountRefunded: number; full: boolean };
  dispute: Exclude<DisputeState, "none">;
  paymentIntentId: string;
  recoveryUrl: string;
}>;

type BasePaymentStatus = "unpaid" | "failed" | "paid" | "no_payment_required";

const BASE_RANK: Record<BasePaymentStatus, number> = {
  unpaid: 0,
  failed: 1,
  paid: 2,
  no_payment_required: 2,
};
const REFUND_RANK: Record<RefundState, number> = { none: 0, partial: 1, full: 2 };
const DISPUTE_RANK: Record<DisputeState, number> = { none: 0, open: 1, won: 2, lost: 2 };

interface PaymentParts {
  base: BasePaymentStatus;
  refund: RefundState;
  dispute: DisputeState;
}

/** The parts a payment status implies on its own (what is known without the journal's parts). */
function partsOfStatus(status: PaymentStatusValue): PaymentParts {
  switch (status) {
    case "refunded":
      return { base: "paid", refund: "full", dispute: "none" };
    case "partially_refunded":
      return { base: "paid", refund: "partial", dispute: "none" };
    case "disputed":
      return { base: "paid", refund: "none", dispute: "open" };
    case "dispute_lost":
      return { base: "paid", refund: "none", dispute: "lost" };
    default:
      return { base: status, refund: "none", dispute: "none" };
  }
}

function partsOf(state: SessionState): PaymentParts {
  const implied = partsOfStatus(state.paymentStatus);
  return {
    base: implied.base,
    refund: higher(REFUND_RANK, implied.refund, state.refund ?? "none"),
    dispute: laterDispute(implied.dispute, state.dispute ?? "none"),
  };
}

function higher<T extends string>(rank: Record<T, number>, a: T, b: T): T {
  return rank[b] > rank[a] ? b : a;
}

/** won and lost are final: the first one known stays. */
function laterDispute(current: DisputeState, next: DisputeState): DisputeState {
  return DISPUTE_RANK[next] > DISPUTE_RANK[current] ? next : current;
}

export function derivePaymentStatus(parts: PaymentParts): PaymentStatusValue {
  if (parts.dispute === "lost") return "dispute_lost";
  if (parts.dispute === "open") return "disputed";
  if (parts.refund === "full") return "refunded";
  if (parts.refund === "partial") return "partially_refunded";
  if (parts.dispute === "won" && BASE_RANK[parts.base] < BASE_RANK.paid) return "paid";
  return parts.base;
}

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

  const parts = partsOf(current);
  const previousAmountRefunded = current.amountRefunded ?? 0;
  let amountRefunded = previousAmountRefunded;
  if (change.paymentStatus) {
    const told = partsOfStatus(change.paymentStatus);
    parts.base = higher(BASE_RANK, parts.base, told.base);
    parts.refund = higher(REFUND_RANK, parts.refund, told.refund);
    parts.dispute = laterDispute(parts.dispute, told.dispute);
  }
  if (change.refund) {
    amountRefunded = Math.max(amountRefunded, change.refund.amountRefunded);
    const told: RefundState = change.refund.full
      ? "full"
      : change.refund.amountRefunded > 0
        ? "partial"
        : "none";
    parts.refund = higher(REFUND_RANK, parts.refund, told);
  }
  if (change.dispute) parts.dispute = laterDispute(parts.dispute, change.dispute);
  next.paymentStatus = derivePaymentStatus(parts);
  next.amountRefunded = amountRefunded;
  next.refund = parts.refund;
  next.dispute = parts.dispute;

  if (change.paidAt && current.paidAt === null) next.paidAt = change.paidAt;
  // The buyer may change quantities on the page: the completed session's amount is the one paid.
  if (change.amountTotal !== undefined) {
    next.amountTotal = change.amountTotal;
  }
  if (change.customerEmail) next.customerEmail = change.customerEmail;
  next.paymentIntentId = current.paymentIntentId ?? change.paymentIntentId ?? null;
  next.recoveryUrl = current.recoveryUrl ?? change.recoveryUrl ?? null;
  const changed =
    next.status !== current.status ||
    next.paymentStatus !== current.paymentStatus ||
    next.paidAt?.getTime() !== current.paidAt?.getTime() ||
    next.amountTotal !== current.amountTotal ||
    next.customerEmail !== current.customerEmail ||
    amountRefunded !== previousAmountRefunded ||
    parts.refund !== (current.refund ?? partsOfStatus(current.paymentStatus).refund) ||
    parts.dispute !== (current.dispute ?? partsOfStatus(current.paymentStatus).dispute) ||
    next.paymentIntentId !== (current.paymentIntentId ?? null) ||
    next.recoveryUrl !== (current.recoveryUrl ?? null);
  return { state: next, changed };
}
