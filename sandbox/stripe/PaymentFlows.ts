/**
 * What happens to a checkout session after creation — the customer paying on the hosted page,
 * delayed methods settling, expiry and refunds — with the events Stripe sends for each
 * (https://docs.stripe.com/checkout/fulfillment, https://docs.stripe.com/payments/checkout/async-payments,
 * https://docs.stripe.com/api/checkout/sessions/expire, https://docs.stripe.com/api/refunds/create).
 * Shared by the API routes, the hosted page, the control API and the emulator's public methods.
 */
import type { EmulatorContext } from "./EmulatorContext";
import { NO_REQUEST, type EventCause } from "./EventBus";
import { formatAmount, MAXIMUM_AMOUNT, minimumChargeAmount } from "./currencies";
import { invalidRequest, requireMode, resourceMissing } from "./StripeApiError";
import { recordBuyer, type BuyerDetails } from "./buyerDetails";
import { RecoveryFlows } from "./RecoveryFlows";
import { randomId } from "./StripeStore";
import type { Charge, CheckoutSession, PaymentIntent, Refund } from "./stripeObjects";
import { applySessionAmounts } from "./sessionTaxes";
import { InvoiceFlows } from "./InvoiceFlows";
import { SubscriptionFlows } from "./SubscriptionFlows";
import { requireAllowedMethod } from "./allowedPaymentMethods";

/**
 * What the buyer chose on the page: new quantities by line item index (adjustable lines only),
 * and the name, phone and addresses they typed.
 */
export interface BuyerChoices {
  quantities?: Record<number, number>;
  buyer?: BuyerDetails;
}

export class PaymentFlows {
  readonly recovery: RecoveryFlows;
  readonly subscriptions: SubscriptionFlows;
  private readonly invoices: InvoiceFlows;

  constructor(private readonly context: EmulatorContext) {
    this.recovery = new RecoveryFlows(context, (session) => this.expireIfDue(session));
    this.invoices = new InvoiceFlows(context);
    this.subscriptions = new SubscriptionFlows(context);
  }

  private get store() {
    return this.context.store;
  }

  private emit(
    type: string,
    object: object,
    cause: EventCause,
    previous?: Record<string, unknown>,
  ) {
    this.context.events.emit(type, object, cause, previous);
  }

  session(id: string, param = "session", status = 404): CheckoutSession {
    const session = this.store.sessions.get(id);
    if (!session) throw resourceMissing("checkout.session", id, param, status);
    return session;
  }

  private requireOpen(session: CheckoutSession): void {
    this.expireIfDue(session);
    if (session.status !== "open") {
      throw invalidRequest(
        `This Checkout Session is no longer active (its status is \`${session.status}\`).`,
        "checkout_session_not_open",
      );
    }
  }

