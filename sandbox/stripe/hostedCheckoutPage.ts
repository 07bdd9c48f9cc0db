/**
 * The emulator's stand-in for Stripe's hosted Checkout page at `session.url`: the lines, amounts
 * formatted for the currency and the total, with buttons to pay by card (complete + paid), pay
 * with konbini (complete + unpaid, settles later) or cancel (back to cancel_url). After paying,
 * the browser goes to success_url with `{CHECKOUT_SESSION_ID}` replaced, as Stripe does
 * (https://docs.stripe.com/payments/checkout/custom-success-page). A last, emulator-only button
 * expires the session at once. An expired session's recovery URL leads to its new copy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./EmulatorContext";
import { formatAmount } from "./currencies";
import { perPeriodText } from "./recurringTexts";
import { NO_REQUEST } from "./EventBus";
import { buyerFromForm, renderBuyerFields } from "./hostedCheckoutBuyerFields";
import type { PaymentFlows } from "./PaymentFlows";
import { RECOVERY_PATH_PREFIX, type RecoveryFlows } from "./RecoveryFlows";
import { readBody } from "./http/requestBody";
import { StripeApiError } from "./StripeApiError";
import type { CheckoutSession, StoredLineItem } from "./stripeObjects";
import {
  checkoutLanguage,
  checkoutPageTexts,
  formatDateTime,
  type CheckoutLanguage,
} from "./checkoutPageTexts";
import { DASHBOARD_PATH } from "./dashboardPage";
import { escapeHtml, redirect, sendHtml } from "./emulatorHtml";

export { escapeHtml } from "./emulatorHtml";

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
         color: #1a1f36; background: #f6f9fc; }
  .page { max-width: 920px; margin: 0 auto; padding: 40px 24px; display: flex; gap: 48px; flex-wrap: wrap; }
  .summary, .pay { flex: 1 1 360px; }
  .badge { display: inline-block; font-size: 12px; font-weight: 600; color: #a04100;
           background: #ffde92; border-radius: 4px; padding: 2px 6px; margin-left: 8px; }
  h1 { font-size: 16px; color: #697386; font-weight: 500; margin: 0 0 4px; }
  .total { font-size: 36px; font-weight: 600; margin: 0 0 24px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { display: flex; gap: 12px; padding: 12px 0; border-bottom: 1px solid #e3e8ee; }
  li img { width: 42px; height: 42px; object-fit: cover; border-radius: 6px; background: #e3e8ee; }
  .line { flex: 1; }
  .name { font-weight: 500; }
  .muted { color: #697386; font-size: 13px; }
  .amount { font-weight: 500; white-space: nowrap; }
  .sum { display: flex; justify-content: space-between; padding: 16px 0; font-weight: 600; }
  .pay { background: #fff; border-radius: 8px; padding: 24px; box-shadow: 0 2px 5px rgba(60,66,87,.08), 0 1px 1px rgba(0,0,0,.12); align-self: flex-start; }
  button { width: 100%; font: inherit; font-weight: 600; border: 0; border-radius: 6px; padding: 12px;
           margin-top: 12px; cursor: pointer; }
  .primary { background: #635bff; color: #fff; }
  .secondary { background: #fff; color: #1a1f36; border: 1px solid #d5dbe1; }
  .link { background: none; color: #635bff; }
  .problem { color: #df1b41; }
  .hint { margin: 8px 0 0; }
  input[type=number] { width: 5em; font: inherit; }
  .field { display: block; margin: 6px 0; font-size: 13px; color: #697386; }
  .field input, .field select { display: block; width: 100%; font: inherit; color: #1a1f36; padding: 6px; }
  fieldset { border: 1px solid #e3e8ee; border-radius: 6px; margin: 12px 0; padding: 8px 12px; }
  legend { font-size: 13px; font-weight: 600; padding: 0 4px; }
  .notice { background: #fff; border-radius: 8px; padding: 32px; text-align: center; max-width: 520px;
            margin: 80px auto; box-shadow: 0 2px 5px rgba(60,66,87,.08); }
`;

function layout(title: string, body: string, htmlLang = "en"): string {
  return `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

function notice(
  title: string,
  message: string,
  link?: { href: string; label: string },
  htmlLang = "en",
): string {
  const action = link
    ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`
    : "";
  return layout(
    title,
    `<main class="notice" data-testid="checkout-notice"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p>${action}</main>`,
    htmlLang,
  );
}

export interface ProductView {
  images: string[];
  description: string | null;
}

/** A line's amount, per billing period for a recurring one ("¥5,000 / month"). */
function lineAmount(item: StoredLineItem["item"], language: CheckoutLanguage): string {
  const amount = formatAmount(item.amount_total, item.currency);
  return item.price.recurring ? perPeriodText(language, amount, item.price.recurring) : amount;
}

