/**
 * Whether Stripe's webhook reaches the proxy: checkout sessions were made in the last 24 hours but
 * no signed event arrived in that time (an event follows each session within a day at the latest:
 * Checkout sessions expire after 24 hours at most, https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at),
 * and, where the key may read the account's webhook endpoints, whether one points at this proxy
 * (its URL ends with the webhook's path) and sends every event the proxy handles.
 */
import type { WebhookWatch } from "../journal/WebhookWatch";
import { HANDLED_EVENT_TYPES } from "../ports/PaymentEvent";
import type { WebhookEndpointsAnswer, WebhookEndpointSummary } from "../ports/PaymentGateway";
import { help, say, type DiagnosticsLanguage } from "./problemLanguage";

/** The proxy's webhook route; its public host is not configured, so endpoints match on the path. */
export const WEBHOOK_PATH = "/v1/stripe/webhook";

export const WEBHOOK_SILENCE_MS = 24 * 60 * 60 * 1000;

export async function webhookSilenceProblems(
  watch: WebhookWatch,
  now: Date,
  language: DiagnosticsLanguage,
): Promise<string[]> {
  const since = new Date(now.getTime() - WEBHOOK_SILENCE_MS);
  const sessions = await watch.countSessionsCreatedSince(since);
  if (sessions === 0) return [];
  const last = await watch.lastSignedEventAt();
  if (last !== undefined && last.getTime() >= since.getTime()) return [];
  const lastEn = last ? `the last one arrived ${last.toISOString()}` : "none ever arrived";
  const lastJa = last
    ? `最後に届いたのは ${last.toISOString()} です`
    : "これまで一度も届いていません";
  return [
    say(language, {
      en: `${sessions === 1 ? "1 checkout session was" : `${sessions} checkout sessions were`} made in the last 24 hours, but no signed Stripe webhook event arrived in that time (${lastEn}): payments reach the records only through the event catch-up. Check in the Stripe Dashboard that the webhook endpoint's URL ends with ${WEBHOOK_PATH}, that it is enabled and reachable from the internet, and that STRIPE_WEBHOOK_SECRET is its signing secret.`,
      ja: `直近 24 時間に決済セッションが ${sessions} 件作られましたが、その間に署名付きの Stripe Webhook イベントが届いていません (${lastJa})。支払い状況はイベントの定期取り込みでしかレコードに反映されません。Stripe ダッシュボードで、Webhook エンドポイントの URL が ${WEBHOOK_PATH} で終わること、有効でインターネットから届くこと、STRIPE_WEBHOOK_SECRET がその署名シークレットであることを確かめてください。`,
    }) + help("stripe-webhook-silent", language),
  ];
}

export function webhookEndpointProblems(
  answer: WebhookEndpointsAnswer,
  language: DiagnosticsLanguage,
): string[] {
  // A key that may not read endpoints needs not: the product never calls that API.
  if (!answer.readable) return [];
  const ours = answer.endpoints.filter((endpoint) => pointsAtProxy(endpoint.url));
  const enabled = ours.filter((endpoint) => endpoint.status === "enabled");
  if (enabled.length === 0) {
    const disabled = ours[0];
    return [
      (disabled
        ? say(language, {
            en: `The webhook endpoint ${disabled.url} is disabled in Stripe: Stripe sends this proxy no events. Enable it in the Stripe Dashboard.`,
            ja: `Webhook エンドポイント ${disabled.url} は Stripe で無効になっているため、このプロキシにイベントが届きません。Stripe ダッシュボードで有効にしてください。`,
          })
        : say(language, {
            en: `No webhook endpoint in Stripe points at this proxy (a URL ending with ${WEBHOOK_PATH}): Stripe sends it no events. Add one with the seven events the proxy handles.`,
            ja: `このプロキシを指す Webhook エンドポイント (URL が ${WEBHOOK_PATH} で終わるもの) が Stripe にないため、イベントが届きません。プロキシが扱う 7 つのイベントを選んで追加してください。`,
          })) + help("stripe-webhook-endpoint-missing", language),
    ];
  }
  const best = [...enabled].sort((a, b) => missingEvents(a).length - missingEvents(b).length)[0];
  const missing = best ? missingEvents(best) : [];
  if (!best || missing.length === 0) return [];
  const list = missing.join(", ");
  return [
    say(language, {
      en: `The webhook endpoint ${best.url} does not send ${list}: records miss those changes until the event catch-up. Add the events to the endpoint in the Stripe Dashboard.`,
      ja: `Webhook エンドポイント ${best.url} は ${list} を送りません。これらの変化はイベントの定期取り込みまでレコードに反映されません。Stripe ダッシュボードでエンドポイントにこれらのイベントを追加してください。`,
    }) + help("stripe-webhook-endpoint-events", language),
  ];
}

function pointsAtProxy(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, "").endsWith(WEBHOOK_PATH);
  } catch {
    return false;
  }
}

/** The handled events the endpoint does not send (`*` sends every event). */
function missingEvents(endpoint: WebhookEndpointSummary): string[] {
  if (endpoint.enabledEvents.includes("*")) return [];
  return HANDLED_EVENT_TYPES.filter((type) => !endpoint.enabledEvents.includes(type));
}