  private createPaymentIntent(
    session: CheckoutSession,
    status: PaymentIntent["status"],
    method: string,
  ): PaymentIntent {
    const data = this.store.sessionPaymentIntentData.get(session.id) ?? {};
    const paymentIntent: PaymentIntent = {
      id: randomId("pi_"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_capturable: 0,
      amount_received: 0,
      capture_method: "automatic",
      client_secret: `${randomId("pi_")}_secret_${randomId("", 20)}`,
      created: this.store.now(),
      currency: session.currency,
      customer: session.customer,
      description: data.description ?? null,
      latest_charge: null,
      livemode: session.livemode,
      metadata: data.metadata ?? {},
      payment_method: randomId("pm_"),
      payment_method_types: [method],
      receipt_email: data.receipt_email ?? null,
      status,
    };
    this.store.paymentIntents.set(paymentIntent.id, paymentIntent);
    this.emit("payment_intent.created", paymentIntent, NO_REQUEST);
    return paymentIntent;
  }

  private succeedCharge(
    paymentIntent: PaymentIntent,
    email: string | null,
    method: string,
  ): Charge {
    const charge: Charge = {
      id: randomId("ch_"),
      object: "charge",
      amount: paymentIntent.amount,
      amount_captured: paymentIntent.amount,
      amount_refunded: 0,
      balance_transaction: randomId("txn_"),
      billing_details: { email, name: null },
      captured: true,
      created: this.store.now(),
      currency: paymentIntent.currency,
      customer: paymentIntent.customer,
      description: null,
      disputed: false,
      failure_code: null,
      failure_message: null,
      livemode: paymentIntent.livemode,
      metadata: {},
      paid: true,
      payment_intent: paymentIntent.id,
      payment_method_details: { type: method },
      receipt_email: null,
      refunded: false,
      status: "succeeded",
    };
    this.store.charges.set(charge.id, charge);
    paymentIntent.status = "succeeded";
    paymentIntent.amount_received = paymentIntent.amount;
    paymentIntent.latest_charge = charge.id;
    this.emit("charge.succeeded", charge, NO_REQUEST);
    this.emit("payment_intent.succeeded", paymentIntent, NO_REQUEST);
    return charge;
  }

  private complete(
    session: CheckoutSession,
    paymentIntent: PaymentIntent,
    buyer: BuyerDetails | undefined,
  ): void {
    session.status = "complete";
    session.url = null; // "only present when the session is active"
    session.payment_intent = paymentIntent.id;
    recordBuyer(session, buyer);
    // `customer_creation: "always"` makes a Customer on confirmation; `if_required` in payment
    // mode makes none (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-customer_creation).
    if (!session.customer && session.customer_creation === "always") {
      session.customer = randomId("cus_");
      paymentIntent.customer = session.customer;
    }
  }

  /**
   * Quantities the buyer changed on lines with `adjustable_quantity.enabled`, within their
   * minimum..maximum; the only line cannot go down to 0 (https://docs.stripe.com/payments/checkout/adjustable-quantity).
   */
  private applyQuantities(session: CheckoutSession, quantities: Record<number, number> = {}): void {
    const items = this.store.sessionLineItems.get(session.id) ?? [];
    const next = items.map((stored) => stored.item.quantity);
    for (const [key, quantity] of Object.entries(quantities)) {
      const index = Number(key);
      const adjustable = items[index]?.adjustableQuantity;
      if (!adjustable?.enabled) {
        throw invalidRequest(`Line item ${key} does not allow the buyer to adjust its quantity.`);
      }
      if (
        !Number.isInteger(quantity) ||
        quantity < adjustable.minimum ||
        quantity > adjustable.maximum
      ) {
        throw invalidRequest(
          `The quantity of line item ${index} must be between ${adjustable.minimum} and ${adjustable.maximum}.`,
        );
      }
      next[index] = quantity;
    }
    if (items.length === 1 && next[0] === 0) {
      throw invalidRequest("The quantity of the only line item cannot go down to 0.");
    }
    let total = 0;
    items.forEach((stored, index) => (total += stored.item.price.unit_amount * (next[index] ?? 0)));
    const minimum = minimumChargeAmount(session.currency);
    if (total < minimum || total > MAXIMUM_AMOUNT) {
      throw invalidRequest(
        `The total must be between ${formatAmount(minimum, session.currency)} and ${formatAmount(MAXIMUM_AMOUNT, session.currency)}.`,
      );
    }
    items.forEach((stored, index) => (stored.item.quantity = next[index] ?? 0));
    applySessionAmounts(session, items);
  }

  /** The buyer confirms an open session: its quantities apply and it completes with a new intent. */
  private completeOpen(
    sessionId: string,
    choices: BuyerChoices,
    intentStatus: PaymentIntent["status"],
    method: string,
  ): { session: CheckoutSession; paymentIntent: PaymentIntent } {
    const session = this.session(sessionId);
    this.requireOpen(session);
    requireAllowedMethod(session, method);
    this.applyQuantities(session, choices.quantities);
    const paymentIntent = this.createPaymentIntent(session, intentStatus, method);
    this.complete(session, paymentIntent, choices.buyer);
    return { session, paymentIntent };
  }

  /** The customer pays by card: complete + paid. */
  payWithCard(sessionId: string, choices: BuyerChoices = {}): CheckoutSession {
    const { session, paymentIntent } = this.completeOpen(sessionId, choices, "processing", "card");
    this.succeedCharge(paymentIntent, session.customer_details?.email ?? null, "card");
    session.payment_status = "paid";
    if (session.mode === "subscription") this.subscriptions.start(session, paymentIntent);
    const invoice = this.invoices.issueFor(session);
    this.emit("checkout.session.completed", session, NO_REQUEST);
    this.invoices.announce(invoice);
    return session;
  }

  /** The customer picks a delayed method (konbini): complete + unpaid until it settles. */
  payWithDelayedMethod(sessionId: string, choices: BuyerChoices = {}): CheckoutSession {
    const { session } = this.completeOpen(sessionId, choices, "requires_action", "konbini");
    session.payment_status = "unpaid";
    this.emit("checkout.session.completed", session, NO_REQUEST);
    return session;
  }

  settleDelayedPayment(sessionId: string, outcome: "succeeded" | "failed"): CheckoutSession {
    const session = this.session(sessionId);
    const paymentIntent = session.payment_intent
      ? this.store.paymentIntents.get(session.payment_intent)
      : undefined;
    if (
      session.status !== "complete" ||
      session.payment_status !== "unpaid" ||
      !paymentIntent ||
      paymentIntent.status !== "requires_action"
    ) {
      throw invalidRequest(
        `Checkout Session ${session.id} has no delayed payment awaiting settlement.`,
      );
    }
    if (outcome === "succeeded") {
      this.succeedCharge(paymentIntent, session.customer_details?.email ?? null, "konbini");
      session.payment_status = "paid";
      const invoice = this.invoices.issueFor(session);
      this.emit("checkout.session.async_payment_succeeded", session, NO_REQUEST);
      this.invoices.announce(invoice);
    } else {
      paymentIntent.status = "requires_payment_method";
      this.emit("payment_intent.payment_failed", paymentIntent, NO_REQUEST);
      this.emit("checkout.session.async_payment_failed", session, NO_REQUEST);
    }
    return session;
  }

  private expireNow(session: CheckoutSession, cause: EventCause): void {
    session.status = "expired";
    session.url = null;
    this.recovery.attachRecoveryUrl(session);
    this.emit("checkout.session.expired", session, cause);
  }

  /** Open sessions past `expires_at` expire (Stripe does it shortly after; here when looked at). */
  expireIfDue(session: CheckoutSession): void {
    if (session.status === "open" && session.expires_at <= this.store.now()) {
      this.expireNow(session, NO_REQUEST);
    }
  }

  expireDueSessions(): void {
    for (const session of this.store.sessions.values()) this.expireIfDue(session);
  }

  /** POST /v1/checkout/sessions/:id/expire — only open sessions. */
  expire(sessionId: string, cause: EventCause): CheckoutSession {
    const session = this.session(sessionId, "session");
    this.expireIfDue(session);
    if (session.status !== "open") {
      // Message as Stripe answers (quoted in https://github.com/Sylius/PayumStripePlugin/issues/70).
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
      );
    }
    this.expireNow(session, cause);
    return session;
  }