export function renderCheckoutPage(
  session: CheckoutSession,
  lineItems: StoredLineItem[],
  productOf: (productId: string) => ProductView | undefined,
  problem?: string,
  language: CheckoutLanguage = "en",
  timeZone?: string,
): string {
  const t = checkoutPageTexts(language);
  if (session.status === "expired") {
    return notice(t.expiredTitle, t.expiredMessage, undefined, t.htmlLang);
  }
  if (session.status === "complete") {
    if (session.payment_status === "paid") {
      return notice(t.completeTitle, t.completePaid, undefined, t.htmlLang);
    }
    const dashboard = { href: DASHBOARD_PATH, label: t.dashboardLink };
    return notice(t.completeTitle, t.completeUnpaid, dashboard, t.htmlLang);
  }
  const lines = lineItems
    .map(({ item, adjustableQuantity }, index) => {
      const product = productOf(item.price.product);
      const image = product?.images[0];
      const description = product?.description
        ? `<div class="muted">${escapeHtml(product.description)}</div>`
        : "";
      const picture = image ? `<img src="${escapeHtml(image)}" alt="">` : `<img alt="">`;
      const quantity = adjustableQuantity?.enabled
        ? `<label>${escapeHtml(t.quantity)} <input form="pay" type="number" name="quantity_${index}" value="${item.quantity}" min="${adjustableQuantity.minimum}" max="${adjustableQuantity.maximum}" step="1" aria-label="${escapeHtml(t.quantityOf(item.description))}"></label>`
        : `${escapeHtml(t.quantity)} ${item.quantity}`;
      return `<li>${picture}<div class="line"><div class="name">${escapeHtml(item.description)}</div>${description}
        <div class="muted">${quantity} × ${escapeHtml(formatAmount(item.price.unit_amount, item.currency))}</div></div>
        <div class="amount">${escapeHtml(lineAmount(item, language))}</div></li>`;
    })
    .join("");
  const total = escapeHtml(formatAmount(session.amount_total, session.currency));
  const base = `/c/pay/${encodeURIComponent(session.id)}`;
  const email = session.customer_email
    ? `<p class="muted">${escapeHtml(t.email)}: ${escapeHtml(session.customer_email)}</p>`
    : "";
  return layout(
    t.title(formatAmount(session.amount_total, session.currency)),
    `<div class="page">
  <section class="summary">
    <h1>${escapeHtml(t.heading)}<span class="badge">${escapeHtml(t.testMode)}</span></h1>
    <p class="total" data-testid="checkout-total">${total}</p>
    <ul data-testid="checkout-lines">${lines}</ul>
    <div class="sum"><span>${escapeHtml(t.totalDue)}</span><span>${total}</span></div>
  </section>
  <section class="pay">
    ${email}
    ${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ""}
    <form id="pay" method="post" action="${base}/card">
      ${renderBuyerFields(session, t, escapeHtml)}
      ${offers(session, "card") ? `<button class="primary" type="submit">${escapeHtml(t.payWithCard)}</button>` : ""}
      ${
        offers(session, "konbini")
          ? `<button class="secondary" type="submit" formaction="${base}/konbini">${escapeHtml(t.payWithKonbini)}</button>
      <p class="muted hint">${escapeHtml(t.konbiniHint)}</p>`
          : ""
      }
    </form>
    <form method="post" action="${base}/cancel"><button class="link" type="submit">${escapeHtml(t.cancel)}</button></form>
    <form method="post" action="${base}/expire" class="emulator-tools"><button class="link muted" type="submit">${escapeHtml(t.expireNow)}</button></form>
    <p class="muted" data-testid="checkout-expires"><time datetime="${escapeHtml(new Date(session.expires_at * 1000).toISOString())}">${escapeHtml(t.expires(formatDateTime(session.expires_at, language, timeZone)))}</time></p>
  </section>
</div>`,
    t.htmlLang,
  );
}

/**
 * An embedded session has no url: Stripe.js opens it with its client secret
 * (https://docs.stripe.com/js/embedded_checkout). The emulator serves the same page at
 * /c/pay/<client_secret>, so a story can complete it.
 */
function embeddedSession(context: EmulatorContext, clientSecret: string) {
  if (!clientSecret.includes("_secret_")) return undefined;
  const id = clientSecret.slice(0, clientSecret.indexOf("_secret_"));
  const session = context.store.sessions.get(id);
  return session?.client_secret === clientSecret ? session : undefined;
}

/**
 * Whether the session lets the buyer pay this way (no allowed list: the emulator offers both;
 * a subscription is paid by card, see allowedPaymentMethods.ts).
 */
