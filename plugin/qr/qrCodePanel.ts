/**
 * Paying in person: a button that shows the live link as a QR code the customer scans with their
 * own phone, the amount and the customer under it, and the payment's state, which follows the
 * session while the code is shown and turns to "paid" the moment Stripe says so, without a
 * reload. Hidden again, it stops asking.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import { billedBadge } from "../billing/billedBadge";
import type { PageVisibility, Poller, PollScheduler } from "../detail/confirmationPoller";
import { pageScheduler, pageVisibility } from "../detail/confirmationPoller";
import type { Language, Messages } from "../i18n/messages";
import { button, element } from "../ui/element";
import { formatMoney } from "../ui/formatMoney";
import { followSession, sessionOutcome, type SessionOutcome } from "./followSession";
import { qrCodeSvg } from "./qrCodeSvg";

export const QR_CLASS = "kintone-stripe-checkout-qr";

export interface QrCodePanelOptions {
  messages: Messages;
  language: Language;
  sessionId: string;
  /** The live link the code holds, exactly as the record has it. */
  url: string;
  /** Who pays, as the record knows them (used until Stripe's session names them). */
  customer?: string;
  getSession: (sessionId: string) => Promise<{ session: SessionViewAnswer }>;
  /** Told once the session is paid or closed, e.g. to refresh the rest of the screen. */
  onSettled?: (outcome: SessionOutcome) => void;
  scheduler?: PollScheduler;
  visibility?: PageVisibility;
}

/** The toggle and its panel; nothing when the record has no live link. */
export function qrCodePanel(doc: Document, options: QrCodePanelOptions): HTMLElement {
  const { messages } = options;
  const win = doc.defaultView;
  const frame = element(doc, "div", { className: `${QR_CLASS}-frame` });
  const amount = element(doc, "span", { className: `${QR_CLASS}-amount-value` });
  const customer = element(doc, "span", {
    className: `${QR_CLASS}-customer-value`,
    text: options.customer ?? "",
  });
  const state = element(doc, "div", {
    className: `${QR_CLASS}-state`,
    text: messages.qrWaiting,
    attributes: { role: "status", "aria-live": "polite" },
  });
  const customerRow = [
    element(doc, "dt", { text: messages.qrCustomerLabel }),
    element(doc, "dd", {}, [customer]),
  ];
  // A record that names nobody shows no empty "Customer" line until Stripe knows them.
  const showCustomerRow = () =>
    customerRow.forEach((node) => (node.hidden = customer.textContent === ""));
  showCustomerRow();
  const details = element(doc, "dl", { className: `${QR_CLASS}-details` }, [
    element(doc, "dt", { text: messages.qrAmountLabel }),
    element(doc, "dd", {}, [amount]),
    ...customerRow,
  ]);
  const panel = element(doc, "div", { className: `${QR_CLASS}-panel` }, [
    frame,
    element(doc, "p", { className: `${QR_CLASS}-caption`, text: messages.qrCaption }),
    details,
    state,
  ]);
  panel.hidden = true;

  let poller: Poller | undefined;
  let settled = false;
  const toggle = button(doc, messages.qrShow, () => (panel.hidden ? show() : hide()));
  toggle.classList.add(`${QR_CLASS}-toggle`);
  toggle.setAttribute("aria-expanded", "false");

  const showSession = (session: SessionViewAnswer) => {
    if (session.amountTotal !== null && session.currency !== null) {
      amount.textContent = formatMoney(session.amountTotal, session.currency, options.language);
    }
    if (session.customerEmail !== null && customer.textContent === "") {
      customer.textContent = session.customerEmail;
    }
    showCustomerRow();
  };

  const settle = (outcome: SessionOutcome) => {
    settled = true;
    poller = undefined;
    frame.replaceChildren(); // nobody should scan a link that can no longer take a payment
    if (outcome.kind === "billed") {
      showSession(outcome.session);
      state.replaceChildren(
        billedBadge(doc, outcome.state, messages),
        element(doc, "span", { text: messages.qrPaid }),
      );
      state.className = `${QR_CLASS}-state ${QR_CLASS}-state-paid`;
    } else {
      state.textContent = messages.qrClosed;
      state.className = `${QR_CLASS}-state ${QR_CLASS}-state-closed`;
    }
    options.onSettled?.(outcome);
  };

  const follow = () => {
    if (win === null || settled) return;
    state.textContent = messages.qrWaiting;
    poller = followSession({
      sessionId: options.sessionId,
      getSession: options.getSession,
      onSession: showSession,
      onSettled: settle,
      onGaveUp: () => {
        poller = undefined;
        state.replaceChildren(
          element(doc, "span", { text: messages.qrStoppedFollowing }),
          button(doc, messages.qrFollowAgain, follow),
        );
      },
      scheduler: options.scheduler ?? pageScheduler(win),
      visibility: options.visibility ?? pageVisibility(doc),
    });
  };

  function show() {
    // Drawn when first asked for: most record views never need it.
    if (!settled && frame.childElementCount === 0) {
      frame.append(qrCodeSvg(doc, options.url, { label: messages.qrCodeLabel }));
    }
    panel.hidden = false;
    toggle.textContent = messages.qrHide;
    toggle.setAttribute("aria-expanded", "true");
    // The amount and the customer at once; then the gentle polling takes over.
    void options
      .getSession(options.sessionId)
      .then(({ session }) => {
        showSession(session);
        const outcome = sessionOutcome(session);
        if (outcome !== undefined && !settled) {
          poller?.stop();
          settle(outcome);
        }
      })
      .catch(() => undefined);
    if (poller === undefined) follow();
  }

  function hide() {
    panel.hidden = true;
    toggle.textContent = messages.qrShow;
    toggle.setAttribute("aria-expanded", "false");
    poller?.stop();
    poller = undefined;
  }

  return element(doc, "div", { className: QR_CLASS }, [toggle, panel]);
}
