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
 *   POST /dashboard/subscriptions/:id/next_renewal  outcome=pay|fail
 *   POST /dashboard/clock/month/advance  the emulator's clock moves one calendar month on
 * Each answers 303 back to the page with what happened (or why not).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatAmount, minorUnitDigits } from "./currencies";
import type { DisputeFlows } from "./DisputeFlows";
import { NO_REQUEST } from "./EventBus";
import type { PaymentFlows } from "./PaymentFlows";
import { StripeApiError } from "./StripeApiError";
import type { StripeStore } from "./StripeStore";
import {
  formatDateTime,
  languageFromAcceptLanguage,
  type CheckoutLanguage,
} from "./checkoutPageTexts";
import { periodBoundary } from "./billingPeriods";
import { DASHBOARD_PATH, renderDashboardPage, type DashboardNotice } from "./dashboardPage";
import { dashboardTexts, type DashboardTexts } from "./dashboardTexts";
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
  /** Moves the emulator's clock, with what time passing does (expiry, renewals). */
  advanceClock: (seconds: number) => Promise<void>;
}

class DashboardRefusal extends Error {}

/** "1,800" → 1800 (JPY), "12.5" → 1250 (USD); undefined for empty; refused when not an amount. */
export function parseMajorUnits(
  text: string,
  currency: string,
  t: DashboardTexts = dashboardTexts("en"),
): number | undefined {
  const cleaned = text.replace(/[,\s]/g, "");
  if (cleaned === "") return undefined;
  const digits = minorUnitDigits(currency);
  const pattern = digits === 0 ? /^(\d+)$/ : new RegExp(`^(\\d+)(?:\\.(\\d{0,${digits}}))?$`);
  const match = pattern.exec(cleaned);
  if (!match) {
    throw new DashboardRefusal(t.notAnAmount(text, currency.toUpperCase(), digits));
  }
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(whole + fraction);
}

/** The same time a calendar month on (a month-end day ends the shorter month on its last day). */
function oneMonthLater(now: number): number {
  return periodBoundary(now, { interval: "month", interval_count: 1, usage_type: "licensed" }, 1);
}

/** A POST from this emulator's own page: Origin and Sec-Fetch-Site, when sent, must agree. */
function fromOwnPage(request: IncomingMessage): boolean {
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${request.headers.host ?? ""}`;
}

/** `?lang=ja|en` (the page's forms carry it) decides, else the browser's Accept-Language. */
function requestLanguage(request: IncomingMessage, chosen: string | null): CheckoutLanguage {
  if (chosen === "ja" || chosen === "en") return chosen;
  return languageFromAcceptLanguage(request.headers["accept-language"]);
}

function noticeUrl(notice: DashboardNotice, language: CheckoutLanguage): string {
  const search = new URLSearchParams({ lang: language, [notice.kind]: notice.message });
  return `${DASHBOARD_PATH}?${search.toString()}`;
}

function noticeOf(url: URL): DashboardNotice | undefined {
  const error = url.searchParams.get("error");
  if (error !== null) return { kind: "error", message: error };
  const done = url.searchParams.get("done");
  return done === null ? undefined : { kind: "done", message: done };
}

async function act(
  deps: DashboardDeps,
  collection: string,
  id: string,
  action: string,
  form: URLSearchParams,
  t: DashboardTexts,
  when: (epochSeconds: number) => string,
): Promise<string> {
  const { flows, disputes } = deps;
  const route = `${collection}/${action}`;
  switch (route) {
    case "sessions/settle": {
      const outcome = form.get("outcome");
      if (outcome !== "succeeded" && outcome !== "failed") {
        throw new DashboardRefusal(t.outcome('"succeeded", "failed"'));
      }
      flows.settleDelayedPayment(id, outcome);
      return outcome === "succeeded" ? t.settledPaid(id) : t.settledFailed(id);
    }
    case "sessions/expire":
      flows.expire(id, NO_REQUEST);
      return t.expired(id);
    case "sessions/refund": {
      const session = flows.session(id);
      const amount = parseMajorUnits(form.get("amount") ?? "", session.currency, t);
      if (amount === 0) throw new DashboardRefusal(t.refundZero);
      const refund = flows.refund({ paymentIntent: flows.paymentIntentOf(id) }, amount, NO_REQUEST);
      return t.refundDone(formatAmount(refund.amount, refund.currency), id);
    }
    case "sessions/dispute": {
      const dispute = disputes.open(flows.paymentIntentOf(id));
      return t.disputeOpened(dispute.id, id);
    }
    case "disputes/close": {
      const outcome = form.get("outcome");
      if (outcome !== "won" && outcome !== "lost") {
        throw new DashboardRefusal(t.outcome('"won", "lost"'));
      }
      disputes.close(id, outcome);
      return t.disputeClosed(id, outcome);
    }
    case "subscriptions/next_renewal": {
      const outcome = form.get("outcome");
      if (outcome !== "pay" && outcome !== "fail") {
        throw new DashboardRefusal(t.outcome('"pay", "fail"'));
      }
      flows.subscriptions.setNextRenewal(id, outcome);
      return t.subscriptions.nextRenewalSet(id, outcome);
    }
    case "clock/advance": {
      if (id !== "month") throw new DashboardRefusal(t.unknownAction(`${collection}/${id}`));
      const now = deps.store.now();
      await deps.advanceClock(oneMonthLater(now) - now);
      return t.subscriptions.clockAdvanced(when(deps.store.now()));
    }
    default:
      throw new DashboardRefusal(t.unknownAction(route));
  }
}

export async function handleDashboard(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  deps: DashboardDeps,
): Promise<void> {
  const path = url.pathname.replace(/\/+$/, "");
  const page = (language: CheckoutLanguage) => ({ ...deps, language });
  if (request.method === "GET" && path === DASHBOARD_PATH) {
    const language = requestLanguage(request, url.searchParams.get("lang"));
    sendHtml(response, 200, renderDashboardPage(page(language), noticeOf(url)));
    return;
  }
  const [collection = "", rawId = "", action = "", ...rest] = path
    .slice(DASHBOARD_PATH.length + 1)
    .split("/");
  if (request.method !== "POST" || rest.length > 0 || action === "") {
    const language = requestLanguage(request, url.searchParams.get("lang"));
    const nothing: DashboardNotice = {
      kind: "error",
      message: dashboardTexts(language).nothingAt(path),
    };
    sendHtml(response, 404, renderDashboardPage(page(language), nothing));
    return;
  }
  const form = new URLSearchParams((await readBody(request)).toString("utf8"));
  const language = requestLanguage(request, form.get("lang"));
  const t = dashboardTexts(language);
  if (!fromOwnPage(request) || form.get("token") !== deps.token) {
    const refused: DashboardNotice = { kind: "error", message: t.refused };
    sendHtml(response, 403, renderDashboardPage(page(language), refused));
    return;
  }
  let id = "";
  try {
    id = decodeURIComponent(rawId);
  } catch {
    // malformed escape: no such object
  }
  try {
    const when = (seconds: number) => formatDateTime(seconds, language, deps.timeZone);
    const done = await act(deps, collection, id, action, form, t, when);
    redirect(response, noticeUrl({ kind: "done", message: done }, language));
  } catch (error) {
    if (!(error instanceof StripeApiError) && !(error instanceof DashboardRefusal)) throw error;
    redirect(response, noticeUrl({ kind: "error", message: error.message }, language));
  }
}
