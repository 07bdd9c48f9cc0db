/**
 * The confirmation before a subscription is cancelled: it names the customer (their e-mail) and
 * the amount per period, and asks when: at the end of the current period (the default, the
 * customer keeps what they paid for) or now. Resolves the choice, or undefined when kept.
 */
import type { Messages } from "../i18n/messages";
import { button, element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { openModal } from "../ui/openModal";

export interface CancelQuestion {
  customer: string;
  /** "¥5,000 / month". */
  amount: string;
  /** The current period's end, as shown to the user; "" when unknown. */
  periodEnd: string;
}

export const CANCEL_DIALOG_CLASS = "kintone-stripe-checkout-cancel-subscription";

export function confirmCancelSubscription(
  document: Document,
  question: CancelQuestion,
  messages: Messages,
): Promise<{ atPeriodEnd: boolean } | undefined> {
  return new Promise((resolve) => {
    let answer: { atPeriodEnd: boolean } | undefined;
    const modal = openModal(document, {
      title: messages.subscriptionCancelTitle,
      className: CANCEL_DIALOG_CLASS,
      closeLabel: messages.subscriptionCancelKeep,
      onClose: () => resolve(answer),
    });
    const choice = (value: string, text: string, checked: boolean) => {
      const input = element(document, "input", {
        attributes: { type: "radio", name: "kintone-stripe-checkout-cancel-when", value },
      });
      input.checked = checked;
      return element(document, "label", { className: `${CANCEL_DIALOG_CLASS}-when` }, [
        input,
        text,
      ]);
    };
    const atPeriodEnd = choice(
      "periodEnd",
      question.periodEnd === ""
        ? messages.subscriptionCancelAtPeriodEnd
        : `${messages.subscriptionCancelAtPeriodEnd} (${question.periodEnd})`,
      true,
    );
    const now = choice("now", messages.subscriptionCancelNow, false);
    modal.body.append(
      element(document, "p", {
        className: "kintone-stripe-checkout-confirm-message",
        text: fillTemplate(messages.subscriptionCancelBody, {
          customer: question.customer,
          amount: question.amount,
        }),
      }),
      element(document, "div", {}, [atPeriodEnd, now]),
    );
    const confirm = button(
      document,
      messages.subscriptionCancelConfirm,
      () => {
        answer = { atPeriodEnd: atPeriodEnd.querySelector("input")!.checked };
        modal.close();
      },
      "danger",
    );
    confirm.classList.add("kintone-stripe-checkout-confirm-ok");
    const keep = button(document, messages.subscriptionCancelKeep, () => modal.close());
    keep.classList.add("kintone-stripe-checkout-confirm-cancel");
    modal.footer.append(keep, confirm);
    keep.focus();
  });
}
