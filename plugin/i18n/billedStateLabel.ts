/** How a billed record's state reads, and why it gets no new link, in the user's language. */
import type { BilledState } from "../billing/billedState";
import type { Messages } from "./messages";

export function billedStateLabel(state: BilledState, messages: Messages): string {
  switch (state) {
    case "paid":
      return messages.billedPaid;
    case "awaiting_payment":
      return messages.billedAwaitingPayment;
    case "partially_refunded":
      return messages.billedPartiallyRefunded;
    case "disputed":
      return messages.billedDisputed;
    case "dispute_lost":
      return messages.billedDisputeLost;
    case "no_payment_required":
      return messages.billedNoPaymentRequired;
  }
}

/** Why the record cannot get a new link, then how an administrator allows it: two sentences. */
export function billedReason(state: BilledState, messages: Messages): [string, string] {
  const why = state === "awaiting_payment" ? messages.billedReasonAwaiting : messages.billedReason;
  return [why, messages.billedHowToAllow];
}
