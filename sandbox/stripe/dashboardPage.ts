/**
 * The emulator's "Dashboard": the Checkout Sessions (newest first) with their payment, refunds and
 * dispute, and the buttons for what Stripe's test mode lets a developer do to them — settle or fail
 * a konbini payment, refund all or part, open a dispute and win or lose it, expire an open session
 * (https://docs.stripe.com/testing). Every value from data is escaped; every action is a POST form
 * carrying the page's token (see dashboardActions.ts).
 */
import { formatDateTime, type CheckoutLanguage } from "./checkoutPageTexts";
import { dashboardTexts, type DashboardTexts } from "./dashboardTexts";
import { formatAmount, minorUnitDigits } from "./currencies";
import { escapeHtml } from "./emulatorHtml";
import type { StripeStore } from "./StripeStore";
import type { CheckoutSession, Dispute } from "./stripeObjects";
import { newestFirst } from "./StripeStore";
import { subscriptionsSection } from "./dashboardSubscriptions";

export const DASHBOARD_PATH = "/dashboard";
/** How many of the newest events the page lists. */
const RECENT_EVENTS = 15;

export interface DashboardNotice {
  kind: "done" | "error";
  message: string;
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
         color: #1a1f36; background: #f6f9fc; }
  header { background: #fff; border-bottom: 1px solid #e3e8ee; padding: 16px 32px; }
  h1 { font-size: 20px; margin: 0; }
  h2 { font-size: 16px; margin: 28px 0 8px; }
  main { padding: 8px 32px 48px; }
  .badge { display: inline-block; font-size: 12px; font-weight: 600; color: #a04100;
           background: #ffde92; border-radius: 4px; padding: 2px 6px; margin-left: 8px; vertical-align: middle; }
  .muted { color: #697386; font-size: 13px; }
  table { border-collapse: collapse; width: 100%; background: #fff; border-radius: 8px;
          box-shadow: 0 1px 3px rgba(60,66,87,.12); }
  th, td { text-align: left; padding: 10px 12px; border-bottom: 1px solid #e3e8ee; vertical-align: top; }
  th { font-size: 12px; color: #697386; font-weight: 600; }
  td a { white-space: nowrap; }
  td.amount, th.amount { text-align: right; white-space: nowrap; }
  code { font-size: 12px; }
  .state { display: inline-block; border-radius: 4px; padding: 1px 6px; font-size: 12px; font-weight: 600;
           background: #e3e8ee; margin: 0 4px 2px 0; }
  .state.good { background: #d7f7c2; color: #05690d; }
  .state.wait { background: #fcedb9; color: #a04100; }
  .state.bad { background: #ffe7f2; color: #b3093c; }
  form { display: inline-flex; gap: 4px; align-items: center; margin: 0 6px 6px 0; }
  button { font: inherit; font-size: 13px; font-weight: 600; border: 1px solid #d5dbe1; border-radius: 6px;
           padding: 4px 10px; background: #fff; cursor: pointer; }
  button.primary { background: #635bff; color: #fff; border-color: #635bff; }
  button.danger { color: #b3093c; }
  input[type=text] { width: 7em; font: inherit; font-size: 13px; padding: 3px 6px; }
  .notice { margin: 16px 0 0; padding: 10px 14px; border-radius: 6px; }
  .notice.done { background: #d7f7c2; color: #05690d; }
  .notice.error { background: #ffe7f2; color: #b3093c; }
  .empty { padding: 24px; text-align: center; color: #697386; }
`;

export function state(text: string, tone: "good" | "wait" | "bad" | "plain" = "plain"): string {
  return `<span class="state ${tone}">${escapeHtml(text)}</span>`;
}

/** Minor units as the amount field shows them: "1800" for ¥1,800, "12.50" for $12.50. */
export function majorUnitsText(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(amount).padStart(digits + 1, "0");
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A POST form with the page's token and language (the answer speaks it too). */
export function actionForm(
  view: View,
  action: string,
  button: string,
  options: { tone?: "primary" | "danger"; fields?: string } = {},
): string {
  const tone = options.tone ? ` class="${options.tone}"` : "";
  const hidden = `<input type="hidden" name="token" value="${escapeHtml(view.token)}"><input type="hidden" name="lang" value="${escapeHtml(view.t.htmlLang)}">`;
  return `<form method="post" action="${escapeHtml(action)}">${hidden}${options.fields ?? ""}<button type="submit"${tone}>${escapeHtml(button)}</button></form>`;
}

function sessionStates(session: CheckoutSession): string {
  const status = state(
    session.status,
    session.status === "complete" ? "good" : session.status === "open" ? "wait" : "plain",
  );
  const payment = state(
    session.payment_status,
    session.payment_status === "paid" ? "good" : session.status === "complete" ? "wait" : "plain",
  );
  return status + payment;
}

interface SessionRow {
  session: CheckoutSession;
  refunded: number;
  disputes: Dispute[];
  paymentIntentStatus: string | undefined;
  chargeStatus: string | undefined;
}

function sessionRow(store: StripeStore, session: CheckoutSession): SessionRow {
  const paymentIntent = session.payment_intent
    ? store.paymentIntents.get(session.payment_intent)
    : undefined;
  const charge = paymentIntent?.latest_charge
    ? store.charges.get(paymentIntent.latest_charge)
    : undefined;
  return {
    session,
    refunded: charge?.amount_refunded ?? 0,
    disputes: [...store.disputes.values()].filter((d) => d.payment_intent === paymentIntent?.id),
    paymentIntentStatus: paymentIntent?.status,
    chargeStatus: charge?.status,
  };
}

/** What every part of the page needs: the form token, the words, the clock. */
export interface View {
  token: string;
  language: CheckoutLanguage;
  t: DashboardTexts;
  when: (epochSeconds: number) => string;
}

function paymentCell(row: SessionRow, { t }: View): string {
  const { session } = row;
  if (session.subscription) return `<code>${escapeHtml(session.subscription)}</code>`;
  if (row.paymentIntentStatus === undefined) return `<span class="muted">—</span>`;
  const parts = [
    `<code>${escapeHtml(session.payment_intent ?? "")}</code>`,
    state(
      row.paymentIntentStatus,
      row.paymentIntentStatus === "succeeded"
        ? "good"
        : row.paymentIntentStatus === "requires_action"
          ? "wait"
          : "bad",
    ),
  ];
  if (row.refunded > 0) {
    parts.push(state(t.refunded(formatAmount(row.refunded, session.currency)), "bad"));
  }
  for (const dispute of row.disputes) {
    const tone = dispute.status === "won" ? "good" : dispute.status === "lost" ? "bad" : "wait";
    parts.push(state(t.dispute(dispute.status), tone));
  }
  return parts.join(" ");
}

function actionsCell(row: SessionRow, view: View): string {
  const { t } = view;
  const { session } = row;
  const base = `${DASHBOARD_PATH}/sessions/${encodeURIComponent(session.id)}`;
  const forms: string[] = [];
  if (session.status === "open") {
    forms.push(`<a href="${escapeHtml(session.url ?? "")}">${escapeHtml(t.openCheckoutPage)}</a> `);
    forms.push(actionForm(view, `${base}/expire`, t.expireNow));
  }
  if (session.status === "complete" && row.paymentIntentStatus === "requires_action") {
    const outcome = (value: string) => `<input type="hidden" name="outcome" value="${value}">`;
    forms.push(
      actionForm(view, `${base}/settle`, t.konbiniPaid, {
        tone: "primary",
        fields: outcome("succeeded"),
      }),
    );
    forms.push(
      actionForm(view, `${base}/settle`, t.konbiniFailed, {
        tone: "danger",
        fields: outcome("failed"),
      }),
    );
  }
  if (row.chargeStatus === "succeeded") {
    const remaining = session.amount_total - row.refunded;
    // A disputed charge is settled by the dispute, not refunded (https://docs.stripe.com/disputes/how-disputes-work).
    if (remaining > 0 && row.disputes.length === 0) {
      const amount = `<input type="text" name="amount" inputmode="decimal" value="${escapeHtml(majorUnitsText(remaining, session.currency))}" aria-label="${escapeHtml(t.refundAmount(session.currency.toUpperCase()))}">`;
      forms.push(actionForm(view, `${base}/refund`, t.refund, { fields: amount }));
    }
    if (row.disputes.length === 0) {
      forms.push(actionForm(view, `${base}/dispute`, t.openDispute, { tone: "danger" }));
    }
  }
  for (const dispute of row.disputes) {
    if (dispute.status !== "needs_response" && dispute.status !== "under_review") continue;
    const close = `${DASHBOARD_PATH}/disputes/${encodeURIComponent(dispute.id)}/close`;
    const outcome = (value: string) => `<input type="hidden" name="outcome" value="${value}">`;
    forms.push(actionForm(view, close, t.winDispute, { fields: outcome("won") }));
    forms.push(actionForm(view, close, t.loseDispute, { tone: "danger", fields: outcome("lost") }));
  }
  return forms.join("");
}

/** Where Checkout sends the buyer back (the sandbox's record page), as Stripe fills it in. */
function returnLink(session: CheckoutSession, t: DashboardTexts): string {
  if (!session.success_url || !/^https?:\/\//.test(session.success_url)) return "";
  const href = session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id);
  return ` <a href="${escapeHtml(href)}">${escapeHtml(t.openReturnPage)}</a>`;
}

function recordCell(session: CheckoutSession, { t }: View): string {
  const app = session.metadata.kintone_app_id;
  const records = session.metadata.kintone_record_ids;
  if (app === undefined && records === undefined) return `<span class="muted">—</span>`;
  return `${escapeHtml(t.record(app ?? "?", records ?? "?"))}${returnLink(session, t)}`;
}

/** Column titles; "amount:Title" is right-aligned over its numbers. */
export function headers(...titles: string[]): string {
  return titles
    .map((title) =>
      title.startsWith("amount:")
        ? `<th class="amount">${escapeHtml(title.slice("amount:".length))}</th>`
        : `<th>${escapeHtml(title)}</th>`,
    )
    .join("");
}

function sessionsTable(store: StripeStore, view: View): string {
  const { t, when } = view;
  const sessions = newestFirst(store.sessions.values());
  if (sessions.length === 0) {
    return `<p class="empty">${escapeHtml(t.noSessions)}</p>`;
  }
  const rows = sessions.map((session) => {
    const row = sessionRow(store, session);
    const email = session.customer_details?.email ?? session.customer_email;
    return `<tr data-testid="dashboard-session" data-session-id="${escapeHtml(session.id)}">
      <td>${when(session.created)}<br><code>${escapeHtml(session.id)}</code></td>
      <td class="amount">${escapeHtml(formatAmount(session.amount_total, session.currency))}</td>
      <td>${sessionStates(session)}<div class="muted">${escapeHtml(t.expires(when(session.expires_at)))}</div></td>
      <td>${paymentCell(row, view)}</td>
      <td>${recordCell(session, view)}${email ? `<div class="muted">${escapeHtml(email)}</div>` : ""}</td>
      <td>${actionsCell(row, view)}</td>
    </tr>`;
  });
  return `<table data-testid="dashboard-sessions"><thead><tr>${headers(t.columns.created, `amount:${t.columns.amount}`, t.columns.session, t.columns.payment, t.columns.kintone, t.columns.actions)}</tr></thead>
<tbody>${rows.join("")}</tbody></table>`;
}

function eventsTable(store: StripeStore, { t, when }: View): string {
  const events = newestFirst(store.events.values()).slice(0, RECENT_EVENTS);
  if (events.length === 0) return `<p class="empty">${escapeHtml(t.noEvents)}</p>`;
  const rows = events.map((event) => {
    const object = event.data.object as { id?: unknown };
    const objectId = typeof object.id === "string" ? object.id : "";
    return `<tr><td>${when(event.created)}</td><td><code>${escapeHtml(event.type)}</code></td><td><code>${escapeHtml(objectId)}</code></td></tr>`;
  });
  return `<table data-testid="dashboard-events"><thead><tr>${headers(t.columns.when, t.columns.event, t.columns.object)}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export interface DashboardPage {
  store: StripeStore;
  token: string;
  language: CheckoutLanguage;
  /** Where the page's times are read (undefined: the machine's zone). */
  timeZone?: string;
}

export function renderDashboardPage(page: DashboardPage, notice?: DashboardNotice): string {
  const { store, token, timeZone } = page;
  const t = dashboardTexts(page.language);
  const when = (epochSeconds: number) => formatDateTime(epochSeconds, page.language, timeZone);
  const view: View = { token, language: page.language, t, when };
  const message = notice
    ? `<p class="notice ${notice.kind}" role="${notice.kind === "error" ? "alert" : "status"}" data-testid="dashboard-notice">${escapeHtml(notice.message)}</p>`
    : "";
  return `<!doctype html>
<html lang="${t.htmlLang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(t.heading)}<span class="badge">${escapeHtml(t.testMode)}</span></h1>
<div class="muted">${escapeHtml(t.intro)}</div></header>
<main>${message}
<h2>${escapeHtml(t.sessionsHeading)}</h2>
${sessionsTable(store, view)}
${subscriptionsSection(store, view)}
<h2>${escapeHtml(t.eventsHeading)}</h2>
${eventsTable(store, view)}
</main></body></html>`;
}
