/**
 * Disputes (https://docs.stripe.com/disputes, https://docs.stripe.com/api/disputes/object): the
 * cardholder disputes a paid charge — `charge.dispute.created` and `charge.dispute.funds_withdrawn`
 * — and the dispute closes as won (`charge.dispute.closed`, `charge.dispute.funds_reinstated`) or
 * lost (`charge.dispute.closed`) (https://docs.stripe.com/api/events/types). The charge's
 * `disputed` turns true with the dispute ("Whether the charge has been disputed",
 * https://docs.stripe.com/api/charges/object) and stays so.
 */
import type { EmulatorContext } from "./EmulatorContext";
import { NO_REQUEST } from "./EventBus";
import type { PaymentFlows } from "./PaymentFlows";
import { invalidRequest, resourceMissing } from "./StripeApiError";
import { randomId } from "./StripeStore";
import type { Dispute } from "./stripeObjects";

/** Stripe gives the merchant days to respond, "typically 7 to 21 days" (https://docs.stripe.com/disputes/responding). */
const RESPONSE_WINDOW_SECONDS = 7 * 24 * 60 * 60;

export type DisputeOutcome = "won" | "lost";

export class DisputeFlows {
  constructor(
    private readonly context: EmulatorContext,
    private readonly flows: PaymentFlows,
  ) {}

  private get store() {
    return this.context.store;
  }

  dispute(id: string): Dispute {
    const dispute = this.store.disputes.get(id);
    if (!dispute) throw resourceMissing("dispute", id);
    return dispute;
  }

  /** The cardholder disputes the payment intent's charge: the whole amount unless `amount` says. */
  open(paymentIntentId: string, amount?: number, reason = "fraudulent"): Dispute {
    const charge = this.flows.chargeOf(paymentIntentId, "dispute");
    if ([...this.store.disputes.values()].some((dispute) => dispute.charge === charge.id)) {
      throw invalidRequest(`Charge ${charge.id} has already been disputed.`, "charge_disputed");
    }
    const disputed = amount ?? charge.amount;
    if (!Number.isInteger(disputed) || disputed < 1 || disputed > charge.amount) {
      throw invalidRequest(
        `The disputed amount must be an integer between 1 and ${charge.amount}.`,
        undefined,
        "amount",
      );
    }
    const now = this.store.now();
    const dispute: Dispute = {
      id: randomId("dp_"),
      object: "dispute",
      amount: disputed,
      balance_transactions: [],
      charge: charge.id,
      created: now,
      currency: charge.currency,
      evidence_details: {
        due_by: now + RESPONSE_WINDOW_SECONDS,
        has_evidence: false,
        past_due: false,
        submission_count: 0,
      },
      is_charge_refundable: false,
      livemode: charge.livemode,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason,
      status: "needs_response",
    };
    this.store.disputes.set(dispute.id, dispute);
    charge.disputed = true;
    this.context.events.emit("charge.dispute.created", dispute, NO_REQUEST);
    this.context.events.emit("charge.dispute.funds_withdrawn", dispute, NO_REQUEST);
    return dispute;
  }

  /** The card network decides: won gives the funds back, lost keeps them with the cardholder. */
  close(disputeId: string, outcome: DisputeOutcome): Dispute {
    const dispute = this.dispute(disputeId);
    if (dispute.status === "won" || dispute.status === "lost") {
      throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`);
    }
    const previous = { status: dispute.status };
    dispute.status = outcome;
    this.context.events.emit("charge.dispute.closed", dispute, NO_REQUEST, previous);
    if (outcome === "won") {
      this.context.events.emit("charge.dispute.funds_reinstated", dispute, NO_REQUEST);
    }
    return dispute;
  }
}
