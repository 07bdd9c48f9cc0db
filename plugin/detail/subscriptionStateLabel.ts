/** A subscription's state (Stripe's `status`) in the user's words, and the colour it shows in. */
import type { Messages } from "../i18n/messages";

export type StateTone = "good" | "warning" | "bad" | "neutral";

/** https://docs.stripe.com/api/subscriptions/object#subscription_object-status */
export function subscriptionStateLabel(
  status: string,
  messages: Messages,
): { text: string; tone: StateTone } {
  const states: Record<string, [string, StateTone]> = {
    active: [messages.subscriptionStatusActive, "good"],
    trialing: [messages.subscriptionStatusTrialing, "good"],
    past_due: [messages.subscriptionStatusPastDue, "warning"],
    incomplete: [messages.subscriptionStatusIncomplete, "warning"],
    paused: [messages.subscriptionStatusPaused, "warning"],
    unpaid: [messages.subscriptionStatusUnpaid, "bad"],
    canceled: [messages.subscriptionStatusCanceled, "bad"],
    incomplete_expired: [messages.subscriptionStatusIncompleteExpired, "bad"],
  };
  const known = Object.prototype.hasOwnProperty.call(states, status) ? states[status] : undefined;
  // A state newer than this plugin is shown as Stripe names it.
  return known ? { text: known[0], tone: known[1] } : { text: status, tone: "neutral" };
}
