/**
 * Recovering abandoned carts (https://docs.stripe.com/payments/checkout/abandoned-carts): a session
 * created with `after_expiration[recovery][enabled]=true` gets, when it expires, a recovery URL
 * (valid 30 days) in `after_expiration.recovery.url`. Opening it makes a new open session, a copy
 * of the expired one (same line items, currency, mode, metadata, client_reference_id,
 * customer_email, success and cancel URLs) whose `recovered_from` names the expired session.
 */
import type { EmulatorContext } from "./EmulatorContext";
import type { ParamReader } from "./params";
import { invalidRequest, resourceMissing } from "./StripeApiError";
import { randomId } from "./StripeStore";
import type { AfterExpiration, CheckoutSession } from "./stripeObjects";

export const RECOVERY_URL_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const RECOVERY_PATH_PREFIX = "/c/recover/";

/** `after_expiration[recovery]`: the URL and its expiry stay null until the session expires. */
export function readAfterExpiration(params: ParamReader): AfterExpiration | null {
  const recovery = params
    .object("after_expiration", ["recovery"])
    ?.object("recovery", ["enabled", "allow_promotion_codes"]);
  if (!recovery) return null;
  return {
    recovery: {
      enabled: recovery.boolean("enabled", { required: true }) ?? false,
      allow_promotion_codes: recovery.boolean("allow_promotion_codes") ?? false,
      expires_at: null,
      url: null,
    },
  };
}

export class RecoveryFlows {
  constructor(
    private readonly context: EmulatorContext,
    private readonly expireIfDue: (session: CheckoutSession) => void,
  ) {}

  private get store() {
    return this.context.store;
  }

  /** Called as a session expires: a recovery-enabled session gets its recovery URL now. */
  attachRecoveryUrl(session: CheckoutSession): void {
    const recovery = session.after_expiration?.recovery;
    if (!recovery?.enabled || recovery.url) return;
    const token = randomId("", 32);
    this.store.recoveryTokens.set(token, session.id);
    recovery.url = `${this.context.config.publicBaseUrl}${RECOVERY_PATH_PREFIX}${token}`;
    recovery.expires_at = this.store.now() + RECOVERY_URL_LIFETIME_SECONDS;
  }

  /** The expired session a recovery URL token belongs to, if any. */
  expiredSessionOf(token: string): string | undefined {
    return this.store.recoveryTokens.get(token);
  }

  /**
   * What opening the recovery URL does: the session made from it earlier while that one is not
   * expired (so a second visit does not make a second session), else a new copy.
   */
  recover(expiredId: string): CheckoutSession {
    const expired = this.store.sessions.get(expiredId);
    if (!expired) throw resourceMissing("checkout.session", expiredId, "session", 400);
    this.expireIfDue(expired);
    const recovery = expired.after_expiration?.recovery;
    if (!recovery?.enabled) {
      throw invalidRequest(
        `Checkout Session ${expired.id} was not created with after_expiration[recovery][enabled]=true.`,
      );
    }
    if (expired.status !== "expired" || !recovery.url) {
      throw invalidRequest(
        `Only expired Checkout Sessions can be recovered. This Checkout Session has a status of \`${expired.status}\`.`,
      );
    }
    if (recovery.expires_at !== null && recovery.expires_at <= this.store.now()) {
      throw invalidRequest(`The recovery URL of Checkout Session ${expired.id} has expired.`);
    }
    const earlierId = this.store.recoveredSessions.get(expired.id);
    const earlier = earlierId ? this.store.sessions.get(earlierId) : undefined;
    if (earlier) {
      this.expireIfDue(earlier);
      if (earlier.status !== "expired") return earlier;
    }
    return this.copy(expired, recovery.allow_promotion_codes);
  }

  private copy(expired: CheckoutSession, allowPromotionCodes: boolean): CheckoutSession {
    const now = this.store.now();
    const id = randomId(expired.livemode ? "cs_live_" : "cs_test_", 58);
    const session: CheckoutSession = {
      ...structuredClone(expired),
      id,
      // "Enables user redeemable promotion codes on the recovered Checkout Sessions."
      allow_promotion_codes: allowPromotionCodes || expired.allow_promotion_codes,
      after_expiration: null,
      created: now,
      customer_details: null,
      collected_information: null,
      // The copy lives as long as the original did (30 minutes to 24 hours).
      expires_at: now + (expired.expires_at - expired.created),
      payment_intent: null,
      payment_status: "unpaid",
      recovered_from: expired.id,
      status: "open",
      url: `${this.context.config.publicBaseUrl}/c/pay/${id}`,
    };
    const lines = structuredClone(this.store.sessionLineItems.get(expired.id) ?? []);
    for (const line of lines) line.item.id = randomId("li_");
    this.store.sessions.set(id, session);
    this.store.sessionLineItems.set(id, lines);
    this.store.sessionPaymentIntentData.set(
      id,
      structuredClone(this.store.sessionPaymentIntentData.get(expired.id) ?? {}),
    );
    this.store.recoveredSessions.set(expired.id, id);
    return session;
  }
}
