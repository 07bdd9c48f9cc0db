/**
 * The emulator's Subscriptions in Stripe's JSON shape for the pinned API version (stripe-node 23,
 * 2026-10-28): the billing period lives on each item (`items.data[].current_period_start/end`),
 * not on the subscription (https://docs.stripe.com/api/subscriptions/object,
 * https://docs.stripe.com/api/subscription_items/object).
 */
import type { Metadata, Price } from "./stripeObjects";

export type SubscriptionStatus =
  | "active"
  | "canceled"
  | "incomplete"
  | "incomplete_expired"
  | "past_due"
  | "paused"
  | "trialing"
  | "unpaid";

export interface SubscriptionItem {
  id: string;
  object: "subscription_item";
  created: number;
  current_period_end: number;
  current_period_start: number;
  discounts: never[];
  metadata: Metadata;
  price: Price;
  quantity: number;
  subscription: string;
  tax_rates: never[];
}

export interface Subscription {
  id: string;
  object: "subscription";
  application: null;
  application_fee_percent: null;
  automatic_tax: { disabled_reason: null; enabled: boolean; liability: null };
  billing_cycle_anchor: number;
  billing_cycle_anchor_config: null;
  cancel_at: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  cancellation_details: {
    comment: string | null;
    feedback: string | null;
    reason: "cancellation_requested" | "payment_failed" | null;
  };
  collection_method: "charge_automatically";
  created: number;
  currency: string;
  customer: string;
  days_until_due: null;
  default_payment_method: string | null;
  description: string | null;
  discounts: never[];
  ended_at: number | null;
  items: { object: "list"; data: SubscriptionItem[]; has_more: false; url: string };
  latest_invoice: string | null;
  livemode: boolean;
  metadata: Metadata;
  pause_collection: null;
  pending_update: null;
  schedule: null;
  start_date: number;
  status: SubscriptionStatus;
  /** The customer's test clock, whose time the subscription lives on. */
  test_clock: string | null;
  trial_end: null;
  trial_start: null;
}

/** `subscription_data` given at session creation, applied to the Subscription it creates. */
export interface SessionSubscriptionData {
  description?: string;
  metadata?: Metadata;
}

/** https://docs.stripe.com/api/test_clocks/object */
export interface TestClock {
  id: string;
  object: "test_helpers.test_clock";
  created: number;
  deletes_after: number;
  frozen_time: number;
  livemode: false;
  name: string | null;
  status: "advancing" | "ready";
  status_details: { advancing?: { target_frozen_time: number } };
}

/** What the next renewal of a subscription does: be paid, or fail (a control, default "pay"). */
export type RenewalOutcome = "pay" | "fail";
