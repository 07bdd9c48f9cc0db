/**
 * Paying on this device: for an app whose sessions are embedded (`uiMode: "embedded"`), a button
 * that opens Stripe's embedded Checkout in a dialog on the record screen, with the publishable key
 * and the Stripe.js address of the settings, for a buyer standing at the counter. While the
 * dialog is open the screen follows the session through the proxy, as the QR code does, and shows
 * it paid the moment Stripe says so — at once when Stripe.js reports the payment complete in the
 * dialog (`onComplete`), with no page reload.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import { billedBadge } from "../billing/billedBadge";
import type { EmbeddedCheckoutSettings } from "../config/embeddedCheckoutSettings";
import type { PageVisibility, Poller, PollScheduler } from "../detail/confirmationPoller";
import { pageScheduler, pageVisibility } from "../detail/confirmationPoller";
import type { Messages } from "../i18n/messages";
import { followSession, sessionOutcome, type SessionOutcome } from "../qr/followSession";
import { button, element } from "../ui/element";
import { openModal, type Modal } from "../ui/openModal";
import {
  createEmbeddedCheckout,
  loadStripeJs,
  type EmbeddedCheckout,
  type StripeJs,
} from "./loadStripeJs";

export const PAY_HERE_CLASS = "kintone-stripe-checkout-pay-here";

export interface PayOnThisDeviceOptions {
  messages: Messages;
  sessionId: string;
  /** undefined: no publishable key is saved, so the button says what is missing. */
  settings: EmbeddedCheckoutSettings | undefined;
  getSession: (sessionId: string) => Promise<{ session: SessionViewAnswer }>;
  onSettled?: (outcome: SessionOutcome) => void;
  loadStripe?: (doc: Document, url: string) => Promise<StripeJs>;
  scheduler?: PollScheduler;
  visibility?: PageVisibility;
}

export function payOnThisDevice(doc: Document, options: PayOnThisDeviceOptions): HTMLElement {
  const { messages, settings } = options;
  const state = element(doc, "div", {
    className: `${PAY_HERE_CLASS}-state`,
    attributes: { role: "status", "aria-live": "polite" },
  });
  state.hidden = true;
  const open = button(doc, messages.payHere, () => void openDialog());
  open.classList.add(`${PAY_HERE_CLASS}-open`);
  const root = element(doc, "div", { className: PAY_HERE_CLASS }, [open, state]);
  if (settings === undefined) {
    open.disabled = true;
    open.title = messages.payHereNotConfigured;
    return root;
  }
  const { publishableKey, stripeJsUrl } = settings;
  const win = doc.defaultView;
  let settled: SessionOutcome | undefined;

  /** The outcome in words (and a badge when billed), in the dialog and on the screen alike. */
  const showOutcome = (target: HTMLElement, outcome: SessionOutcome) => {
    const billed = outcome.kind === "billed";
    target.replaceChildren(
      ...(billed ? [billedBadge(doc, outcome.state, messages)] : []),
      element(doc, "span", { text: billed ? messages.qrPaid : messages.qrClosed }),
    );
    target.className = `${PAY_HERE_CLASS}-state ${PAY_HERE_CLASS}-state-${billed ? "paid" : "closed"}`;
    target.hidden = false;
  };

  async function openDialog() {
    let checkout: EmbeddedCheckout | undefined;
    let poller: Poller | undefined;
    let closed = false;
    const frame = element(doc, "div", { className: `${PAY_HERE_CLASS}-frame` });
    const note = element(doc, "div", {
      className: `${PAY_HERE_CLASS}-state`,
      text: messages.payHereLoading,
      attributes: { role: "status", "aria-live": "polite" },
    });
    const modal: Modal = openModal(doc, {
      title: messages.payHereTitle,
      className: `${PAY_HERE_CLASS}-dialog`,
      closeLabel: messages.close,
      onClose: () => {
        closed = true;
        poller?.stop();
        checkout?.destroy();
      },
    });
    modal.body.append(note, frame);
    modal.footer.remove(); // nothing to press there: Stripe's form has its own button

    const settle = (outcome: SessionOutcome) => {
      if (settled !== undefined) return;
      settled = outcome;
      poller?.stop();
      poller = undefined;
      checkout?.destroy();
      checkout = undefined;
      frame.replaceChildren();
      showOutcome(note, outcome);
      showOutcome(state, outcome);
      open.disabled = true;
      options.onSettled?.(outcome);
    };
    const fail = (text: string) => {
      note.textContent = text;
      note.className = `${PAY_HERE_CLASS}-state ${PAY_HERE_CLASS}-state-error`;
    };
    const checkNow = () =>
      options.getSession(options.sessionId).then(({ session }) => {
        const outcome = sessionOutcome(session);
        if (outcome !== undefined) settle(outcome);
        return session;
      });

    let clientSecret: string | undefined;
    try {
      const session = await checkNow();
      if (settled !== undefined) return;
      clientSecret = session.clientSecret;
    } catch {
      // The proxy did not answer: Stripe.js is not worth loading without the session.
    }
    if (clientSecret === undefined) return fail(messages.payHereNotOpen);
    const secret = clientSecret;
    try {
      const Stripe = await (options.loadStripe ?? loadStripeJs)(doc, stripeJsUrl);
      const made = await createEmbeddedCheckout(Stripe(publishableKey), {
        fetchClientSecret: () => Promise.resolve(secret),
        // The proxy makes embedded sessions with redirect_on_completion if_required, so a card
        // payment ends in the dialog and Stripe.js calls onComplete instead of leaving the record
        // (https://docs.stripe.com/payments/checkout/custom-redirect-behavior): ask the proxy
        // at once rather than at the follow's next tick; the follow goes on if it is not known yet.
        onComplete: () => void checkNow().catch(() => undefined),
      });
      if (closed) return made.destroy();
      checkout = made;
      checkout.mount(frame);
      note.textContent = messages.qrWaiting;
    } catch {
      return fail(messages.payHereLoadFailed);
    }
    if (win === null) return;
    poller = followSession({
      sessionId: options.sessionId,
      getSession: options.getSession,
      onSettled: settle,
      onGaveUp: () => (note.textContent = messages.qrStoppedFollowing),
      scheduler: options.scheduler ?? pageScheduler(win),
      visibility: options.visibility ?? pageVisibility(doc),
    });
  }

  return root;
}
