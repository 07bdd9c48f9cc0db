/**
 * Serves the emulator's Dashboard: GET /dashboard shows it (no key: it is the developer's local
 * emulator), POST /dashboard/… acts through the same flows as the API and the control API, so
 * Stripe's events are emitted and delivered. A POST must come from the page itself: it carries
 * the page's token (which another site cannot read) and, when the browser says where it comes
 * from (Origin, Sec-Fetch-Site), that must be this emulator.
 *   POST /dashboard/sessions/:id/settle  outcome=succeeded|failed
 *   POST /dashboard/sessions/:id/expire
 *   POST /dashboard/sessions/:id/refund  amount=<major units, e.g. 500 or 12.50; empty = all>
 *   POST /dashboard/sessions/:id/dispute
 *   POST /dashboard/disputes/:id/close   outcome=won|lost
 * Each answers 303 back to the page with what happened (or why not).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatAmount, minorUnitDigits } from "./currencies";
import type { DisputeFlows } from "./DisputeFlows";
import { NO_REQUEST } from "./EventBus";
import type { PaymentFlows } from "./PaymentFlows";
import { StripeApiError } from "./StripeApiError";
import type { StripeStore } from "./StripeStore";
import { DASHBOARD_PATH, renderDashboardPage, type DashboardNotice } from "./dashboardPage";
import { redirect, sendHtml } from "./emulatorHtml";
import { readBody } from "./http/requestBody";

export interface DashboardDeps {
  store: StripeStore;
  flows: PaymentFlows;
  disputes: DisputeFlows;
  /** The page's token; a POST without it is refused. */
  token: string;
  /** Where the page's times are read (undefined: the machine's zone). */
  timeZone?: string;
}

class DashboardRefusal extends Error {}

/** "1,800" → 1800 (JPY), "12.5" → 1250 (USD); undefined for empty; refused when not an amount. */
export function parseMajorUnits(text: string, currency: string): number | undefined {
  const cleaned = text.replace(/[,\s]/g, "");
  if (cleaned === "") return undefined;
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^(\d+)$/ : new RegExp(`^(\\d+)(?:\\.(\\d{0,${digits}}))?$`);
  const match = pattern.exec(cleaned);
  if (!match) {
    throw new DashboardRefusal(
      `"${text}" is not an amount in ${currency.toUpperCase()}` +
        (digits === 0 ? " (whole units)." : ` (at most ${digits} decimals).`),
    );
  }
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(whole + fraction);
}

/** A POST from this emulator's own page: Origin and Sec-Fetch-Site, when sent, must agree. */
function fromOwnPage(request: IncomingMessage): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${request.headers.host ?? ""}`;
}

function noticeUrl(notice: DashboardNotice): string {
  const search = new URLSearchParams({ [notice.kind]: notice.message });
  return `${DASHBOARD_PATH}?${search.toString()}`;
}

function noticeOf(url: URL): DashboardNotice | undefined {
  const error = url.searchParams.get("error");
  if (error !== null) return { kind: "error", message: error };
  const done = url.searchParams.get("done");
  return done === null ? undefined : { kind: "done", message: done };
}

function act(
  deps: DashboardDeps,
  collection: string,
  id: string,
  action: string,
  form: URLSearchParams,
): string {
  const { flows, disputes } = deps;
  const route = `${collection}/${action}`;
  switch (route) {
    case "sessions/settle": {
      const outcome = form.get("outcome");
      if (outcome !== "succeeded" && outcome !== "failed") {
        throw new DashboardRefusal('outcome must be "succeeded" or "failed".');
      }
      flows.settleDelayedPayment(id, outcome);
      return outcome === "succeeded"
        ? `The konbini payment of ${id} is paid (checkout.session.async_payment_succeeded).`
        : `The konbini payment of ${id} failed (checkout.session.async_payment_failed).`;
    }
    case "sessions/expire":
      flows.expire(id, NO_REQUEST);
      return `${id} expired (checkout.session.expired).`;
    case "sessions/refund": {
      const session = flows.session(id);
      const amount = parseMajorUnits(form.get("amount") ?? "", session.currency);
      if (amount === 0) throw new DashboardRefusal("A refund must be more than zero.");
      const refund = flows.refund({ paymentIntent: flows.paymentIntentOf(id) }, amount, NO_REQUEST);
      return `Refunded ${formatAmount(refund.amount, refund.currency)} of ${id} (refund.created, charge.refunded).`;
    }
    case "sessions/dispute": {
      const dispute = disputes.open(flows.paymentIntentOf(id));
      return `Dispute ${dispute.id} opened on ${id} (charge.dispute.created).`;
    }
    case "disputes/close": {
      const outcome = form.get("outcome");
      if (outcome !== "won" && outcome !== "lost") {
        throw new DashboardRefusal('outcome must be "won" or "lost".');
      }
      disputes.close(id, outcome);
      return `Dispute ${id} ${outcome} (charge.dispute.closed).`;
    }
    default:
      throw new DashboardRefusal(`Unknown Dashboard action ${route}.`);
  }
}

export async function handleDashboard(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  deps: DashboardDeps,
): Promise<void> {
  const path = url.pathname.replace(/\/+$/, "");
  if (request.method === "GET" && path === DASHBOARD_PATH) {
    sendHtml(response, 200, renderDashboardPage(deps, noticeOf(url)));
    return;
  }
  const [collection = "", rawId = "", action = "", ...rest] = path
    .slice(DASHBOARD_PATH.length + 1)
    .split("/");
  if (request.method !== "POST" || rest.length > 0 || action === "") {
    sendHtml(response, 404, renderDashboardPage(deps, unknown(path)));
    return;
  }
  const form = new URLSearchParams((await readBody(request)).toString("utf8"));
  if (!fromOwnPage(request) || form.get("token") !== deps.token) {
    const refused: DashboardNotice = {
      kind: "error",
      message: "Refused: Dashboard actions are taken from the Dashboard page itself.",
    };
    sendHtml(response, 403, renderDashboardPage(deps, refused));
    return;
  }
  let id = "";
  try {
    id = decodeURIComponent(rawId);
  } catch {
    // malformed escape: no such object
  }
  try {
    redirect(
      response,
      noticeUrl({ kind: "done", message: act(deps, collection, id, action, form) }),
    );
  } catch (error) {
    if (!(error instanceof StripeApiError) && !(error instanceof DashboardRefusal)) throw error;
    redirect(response, noticeUrl({ kind: "error", message: error.message }));
  }
}

function unknown(path: string): DashboardNotice {
  return { kind: "error", message: `Nothing at ${path}.` };
}
