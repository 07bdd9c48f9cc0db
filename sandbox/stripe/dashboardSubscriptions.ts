/**
 * The Dashboard's subscriptions: each with its state, the end of its current period and its amount
 * per period, and what Stripe's test clocks let a developer do (https://docs.stripe.com/billing/testing/test-clocks):
 * move time on a month, and decide whether the next renewal's charge succeeds or fails (as the
 * test card 4000 0000 0000 0341 fails later charges, https://docs.stripe.com/testing#declined-payments).
 */
import { formatAmount } from "./currencies";
import { escapeHtml } from "./emulatorHtml";
import { actionForm, DASHBOARD_PATH, headers, state, type View } from "./dashboardPage";
import type { StripeStore } from "./StripeStore";
import { newestFirst } from "./StripeStore";
import { periodOf } from "./SubscriptionFlows";
import { perPeriodText } from "./recurringTexts";
import type { Subscription } from "./subscriptionObjects";

function statusTone(status: Subscription["status"]): "good" | "wait" | "bad" | "plain" {
  if (status === "active" || status === "trialing") return "good";
  if (status === "past_due" || status === "unpaid" || status === "incomplete") return "bad";
  return "plain";
}

/** What one period costs: the items' unit amounts times their quantities. */
function amountPerPeriod(subscription: Subscription, view: View): string {
  let amount = 0;
  for (const item of subscription.items.data) amount += item.price.unit_amount * item.quantity;
  const recurring = subscription.items.data[0]?.price.recurring;
  const money = formatAmount(amount, subscription.currency);
  if (!recurring) return money;
  return perPeriodText(view.language, money, recurring);
}

function subscriptionRow(store: StripeStore, subscription: Subscription, view: View): string {
  const { t, when } = view;
  const words = t.subscriptions;
  const states = [state(subscription.status, statusTone(subscription.status))];
  if (subscription.cancel_at_period_end && subscription.status !== "canceled") {
    states.push(state(words.cancelsAtPeriodEnd, "wait"));
  }
  const next = store.nextRenewalOutcomes.get(subscription.id);
  if (next === "fail") states.push(state(words.nextRenewalFails, "bad"));
  const base = `${DASHBOARD_PATH}/subscriptions/${encodeURIComponent(subscription.id)}`;
  const outcome = (value: string) => `<input type="hidden" name="outcome" value="${value}">`;
  const forms =
    subscription.status === "canceled"
      ? ""
      : next === "fail"
        ? actionForm(view, `${base}/next_renewal`, words.nextPays, { fields: outcome("pay") })
        : actionForm(view, `${base}/next_renewal`, words.nextFails, {
            tone: "danger",
            fields: outcome("fail"),
          });
  const customer = store.customers.get(subscription.customer);
  const ended = subscription.ended_at === null ? "" : words.ended(when(subscription.ended_at));
  return `<tr data-testid="dashboard-subscription" data-subscription-id="${escapeHtml(subscription.id)}">
      <td>${when(subscription.created)}<br><code>${escapeHtml(subscription.id)}</code></td>
      <td class="amount">${escapeHtml(amountPerPeriod(subscription, view))}</td>
      <td>${states.join("")}${ended ? `<div class="muted">${escapeHtml(ended)}</div>` : ""}</td>
      <td>${when(periodOf(subscription).end)}</td>
      <td>${escapeHtml(customer?.email ?? customer?.name ?? subscription.customer)}</td>
      <td>${forms}</td>
    </tr>`;
}

/** The subscriptions table and the clock's button (only once there is a subscription). */
export function subscriptionsSection(store: StripeStore, view: View): string {
  const { t } = view;
  const words = t.subscriptions;
  const subscriptions = newestFirst(store.subscriptions.values());
  const heading = `<h2>${escapeHtml(words.heading)}</h2>`;
  if (subscriptions.length === 0) {
    return `${heading}<p class="empty">${escapeHtml(words.none)}</p>`;
  }
  const clock = actionForm(view, `${DASHBOARD_PATH}/clock/month/advance`, words.advanceMonth, {
    tone: "primary",
  });
  const rows = subscriptions.map((subscription) => subscriptionRow(store, subscription, view));
  const columns = headers(
    t.columns.created,
    `amount:${words.amountPerPeriod}`,
    words.status,
    words.periodEnd,
    words.customer,
    t.columns.actions,
  );
  return `${heading}<p>${clock}<span class="muted">${escapeHtml(words.clockNow(view.when(store.now())))}</span></p>
<table data-testid="dashboard-subscriptions"><thead><tr>${columns}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
