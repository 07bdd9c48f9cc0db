/**
 * What a handled event says about its session (https://docs.stripe.com/checkout/fulfillment,
 * https://docs.stripe.com/payments/checkout/async-payments). Pure; `nextSessionState` decides
 * what of it still applies.
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
      return { status: "expired" };
    case "charge.refunded": {
      const { charge } = event;
      return {
        paymentStatus: charge.amountRefunded >= charge.amount ? "refunded" : "partially_refunded",
      };
    }
    case "unhandled":
      return {};
  }
}

function sessionDetails(session: {
  amountTotal: number | null;
  customerEmail: string | null;
}): SessionChange {
  return {
    ...(session.amountTotal !== null ? { amountTotal: session.amountTotal } : {}),
    ...(session.customerEmail ? { customerEmail: session.customerEmail } : {}),
  };
}
