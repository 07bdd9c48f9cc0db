/**
 * One record of APP with two sessions of the journal (cs_old, then cs_new), both open in the fake
 * Stripe, and the events a buyer's payment, a refund and a dispute on them send: for the tests of
 * a record's billing life over the fakes.
 */
import type { JournalSession } from "../../journal/SessionStore";
import type { Dispute, PaymentEvent } from "../../ports/PaymentEvent";
import { APP, baseMapping } from "../../../testkit/productRecords";
import { journalSession, NOW, oneRecordSetup, stripeSession } from "./sessionFixtures";

export const NOW_SECONDS = NOW.getTime() / 1000;

export const BILLING_WRITE_BACK = {
  sessionId: "session_id",
  url: "url",
  status: "status",
  paymentStatus: "pay_status",
  amountRefunded: "refunded",
  paymentIntentId: "payment_intent",
  recoveryUrl: "recovery_url",
  error: "error",
};

export function billingMappingJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify(baseMapping({ writeBack: BILLING_WRITE_BACK, ...overrides }));
}

/** The record and its sessions cs_old (a minute older) and cs_new, each open in Stripe too. */
export async function twoOpenSessions(mappingOverrides: Record<string, unknown> = {}) {
  const made = oneRecordSetup();
  const mappingJson = billingMappingJson(mappingOverrides);
  const sessions: JournalSession[] = [
    journalSession(made.recordId, {
      sessionId: "cs_old",
      mappingJson,
      createdAt: new Date(NOW.getTime() - 60_000),
    }),
    journalSession(made.recordId, { sessionId: "cs_new", mappingJson }),
  ];
  for (const session of sessions) {
    await made.journal.sessions.save(session);
    made.gateway.sessions.set(
      session.sessionId,
      stripeSession({ id: session.sessionId, createdAt: session.createdAt }),
    );
  }
  const field = (code: string) => made.records.field(APP, made.recordId, code);
  return { ...made, field };
}

let eventCount = 0;

/** The buyer paid `sessionId` by card; its payment intent is `pi_<sessionId>`. */
export function paidEvent(sessionId: string, created = NOW_SECONDS): PaymentEvent {
  return {
    id: `evt_paid_${sessionId}_${++eventCount}`,
    type: "checkout.session.completed",
    created,
    session: stripeSession({
      id: sessionId,
      url: null,
      status: "complete",
      paymentStatus: "paid",
      customerEmail: "buyer@example.com",
      paymentIntentId: `pi_${sessionId}`,
    }),
  };
}

/** A refund of 500 JPY's charge of `sessionId`: `amountRefunded` is the total refunded so far. */
export function refundEvent(sessionId: string, amountRefunded: number, created = NOW_SECONDS) {
  return {
    id: `evt_refund_${sessionId}_${++eventCount}`,
    type: "charge.refunded",
    created,
    charge: {
      id: `ch_${sessionId}`,
      paymentIntentId: `pi_${sessionId}`,
      amount: 500,
      amountRefunded,
      currency: "jpy",
    },
  } satisfies PaymentEvent;
}

export function disputeEvent(
  sessionId: string,
  type: "charge.dispute.created" | "charge.dispute.closed",
  status: Dispute["status"],
  created = NOW_SECONDS,
): PaymentEvent {
  return {
    id: `evt_dispute_${sessionId}_${++eventCount}`,
    type,
    created,
    dispute: {
      id: `dp_${sessionId}`,
      chargeId: `ch_${sessionId}`,
      paymentIntentId: `pi_${sessionId}`,
      status,
      amount: 500,
      currency: "jpy",
    },
  };
}