function offers(session: CheckoutSession, method: "card" | "konbini"): boolean {
  if (session.mode === "subscription" && method !== "card") return false;
  return session.allowed_payment_method_types?.includes(method) ?? true;
}

/** `quantity_<index>=<n>` fields of the pay form. */
function quantitiesFrom(form: URLSearchParams): Record<number, number> {
  const quantities: Record<number, number> = {};
  for (const [name, value] of form) {
    const match = /^quantity_(\d+)$/.exec(name);
    if (match?.[1] !== undefined && value.trim() !== "")
      quantities[Number(match[1])] = Number(value);
  }
  return quantities;
}

/** Serves GET /c/pay/:id and the POST actions /c/pay/:id/{card,konbini,cancel}. */
export async function handleHostedCheckout(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  context: EmulatorContext,
  flows: PaymentFlows,
): Promise<void> {
  const [, , , rawId, action] = path.split("/");
  let sessionId = "";
  try {
    sessionId = decodeURIComponent(rawId ?? "");
  } catch {
    // malformed escape: no such session
  }
  const session = context.store.sessions.get(sessionId) ?? embeddedSession(context, sessionId);
  const acceptLanguage = request.headers["accept-language"];
  if (!session) {
    const t = checkoutPageTexts(checkoutLanguage(null, acceptLanguage));
    sendHtml(response, 404, notice(t.notFoundTitle, t.sessionNotFound, undefined, t.htmlLang));
    return;
  }
  const language = checkoutLanguage(session.locale, acceptLanguage);
  const zone = context.config.displayTimeZone;
  const t = checkoutPageTexts(language);
  flows.expireIfDue(session);
  const lineItems = context.store.sessionLineItems.get(session.id) ?? [];
  const images = (productId: string) => context.store.products.get(productId);
  if (request.method === "GET" && action === undefined) {
    sendHtml(
      response,
      200,
      renderCheckoutPage(session, lineItems, images, undefined, language, zone),
    );
    return;
  }
  if (
    request.method !== "POST" ||
    !["card", "konbini", "cancel", "expire"].includes(action ?? "")
  ) {
    sendHtml(response, 404, notice(t.notFoundTitle, t.unknownAction, undefined, t.htmlLang));
    return;
  }
  if (action === "expire") {
    // Not a Stripe page action: lets a person in the sandbox see expiry without waiting.
    if (session.status === "open") flows.expire(session.id, NO_REQUEST);
    sendHtml(
      response,
      200,
      renderCheckoutPage(session, lineItems, images, undefined, language, zone),
    );
    return;
  }
  if (action === "cancel") {
    if (session.cancel_url) redirect(response, session.cancel_url);
    else {
      const cancelled = notice(t.cancelledTitle, t.cancelledMessage, undefined, t.htmlLang);
      sendHtml(response, 200, cancelled);
    }
    return;
  }
  const form = new URLSearchParams((await readBody(request)).toString("utf8"));
  const choices = { quantities: quantitiesFrom(form), buyer: buyerFromForm(form) };
  try {
    if (action === "card") flows.payWithCard(session.id, choices);
    else flows.payWithDelayedMethod(session.id, choices);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    const status = session.status === "open" ? 400 : 409;
    sendHtml(
      response,
      status,
      renderCheckoutPage(session, lineItems, images, error.message, language, zone),
    );
    return;
  }
  // An embedded session sends the buyer to its return_url, as a hosted one to its success_url;
  // in Stripe.js's frame (the browser says so in Sec-Fetch-Dest) Stripe.js takes the whole page
  // there (embeddedCheckoutScript.ts), so the frame only shows the outcome.
  const framed = request.headers["sec-fetch-dest"] === "iframe";
  const next = session.success_url ?? (framed ? null : session.return_url);
  if (next) {
    redirect(response, next.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id));
  } else {
    sendHtml(
      response,
      200,
      renderCheckoutPage(session, lineItems, images, undefined, language, zone),
    );
  }
}

/**
 * GET on an expired session's recovery URL (https://docs.stripe.com/payments/checkout/abandoned-carts):
 * a new session copied from the expired one (or the one made earlier, still open), then 303 to
 * its page.
 */
export function handleRecoveryLink(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  recovery: RecoveryFlows,
): void {
  const expiredId = recovery.expiredSessionOf(path.slice(RECOVERY_PATH_PREFIX.length));
  if (request.method !== "GET" || !expiredId) {
    sendHtml(response, 404, notice("Not found", "This recovery link is not valid."));
    return;
  }
  let session: CheckoutSession;
  try {
    session = recovery.recover(expiredId);
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendHtml(response, 410, notice("This link has expired", "Ask the seller for a new link."));
    return;
  }
  redirect(response, session.url ?? `/c/pay/${encodeURIComponent(session.id)}`);
}
