/**
 * The record's subscription, when its checkout made one (`subscriptionId` in the session view):
 * its state in words and colour, the amount per period, the next renewal (or the day it ends),
 * and a button to cancel it, at the period's end or now, after a confirmation.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { recordPeriod } from "../../core/subscription/recordPeriod";
import type { ProxyClient } from "../api/ProxyClient";
import { describeProxyError } from "../i18n/describeProxyError";
import type { Language, Messages } from "../i18n/messages";
import { button, element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { formatDate } from "../ui/formatDate";
import { formatMoneyPerPeriod } from "../ui/periodWords";
import { confirmCancelSubscription } from "./confirmCancelSubscription";
import { subscriptionStateLabel, type StateTone } from "./subscriptionStateLabel";

export type SubscriptionClient = Pick<ProxyClient, "getSession" | "cancelSubscription">;

export interface SubscriptionPanelOptions {
  messages: Messages;
  language: Language;
  client: SubscriptionClient;
  sessionId: string;
  recordId: string;
  record: Record<string, unknown>;
  mapping: MappingConfig;
  /** Says what happened on the record's message line. */
  show: (kind: "error" | "info" | "success", lines: string[]) => void;
  /** After a cancellation: reload the record (with this notice) so the written state shows. */
  done: (notice: string[]) => void;
}

export const SUBSCRIPTION_PANEL_CLASS = "kintone-stripe-checkout-subscription";

/** Good and bad states wear the checkout status's green and red; a warning its own orange. */
const TONE_COLOURS: Record<StateTone, string> = {
  good: "kintone-stripe-checkout-status-complete",
  warning: "kintone-stripe-checkout-subscription-warning",
  bad: "kintone-stripe-checkout-status-expired",
  neutral: "",
};

/** Empty (hidden) until the session is read; stays so for a session without a subscription. */
export function subscriptionPanel(
  document: Document,
  options: SubscriptionPanelOptions,
): HTMLElement {
  const panel = element(document, "div", { className: SUBSCRIPTION_PANEL_CLASS });
  panel.hidden = true;
  void options.client.getSession(options.sessionId).then(
    ({ session }) => {
      if (session.subscriptionId === undefined) return;
      panel.replaceChildren(...renderSubscription(document, session, options));
      panel.hidden = false;
    },
    // The record's own buttons say what is wrong with the proxy; nothing to add here.
    () => undefined,
  );
  return panel;
}

function renderSubscription(
  document: Document,
  session: SessionViewAnswer,
  options: SubscriptionPanelOptions,
): HTMLElement[] {
  const { messages, language } = options;
  const status = session.subscriptionStatus ?? "";
  const state = subscriptionStateLabel(status, messages);
  const period = recordPeriod(options.mapping.lineItem.recurring, options.record);
  const amount =
    session.amountTotal === null || session.currency === null
      ? ""
      : formatMoneyPerPeriod(session.amountTotal, session.currency, period, messages, language);
  const periodEnd = session.currentPeriodEnd ? formatDate(session.currentPeriodEnd, language) : "";
  const ended = status === "canceled" || status === "incomplete_expired";
  const renewal =
    ended || periodEnd === ""
      ? undefined
      : fillTemplate(
          session.cancelAtPeriodEnd
            ? messages.subscriptionEndsOn
            : messages.subscriptionNextRenewal,
          { date: periodEnd },
        );
  const parts = [
    element(document, "span", {
      className: `${SUBSCRIPTION_PANEL_CLASS}-title`,
      text: messages.subscriptionTitle,
    }),
    element(document, "span", {
      className: `kintone-stripe-checkout-status-pill ${SUBSCRIPTION_PANEL_CLASS}-${state.tone} ${TONE_COLOURS[state.tone]}`,
      text: state.text,
      attributes: { "data-status": status },
    }),
    element(document, "span", { className: `${SUBSCRIPTION_PANEL_CLASS}-amount`, text: amount }),
  ];
  if (renewal !== undefined) {
    parts.push(
      element(document, "span", {
        className: `${SUBSCRIPTION_PANEL_CLASS}-renewal`,
        text: renewal,
      }),
    );
  }
  // A subscription that ends or has ended cannot be cancelled again.
  if (!ended && !session.cancelAtPeriodEnd) {
    const subscriptionId = session.subscriptionId!;
    const cancel = button(document, messages.subscriptionCancelButton, () => {
      void cancelSubscription(document, subscriptionId, { session, amount, periodEnd }, options);
    });
    cancel.classList.add(`${SUBSCRIPTION_PANEL_CLASS}-cancel`);
    parts.push(cancel);
  }
  return parts;
}

async function cancelSubscription(
  document: Document,
  subscriptionId: string,
  shown: { session: SessionViewAnswer; amount: string; periodEnd: string },
  options: SubscriptionPanelOptions,
): Promise<void> {
  const { messages } = options;
  const choice = await confirmCancelSubscription(
    document,
    {
      customer: shown.session.customerEmail ?? messages.subscriptionCustomerUnknown,
      amount: shown.amount,
      periodEnd: shown.periodEnd,
    },
    messages,
  );
  if (choice === undefined) return;
  options.show("info", [messages.working]);
  try {
    const { subscription } = await options.client.cancelSubscription(
      subscriptionId,
      choice.atPeriodEnd,
    );
    options.done([
      subscription.cancelAtPeriodEnd
        ? messages.subscriptionCancelScheduled
        : messages.subscriptionCancelDone,
    ]);
  } catch (error) {
    const { message, details } = describeProxyError(error, messages);
    options.show("error", [message, ...details]);
  }
}
