/**
 * A journalled session as both journal adapters store it: one row of `sessions`, moments in epoch
 * milliseconds, its record ids as JSON.
 */
import type { SessionStatus } from "../../ports/PaymentGateway";
import type {
  DisputeState,
  JournalSession,
  PaymentStatusValue,
  RefundState,
} from "../../journal/SessionStore";

export interface SessionRow {
  session_id: string;
  app_id: string;
  record_ids: string;
  mapping_json: string;
  status: SessionStatus;
  payment_status: PaymentStatusValue;
  url: string | null;
  currency: string;
  amount_total: number;
  customer_email: string | null;
  expires_at: number;
  created_at: number;
  paid_at: number | null;
  amount_refunded: number;
  refund_state: RefundState;
  dispute_state: DisputeState;
  payment_intent_id: string | null;
  recovery_url: string | null;
}

/** The row of `s`, its keys in the tables' column order. */
export function toSessionRow(s: JournalSession): SessionRow {
  return {
    session_id: s.sessionId,
    app_id: s.appId,
    record_ids: JSON.stringify(s.recordIds),
    mapping_json: s.mappingJson,
    status: s.status,
    payment_status: s.paymentStatus,
    url: s.url,
    currency: s.currency,
    amount_total: s.amountTotal,
    customer_email: s.customerEmail,
    expires_at: s.expiresAt.getTime(),
    created_at: s.createdAt.getTime(),
    paid_at: s.paidAt ? s.paidAt.getTime() : null,
    amount_refunded: s.amountRefunded ?? 0,
    refund_state: s.refund ?? "none",
    dispute_state: s.dispute ?? "none",
    payment_intent_id: s.paymentIntentId ?? null,
    recovery_url: s.recoveryUrl ?? null,
  };
}

export function fromSessionRow(row: SessionRow): JournalSession {
  return {
    sessionId: row.session_id,
    appId: row.app_id,
    recordIds: JSON.parse(row.record_ids) as string[],
    mappingJson: row.mapping_json,
    status: row.status,
    paymentStatus: row.payment_status,
    url: row.url,
    currency: row.currency,
    amountTotal: row.amount_total,
    customerEmail: row.customer_email,
    expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at),
    paidAt: row.paid_at === null ? null : new Date(row.paid_at),
    amountRefunded: row.amount_refunded,
    refund: row.refund_state,
    dispute: row.dispute_state,
    paymentIntentId: row.payment_intent_id,
    recoveryUrl: row.recovery_url,
  };
}
