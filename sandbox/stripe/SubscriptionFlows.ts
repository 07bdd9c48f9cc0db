/**
 * A subscription's life on the emulator's clock (its "test clock"):
 * - a paid subscription-mode Checkout Session creates the Customer (when it names none), the
 *   Subscription (`active`, its items' periods starting now) and its first invoice, paid; the
 *   session then names both (https://docs.stripe.com/payments/checkout/build-subscriptions);
 *   events: `customer.created`, `customer.subscription.created`, `invoice.created`,
 *   `invoice.finalized`, `invoice.paid`, `invoice.payment_succeeded`, then the session's
 *   `checkout.session.completed` (https://docs.stripe.com/billing/subscriptions/webhooks);
 * - each period end the clock passes renews it: `customer.subscription.updated` with the new
 *   period, a `subscription_cycle` invoice paid or failed (a control decides; default paid), a
 *   failure making the subscription `past_due` and the next paid renewal `active` again;
 * - `cancel_at_period_end` ends it (`canceled`, `customer.subscription.deleted`) when the clock
 *   passes the period end; canceling now ends it at once
 *   (https://docs.stripe.com/billing/subscriptions/cancel).
 */
import type { EmulatorContext } from "./EmulatorContext";
import { NO_REQUEST, type EventCause } from "./EventBus";
import { invalidRequest, resourceMissing } from "./StripeApiError";
import { randomId } from "./StripeStore";
import { nextBoundary, periodBoundary } from "./billingPeriods";
import type { CheckoutSession, Customer, PaymentIntent, Price } from "./stripeObjects";
import type { RenewalOutcome, Subscription } from "./subscriptionObjects";
import { SubscriptionInvoices } from "./SubscriptionInvoices";

type Recurring = NonNullable<Price["recurring"]>;

export class SubscriptionFlows {
  private readonly invoices: SubscriptionInvoices;

  constructor(private readonly context: EmulatorContext) {
    this.invoices = new SubscriptionInvoices(context);
  }

  private get store() {
    return this.context.store;
  }

  subscription(id: string, param = "id", status = 404): Subscription {
    const subscription = this.store.subscriptions.get(id);
    if (!subscription) throw resourceMissing("subscription", id, param, status);
    return subscription;
  }

  /** The paid session's Subscription and first invoice; their events precede the session's. */
  start(session: CheckoutSession, paymentIntent: PaymentIntent): void {
    const customer = this.customerFor(session);
    const now = this.nowOn(customer.test_clock ?? null);
    paymentIntent.customer = customer.id;
    const items = (this.store.sessionLineItems.get(session.id) ?? []).map((stored) => stored.item);
    const recurring = items.find((item) => item.price.recurring)?.price.recurring as Recurring;
    const periodEnd = periodBoundary(now, recurring, 1);
    const data = this.store.sessionSubscriptionData.get(session.id) ?? {};
    const id = randomId("sub_");
    const subscription: Subscription = {
      id,
      object: "subscription",
      application: null,
      application_fee_percent: null,
      automatic_tax: {
        disabled_reason: null,
        enabled: session.automatic_tax.enabled,
        liability: null,
      },
      billing_cycle_anchor: now,
      billing_cycle_anchor_config: null,
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, reason: null },
      collection_method: "charge_automatically",
      created: now,
      currency: session.currency,
      customer: customer.id,
      days_until_due: null,
      default_payment_method: paymentIntent.payment_method,
      description: data.description ?? null,
      discounts: [],
      ended_at: null,
      items: {
        object: "list",
        data: items
          .filter((item) => item.price.recurring)
          .map((item) => ({
            id: randomId("si_", 14),
            object: "subscription_item",
            created: now,
            current_period_end: periodEnd,
            current_period_start: now,
            discounts: [],
            metadata: {},
            price: structuredClone(item.price),
            quantity: item.quantity,
            subscription: id,
            tax_rates: [],
          })),
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      livemode: session.livemode,
      metadata: { ...data.metadata },
      pause_collection: null,
      pending_update: null,
      schedule: null,
      start_date: now,
      status: "active",
      test_clock: customer.test_clock ?? null,
      trial_end: null,
      trial_start: null,
    };
    const invoice = this.invoices.issue(subscription, {
      reason: "subscription_create",
      items,
      linePeriod: { start: now, end: periodEnd },
      period: { start: now, end: now },
      customer,
      at: now,
    });
    subscription.latest_invoice = invoice.id;
    this.store.subscriptions.set(id, subscription);
    session.subscription = id;
    session.invoice = invoice.id;
    // A subscription-mode session has no payment intent of its own: its invoice is paid.
    session.payment_intent = null;
    this.context.events.emit("customer.subscription.created", subscription, NO_REQUEST);
    this.invoices.announceIssued(invoice);
    this.invoices.pay(invoice);
  }

  /** The session's customer, or a new one from what the buyer typed. */
  private customerFor(session: CheckoutSession): Customer {
    const known = session.customer ? this.store.customers.get(session.customer) : undefined;
    if (known) return known;
    const customer: Customer = {
      id: session.customer ?? randomId("cus_", 14),
      object: "customer",
      created: this.store.now(),
      description: null,
      email: session.customer_details?.email ?? session.customer_email,
      livemode: session.livemode,
      metadata: {},
      name: session.customer_details?.name ?? null,
      phone: session.customer_details?.phone ?? null,
    };
    this.store.customers.set(customer.id, customer);
    session.customer = customer.id;
    this.context.events.emit("customer.created", customer, NO_REQUEST);
    return customer;
  }

