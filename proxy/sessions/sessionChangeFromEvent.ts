/**
 * What a handled event says about its session (https://docs.stripe.com/checkout/fulfillment,
 * https://docs.stripe.com/payments/checkout/async-payments, https://docs.stripe.com/disputes).
 * Pure; `nextSessionState` decides what of it still applies.
 */
import type { PaymentEvent } from "../ports/PaymentEvent";
import type { SessionChange } from "./nextSessionState";

export function sessionChangeFromEvent(event: PaymentEvent): SessionChange {
  const at = new Date(event.created * 1000);
  switch (event.type) {
    case "checkout.session.completed": {
      const { session } = event;
      // Delayed methods complete `unpaid` and settle later with one of the async events.
      return {
        status: "complete",
        paymentStatus: session.paymentStatus,
        ...(session.paymentStatus === "paid" ? { paidAt: at } : {}),
        ...sessionDetails(event.session),
      };
    }
    case "checkout.session.async_payment_succeeded":
      return {
        status: "complete",
        paymentStatus: "paid",
        paidAt: at,
        ...sessionDetails(event.session),
      };
    case "checkout.session.async_payment_failed":
      return { status: "complete", paymentStatus: "failed", ...sessionDetails(event.session) };
    case "checkout.session.expired":
      return {
        status: "expired",
        ...(event.session.recoveryUrl ? { recoveryUrl: event.session.recoveryUrl } : {}),
      };
    case "charge.refunded": {
      const { charge } = event;
      return {
        // Stripe's amount_refunded is the charge's total refunded so far, not this refund's.
        refund: {
          amountRefunded: charge.amountRefunded,
          full: charge.amountRefunded >= charge.amount,
        },
        ...(charge.paymentIntentId ? { paymentIntentId: charge.paymentIntentId } : {}),
      };
    }
    case "charge.dispute.created":
      return { dispute: "open", ...disputePaymentIntent(event.dispute) };
    case "charge.dispute.closed":
      // Only `lost` takes the money back; `won` and an inquiry's `warning_closed` leave it paid.
      return {
        dispute: event.dispute.status === "lost" ? "lost" : "won",
        ...disputePaymentIntent(event.dispute),
      };
    case "unhandled":
    case "invoice.paid":
    case "invoice.payment_failed":
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return {};
  }
}

function sessionDetails(session: {
  amountTotal: number | null;
  customerEmail: string | null;
  paymentIntentId: string | null;
}): SessionChange {
  return {
    ...(session.amountTotal !== null ? { amountTotal: session.amountTotal } : {}),
    ...(session.customerEmail ? { customerEmail: session.customerEmail } : {}),
    ...(session.paymentIntentId ? { paymentIntentId: session.paymentIntentId } : {}),
  };
}

function disputePaymentIntent(dispute: { paymentIntentId: string | null }): SessionChange {
  return dispute.paymentIntentId ? { paymentIntentId: dispute.paymentIntentId } : {};
}
