import type { PreviewSession, Recurring } from "../../core/api/proxyApi";
import type { Language, Messages } from "../i18n/messages";
import { element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { formatMoney } from "../ui/formatMoney";
import { formatMoneyPerPeriod } from "../ui/periodWords";
import { sessionPeriod } from "./sessionPeriod";
import { renderPreviewTaxRows, unitPriceHeader } from "./renderPreviewTaxRows";

/** More sessions than this are summed but not drawn one by one. */
export const MAX_SESSIONS_SHOWN = 30;

export interface PreviewTexts {
  messages: Messages;
  language: Language;
  nameRecord: (recordId: string) => string;
}

/** Sums per currency: sessions of different currencies are never added up. */
export function totalsByCurrency(sessions: PreviewSession[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const session of sessions) {
    totals.set(session.currency, (totals.get(session.currency) ?? 0) + session.amountTotal);
  }
  return totals;
}

/**
 * One card per session: its line items (name, unit price, quantity, range, amount) and total.
 * The dialog's footer shows the grand total.
 */
export function renderPreviewSessions(
  document: Document,
  sessions: PreviewSession[],
  texts: PreviewTexts,
): HTMLElement {
  const list = element(document, "div", { className: "kintone-stripe-checkout-preview-sessions" });
  sessions.slice(0, MAX_SESSIONS_SHOWN).forEach((session, index) => {
    list.append(renderSession(document, session, index, texts));
  });
  if (sessions.length > MAX_SESSIONS_SHOWN) {
    list.append(
      element(document, "p", {
        className: "kintone-stripe-checkout-preview-more",
        text: `… (+${sessions.length - MAX_SESSIONS_SHOWN})`,
      }),
    );
  }
  return list;
}

function renderSession(
  document: Document,
  session: PreviewSession,
  index: number,
  { messages, language, nameRecord }: PreviewTexts,
): HTMLElement {
  const money = (amount: number) => formatMoney(amount, session.currency, language);
  // A subscription line's amounts are per period: "¥5,000 / month".
  const perPeriod = (amount: number, recurring: Recurring | undefined) =>
    formatMoneyPerPeriod(amount, session.currency, recurring, messages, language);
  // A number column's header is right-aligned over its numbers.
  const header = element(document, "tr", {}, [
    ...(
      [
        [messages.previewItemHeader, ""],
        [unitPriceHeader(session, messages), "number"],
        [messages.previewQuantityHeader, "number"],
        [messages.previewAdjustableHeader, ""],
        [messages.previewAmountHeader, "number"],
      ] as const
    ).map(([text, className]) =>
      element(document, "th", className === "" ? { text } : { text, className }),
    ),
  ]);
  const rows = session.lineItems.map((item) => {
    const adjustable =
      item.minQuantity !== undefined || item.maxQuantity !== undefined
        ? fillTemplate(messages.previewAdjustableRange, {
            min: item.minQuantity ?? 0,
            max: item.maxQuantity ?? 99,
          })
        : messages.previewFixedQuantity;
    const row =
      item.row === undefined ? undefined : fillTemplate(messages.issueRow, { row: item.row });
    const source = [nameRecord(item.recordId), row, item.productCode].filter(Boolean).join(" · ");
    return element(document, "tr", { className: "kintone-stripe-checkout-line" }, [
      element(document, "td", {}, [
        element(document, "div", {
          className: "kintone-stripe-checkout-line-name",
          text: item.name,
        }),
        element(document, "div", {
          className: "kintone-stripe-checkout-line-source",
          text: source,
        }),
      ]),
      element(document, "td", {
        className: "number",
        text: perPeriod(item.unitAmount, item.recurring),
      }),
      element(document, "td", { className: "number", text: String(item.quantity) }),
      element(document, "td", { text: adjustable }),
      element(document, "td", {
        className: "number",
        text: perPeriod(item.unitAmount * item.quantity, item.recurring),
      }),
    ]);
  });
  const total = element(document, "tr", { className: "kintone-stripe-checkout-session-total" }, [
    element(document, "td", { text: messages.previewSessionTotal, attributes: { colspan: "4" } }),
    element(document, "td", {
      className: "number",
      text: perPeriod(session.amountTotal, sessionPeriod(session)),
    }),
  ]);
  return element(document, "section", { className: "kintone-stripe-checkout-session" }, [
    element(document, "h4", {
      text: fillTemplate(messages.previewSessionTitle, {
        index: index + 1,
        records: session.recordIds.map(nameRecord).join(", "),
      }),
    }),
    element(document, "table", { className: "kintone-stripe-checkout-lines" }, [
      element(document, "thead", {}, [header]),
      element(document, "tbody", {}, [
        ...rows,
        ...renderPreviewTaxRows(document, session, messages, money),
        total,
      ]),
    ]),
  ]);
}
