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
import { NO_REQUEST } from "./EventBus";
import { buyerFromForm, renderBuyerFields } from "./hostedCheckoutBuyerFields";
import type { PaymentFlows } from "./PaymentFlows";
import { RECOVERY_PATH_PREFIX, type RecoveryFlows } from "./RecoveryFlows";
import { readBody } from "./http/requestBody";
import { StripeApiError } from "./StripeApiError";
import type { CheckoutSession, StoredLineItem } from "./StripeStore";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

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
  input[type=number] { width: 5em; font: inherit; }
  .field { display: block; margin: 6px 0; font-size: 13px; color: #697386; }
  .field input, .field select { display: block; width: 100%; font: inherit; color: #1a1f36; padding: 6px; }
  fieldset { border: 1px solid #e3e8ee; border-radius: 6px; margin: 12px 0; padding: 8px 12px; }
  legend { font-size: 13px; font-weight: 600; padding: 0 4px; }
  .notice { background: #fff; border-radius: 8px; padding: 32px; text-align: center; max-width: 520px;
            margin: 80px auto; box-shadow: 0 2px 5px rgba(60,66,87,.08); }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>`;
}

function notice(title: string, message: string, link?: { href: string; label: string }): string {
  const action = link
    ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`
    : "";
  return layout(
    title,
    `<main class="notice" data-testid="checkout-notice"><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p>${action}</main>`,
  );
}

export interface ProductView {
  images: string[];
  description: string | null;
}

export function renderCheckoutPage(
  session: CheckoutSession,
  lineItems: StoredLineItem[],
  productOf: (productId: string) => ProductView | undefined,
  problem?: string,
): string {
  if (session.status === "expired") {
    return notice("This checkout session has expired", "Ask the seller for a new payment link.");
  }
  if (session.status === "complete") {
    const message =
      session.payment_status === "paid"
        ? "This payment has already been completed. Thank you!"
        : "Your order is complete; the payment will be confirmed once it settles.";
    return notice("Checkout complete", message);
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
        ? `<label>Qty <input form="pay" type="number" name="quantity_${index}" value="${item.quantity}" min="${adjustableQuantity.minimum}" max="${adjustableQuantity.maximum}" step="1" aria-label="Quantity of ${escapeHtml(item.description)}"></label>`
        : `Qty ${item.quantity}`;
      return `<li>${picture}<div class="line"><div class="name">${escapeHtml(item.description)}</div>${description}
        <div class="muted">${quantity} × ${escapeHtml(formatAmount(item.price.unit_amount, item.currency))}</div></div>
        <div class="amount">${escapeHtml(formatAmount(item.amount_total, item.currency))}</div></li>`;
    })
    .join("");
  const total = escapeHtml(formatAmount(session.amount_total, session.currency));
  const base = `/c/pay/${encodeURIComponent(session.id)}`;
  const email = session.customer_email
    ? `<p class="muted">Email: ${escapeHtml(session.customer_email)}</p>`
    : "";
  return layout(
    `Pay ${formatAmount(session.amount_total, session.currency)}`,
    `<div class="page">
  <section class="summary">
    <h1>Stripe Checkout emulator<span class="badge">TEST MODE</span></h1>
    <p class="total" data-testid="checkout-total">${total}</p>
    <ul data-testid="checkout-lines">${lines}</ul>
    <div class="sum"><span>Total due</span><span>${total}</span></div>
  </section>
  <section class="pay">
    ${email}
    ${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ""}
    <form id="pay" method="post" action="${base}/card">
      ${renderBuyerFields(session, escapeHtml)}
      <button class="primary" type="submit">Pay with card</button>
      <button class="secondary" type="submit" formaction="${base}/konbini">Pay with konbini (settles later)</button>
    </form>
    <form method="post" action="${base}/cancel"><button class="link" type="submit">Cancel</button></form>
    <form method="post" action="${base}/expire" class="emulator-tools"><button class="link muted" type="submit">Emulator: let this session expire now</button></form>
    <p class="muted">Expires ${escapeHtml(new Date(session.expires_at * 1000).toISOString())}</p>
  </section>
</div>`,
  );
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy":
      "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; form-action *",
  });
  response.end(html);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { Location: location });
  response.end();
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
  const session = context.store.sessions.get(sessionId);
  if (!session) {
    sendHtml(response, 404, notice("Checkout session not found", "This link is not valid."));
    return;
  }
  flows.expireIfDue(session);
  const lineItems = context.store.sessionLineItems.get(session.id) ?? [];
  const images = (productId: string) => context.store.products.get(productId);
  if (request.method === "GET" && action === undefined) {
    sendHtml(response, 200, renderCheckoutPage(session, lineItems, images));
    return;
  }
  if (
    request.method !== "POST" ||
    !["card", "konbini", "cancel", "expire"].includes(action ?? "")
  ) {
    sendHtml(response, 404, notice("Not found", "Unknown checkout action."));
    return;
  }
  if (action === "expire") {
    // Not a Stripe page action: lets a person in the sandbox see expiry without waiting.
    if (session.status === "open") flows.expire(session.id, NO_REQUEST);
    sendHtml(response, 200, renderCheckoutPage(session, lineItems, images));
    return;
  }
  if (action === "cancel") {
    if (session.cancel_url) redirect(response, session.cancel_url);
    else sendHtml(response, 200, notice("Checkout cancelled", "You can close this page."));
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
    sendHtml(response, status, renderCheckoutPage(session, lineItems, images, error.message));
    return;
  }
  if (session.success_url) {
    redirect(response, session.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id));
  } else {
    sendHtml(response, 200, renderCheckoutPage(session, lineItems, images));
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