  /** Renews (or ends) every subscription whose period ended by the clock's now. */
  renewDue(): void {
    for (const subscription of this.store.subscriptions.values()) this.renewIfDue(subscription);
  }

  /** The time a subscription lives on: its test clock's, else the emulator's. */
  private nowOn(testClock: string | null): number {
    const clock = testClock === null ? undefined : this.store.testClocks.get(testClock);
    return clock?.frozen_time ?? this.store.now();
  }

  private renewIfDue(subscription: Subscription): void {
    const now = this.nowOn(subscription.test_clock);
    while (subscription.status !== "canceled" && periodOf(subscription).end <= now) {
      const { end } = periodOf(subscription);
      if (subscription.cancel_at_period_end) {
        this.end(subscription, end, NO_REQUEST);
        return;
      }
      this.renew(subscription);
    }
  }

  private renew(subscription: Subscription): void {
    const old = periodOf(subscription);
    const recurring = subscription.items.data[0]?.price.recurring as Recurring;
    const end = nextBoundary(subscription.billing_cycle_anchor, recurring, old.end);
    const previous = {
      items: structuredClone(subscription.items),
      latest_invoice: subscription.latest_invoice,
    };
    for (const item of subscription.items.data) {
      item.current_period_start = old.end;
      item.current_period_end = end;
    }
    const session = [...this.store.sessions.values()].find(
      (candidate) => candidate.subscription === subscription.id,
    );
    const items = (this.store.sessionLineItems.get(session?.id ?? "") ?? [])
      .map((stored) => stored.item)
      .filter((item) => item.price.recurring);
    const invoice = this.invoices.issue(subscription, {
      reason: "subscription_cycle",
      items,
      linePeriod: { start: old.end, end },
      period: old,
      customer: this.store.customers.get(subscription.customer) as Customer,
      at: old.end,
    });
    subscription.latest_invoice = invoice.id;
    this.context.events.emit("customer.subscription.updated", subscription, NO_REQUEST, previous);
    this.invoices.announceIssued(invoice);
    const outcome = this.store.nextRenewalOutcomes.get(subscription.id) ?? "pay";
    this.store.nextRenewalOutcomes.delete(subscription.id);
    if (outcome === "pay") {
      this.invoices.pay(invoice);
      if (subscription.status === "past_due") this.changeStatus(subscription, "active");
    } else {
      this.invoices.fail(invoice);
      if (subscription.status !== "past_due") this.changeStatus(subscription, "past_due");
    }
  }

  private changeStatus(subscription: Subscription, status: Subscription["status"]): void {
    const previous = { status: subscription.status };
    subscription.status = status;
    this.context.events.emit("customer.subscription.updated", subscription, NO_REQUEST, previous);
  }

  /** What the subscription's next renewal does (a control: the test card of a failing charge). */
  setNextRenewal(subscriptionId: string, outcome: RenewalOutcome): Subscription {
    const subscription = this.subscription(subscriptionId);
    this.store.nextRenewalOutcomes.set(subscription.id, outcome);
    return subscription;
  }

  private requireNotCanceled(subscription: Subscription): void {
    if (subscription.status === "canceled") {
      // "After it's canceled, the subscription is largely immutable" (stripe-node 23, cancel()).
      throw invalidRequest(
        "A canceled subscription can only update its cancellation_details and metadata.",
      );
    }
  }

  /** `cancel_at_period_end`: the subscription ends when the clock passes its period end. */
  setCancelAtPeriodEnd(
    subscription: Subscription,
    cancelAtPeriodEnd: boolean,
    cause: EventCause,
  ): Subscription {
    this.requireNotCanceled(subscription);
    if (subscription.cancel_at_period_end === cancelAtPeriodEnd) return subscription;
    const previous = {
      cancel_at: subscription.cancel_at,
      cancel_at_period_end: subscription.cancel_at_period_end,
      canceled_at: subscription.canceled_at,
      cancellation_details: { ...subscription.cancellation_details },
    };
    subscription.cancel_at_period_end = cancelAtPeriodEnd;
    subscription.cancel_at = cancelAtPeriodEnd ? periodOf(subscription).end : null;
    // "canceled_at will reflect the time of the most recent update request" (https://docs.stripe.com/api/subscriptions/object#subscription_object-canceled_at).
    subscription.canceled_at = cancelAtPeriodEnd ? this.nowOn(subscription.test_clock) : null;
    subscription.cancellation_details.reason = cancelAtPeriodEnd ? "cancellation_requested" : null;
    this.context.events.emit("customer.subscription.updated", subscription, cause, previous);
    return subscription;
  }

  /** DELETE /v1/subscriptions/:id: canceled now. */
  cancelNow(
    subscription: Subscription,
    cause: EventCause,
    details: { comment?: string; feedback?: string } = {},
  ): Subscription {
    this.requireNotCanceled(subscription);
    subscription.cancellation_details.comment = details.comment ?? null;
    subscription.cancellation_details.feedback = details.feedback ?? null;
    const now = this.nowOn(subscription.test_clock);
    subscription.canceled_at = now;
    subscription.cancellation_details.reason = "cancellation_requested";
    this.end(subscription, now, cause);
    return subscription;
  }

  private end(subscription: Subscription, at: number, cause: EventCause): void {
    subscription.status = "canceled";
    subscription.ended_at = at;
    this.context.events.emit("customer.subscription.deleted", subscription, cause);
  }
}

/** The current billing period: every item shares it (the emulator models one per subscription). */
export function periodOf(subscription: Subscription): { start: number; end: number } {
  const item = subscription.items.data[0];
  return { start: item?.current_period_start ?? 0, end: item?.current_period_end ?? 0 };
}