  /** A payment intent's successful charge, which refunds and disputes act on. */
  chargeOf(paymentIntentId: string, action: string, livemode?: boolean): Charge {
    const paymentIntent = this.store.paymentIntents.get(paymentIntentId);
    if (!paymentIntent) {
      throw resourceMissing("payment_intent", paymentIntentId, "payment_intent", 400);
    }
    if (livemode !== undefined) {
      requireMode(paymentIntent, livemode, "payment_intent", "payment_intent", 400);
    }
    const charge = paymentIntent.latest_charge
      ? this.store.charges.get(paymentIntent.latest_charge)
      : undefined;
    if (!charge) {
      throw invalidRequest(
        `This PaymentIntent (${paymentIntent.id}) does not have a successful charge to ${action}.`,
        "charge_not_refundable",
        "payment_intent",
      );
    }
    return charge;
  }

  /** The payment intent of a session the customer paid or is paying. */
  paymentIntentOf(sessionId: string): string {
    const paymentIntent = this.session(sessionId).payment_intent;
    if (!paymentIntent) throw invalidRequest(`Checkout Session ${sessionId} has no payment.`);
    return paymentIntent;
  }

  /** Refunds all or part of what remains of a payment intent's charge. */
  refund(
    target: { paymentIntent?: string; charge?: string },
    amount: number | undefined,
    cause: EventCause,
    extra: { reason?: string; metadata?: Record<string, string>; livemode?: boolean } = {},
  ): Refund {
    let charge: Charge | undefined;
    if (target.charge !== undefined) {
      charge = this.store.charges.get(target.charge);
      if (!charge) throw resourceMissing("charge", target.charge, "charge", 400);
      if (extra.livemode !== undefined)
        requireMode(charge, extra.livemode, "charge", "charge", 400);
    } else if (target.paymentIntent !== undefined) {
      charge = this.chargeOf(target.paymentIntent, "refund", extra.livemode);
    }
    if (!charge)
      throw invalidRequest("Missing required param: payment_intent.", "parameter_missing");
    // A charged-back payment is not refundable while its dispute says so (Stripe's
    // `is_charge_refundable`): https://docs.stripe.com/error-codes#charge-disputed,
    // https://docs.stripe.com/api/disputes/object#dispute_object-is_charge_refundable
    const chargeId = charge.id;
    const blocking = [...this.store.disputes.values()].find(
      (d) => d.charge === chargeId && !d.is_charge_refundable && d.status !== "won",
    );
    if (blocking) {
      throw invalidRequest(
        `Charge ${charge.id} has been charged back; cannot issue a refund.`,
        "charge_disputed",
      );
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw invalidRequest(
        `Charge ${charge.id} has already been refunded.`,
        "charge_already_refunded",
      );
    }
    const refundAmount = amount ?? remaining;
    if (refundAmount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatAmount(refundAmount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        "amount_too_large",
        "amount",
      );
    }
    const refund: Refund = {
      id: randomId("re_"),
      object: "refund",
      amount: refundAmount,
      balance_transaction: randomId("txn_"),
      charge: charge.id,
      created: this.store.now(),
      currency: charge.currency,
      metadata: extra.metadata ?? {},
      payment_intent: charge.payment_intent,
      reason: extra.reason ?? null,
      status: "succeeded",
    };
    this.store.refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += refundAmount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    this.context.events.emit("refund.created", refund, cause, undefined, charge.livemode);
    this.emit("charge.refunded", charge, cause, previous);
    return refund;
  }
}
