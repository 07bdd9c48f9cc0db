import type Stripe from "stripe";
import type {
  CheckoutSession,
  SessionStatus,
  StripePaymentStatus,
} from "../../ports/PaymentGateway";
import { toCheckoutBuyer } from "./toCheckoutBuyer";

/** Stripe's session object → the port's shape: Dates, lower-case currency, plain metadata. */
export function toCheckoutSession(session: Stripe.Checkout.Session): CheckoutSession {
  const paymentIntent = session.payment_intent;
  const buyer = toCheckoutBuyer(session);
  return {
    id: session.id,
    url: session.url ?? null,
    // Embedded sessions answer a client secret and no URL:
    // https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-client_secret
    clientSecret: session.client_secret ?? null,
    status: toSessionStatus(session.status),
    paymentStatus: toPaymentStatus(session.payment_status),
    amountTotal: session.amount_total ?? null,
    currency: session.currency ? session.currency.toLowerCase() : null,
    customerEmail: session.customer_details?.email ?? session.customer_email ?? null,
    expiresAt: new Date(session.expires_at * 1000),
    createdAt: new Date(session.created * 1000),
    paymentIntentId:
      typeof paymentIntent === "string" ? paymentIntent : (paymentIntent?.id ?? null),
    clientReferenceId: session.client_reference_id ?? null,
    recoveryUrl: session.after_expiration?.recovery?.url ?? null,
    recoveredFrom: session.recovered_from ?? null,
    metadata: { ...(session.metadata ?? {}) },
    ...(buyer ? { buyer } : {}),
    amountTax: session.total_details?.amount_tax ?? null,
    invoiceId:
      typeof session.invoice === "string" ? session.invoice : (session.invoice?.id ?? null),
    ...(session.mode === "subscription"
      ? {
          subscriptionId:
            typeof session.subscription === "string"
              ? session.subscription
              : (session.subscription?.id ?? null),
        }
      : {}),
  };
}

function toSessionStatus(status: string | null): SessionStatus {
  // Only sessions from before statuses existed have none; they behave as open ones did.
  if (status === "complete" || status === "expired") return status;
  return "open";
}

function toPaymentStatus(status: string): StripePaymentStatus {
  if (status === "paid" || status === "no_payment_required") return status;
  return "unpaid";
}
