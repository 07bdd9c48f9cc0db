/**
 * A small JSON control API under `/_emulator/` for browser stories and the sandbox (no auth; the
 * emulator listens on 127.0.0.1 only):
 *   GET  /_emulator/health                       → { ok, now, url }
 *   GET  /_emulator/requests   DELETE /_emulator/requests
 *   GET  /_emulator/clock                        → { now }
 *   POST /_emulator/clock/advance {seconds}      → { now }
 *   GET  /_emulator/sessions  GET /_emulator/events  GET /_emulator/webhooks  GET /_emulator/disputes
 *   POST /_emulator/sessions/:id/pay {method: "card" | "delayed", quantities?: {lineIndex: n},
 *                                      buyer?: {name?, email?, phone?, address?: {line1, line2,
 *                                      city, state, postal_code, country}, shipping?: {name?, address}}}
 *                                                what the buyer typed; the session records it in
 *                                                customer_details / collected_information.shipping_details
 *   POST /_emulator/sessions/:id/settle {outcome: "succeeded" | "failed"}
 *   POST /_emulator/sessions/:id/expire
 *   POST /_emulator/sessions/:id/recover          → { session }: what opening the recovery URL of an
 *                                                  expired session does (a new copy, recovered_from = :id)
 *   POST /_emulator/refunds {session | payment_intent, amount?}
 *   POST /_emulator/disputes {session | payment_intent, amount?}  → { dispute } (needs_response)
 *   POST /_emulator/disputes/:id/close {outcome: "won" | "lost"} → { dispute }
 *   POST /_emulator/configure {latencyMs?, rateLimitPerSecond?, searchLagMs?, webhook?,
 *                              frozenClock?, restrictedKeys?, webhookRetry?}
 *   POST /_emulator/fail-next {method?, pathPrefix?, status, count?, when?}
 *   POST /_emulator/events/:id/resend
 *   POST /_emulator/webhooks/flush
 *   POST /_emulator/webhooks/hold                 events are made and listed but not delivered…
 *   POST /_emulator/webhooks/release              …until this: delivered in order, answered when done
 *   GET  /_emulator/subscriptions
 *   POST /_emulator/subscriptions/:id/next_renewal {outcome: "pay" | "fail"} → { subscription,
 *                                                  nextRenewal }: what the next renewal's charge
 *                                                  does (once; afterwards renewals are paid again)
 *   POST /_emulator/reset
 * Errors: `{ error: { message } }` with 400 or 404.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseBuyerDetails, type BuyerDetails } from "./buyerDetails";
import { NO_REQUEST } from "./EventBus";
import type { DisputeFlows } from "./DisputeFlows";
import type { PaymentFlows } from "./PaymentFlows";
import type { FailRule, StripeEmulator } from "./StripeEmulator";
import { StripeApiError } from "./StripeApiError";
import { newestFirst, StripeStore } from "./StripeStore";
import { readBody } from "./http/requestBody";

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(request)).toString("utf8").trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // fall through
  }
  throw new ControlError(400, "The body must be a JSON object.");
}

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ControlError(400, `${key} must be a non-negative number.`);
  }
  return value;
}

function buyerOfBody(body: Record<string, unknown>): BuyerDetails {
  try {
    return parseBuyerDetails(body.buyer);
  } catch (error) {
    throw new ControlError(400, (error as Error).message);
  }
}

/** Collections whose second path segment is an id. */
const ID_COLLECTIONS = ["sessions", "events", "disputes", "subscriptions"];

/** The payment intent a body names directly or through its `session`. */
function paymentIntentOfBody(body: Record<string, unknown>, flows: PaymentFlows): string {
  if (typeof body.session === "string") {
    const paymentIntent = flows.session(body.session).payment_intent;
    if (!paymentIntent) throw new ControlError(400, "That session has no payment.");
    return paymentIntent;
  }
  if (typeof body.payment_intent === "string") return body.payment_intent;
  throw new ControlError(400, "session or payment_intent is required.");
}

export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  emulator: StripeEmulator,
  flows: PaymentFlows,
  store: StripeStore,
  disputes: DisputeFlows,
): Promise<void> {
  const method = request.method ?? "GET";
  const parts = path.split("/").filter(Boolean).slice(1); // drop "_emulator"
  const route = `${method} /${parts.map((p, i) => (ID_COLLECTIONS.includes(parts[0] ?? "") && i === 1 ? ":id" : p)).join("/")}`;
  let sessionId = ""; // or event / dispute id, for /events/:id/… and /disputes/:id/…
  try {
    sessionId = decodeURIComponent(parts[1] ?? "");
  } catch {
    // malformed escape: no such session
  }
  try {
    switch (route) {
      case "GET /health":
        return send(response, 200, { ok: true, now: emulator.now(), url: emulator.url });
      case "GET /requests":
        return send(response, 200, { requests: emulator.requests });
      case "DELETE /requests":
        emulator.clearRequests();
        return send(response, 200, { ok: true });
      case "GET /clock":
        return send(response, 200, { now: emulator.now() });
      case "POST /clock/advance": {
        const seconds = optionalNumber(await readJson(request), "seconds");
        if (seconds === undefined) throw new ControlError(400, "seconds is required.");
        await emulator.advanceClock(seconds);
        return send(response, 200, { now: emulator.now() });
      }
      case "GET /sessions":
        return send(response, 200, { sessions: newestFirst(store.sessions.values()) });
      case "GET /events":
        return send(response, 200, { events: newestFirst(store.events.values()) });
      case "GET /disputes":
        return send(response, 200, { disputes: newestFirst(store.disputes.values()) });
      case "GET /subscriptions":
        return send(response, 200, { subscriptions: newestFirst(store.subscriptions.values()) });
      case "POST /subscriptions/:id/next_renewal": {
        const { outcome } = await readJson(request);
        if (outcome !== "pay" && outcome !== "fail") {
          throw new ControlError(400, 'outcome must be "pay" or "fail".');
        }
        const subscription = flows.subscriptions.setNextRenewal(sessionId, outcome);
        return send(response, 200, { subscription, nextRenewal: outcome });
      }
      case "GET /webhooks":
        return send(response, 200, { deliveries: emulator.state.webhookDeliveries });
      case "POST /sessions/:id/pay": {
        const body = await readJson(request);
        const quantities = (body.quantities ?? {}) as Record<number, number>;
        if (typeof quantities !== "object" || Array.isArray(quantities)) {
          throw new ControlError(400, "quantities must be an object { lineIndex: quantity }.");
        }
        const choices = { quantities, buyer: buyerOfBody(body) };
        if (body.method === "card" || body.method === undefined) {
          flows.payWithCard(sessionId, choices);
        } else if (body.method === "delayed" || body.method === "konbini") {
          flows.payWithDelayedMethod(sessionId, choices);
        } else throw new ControlError(400, 'method must be "card" or "delayed".');
        return send(response, 200, { session: flows.session(sessionId) });
      }
      case "POST /sessions/:id/settle": {
        const { outcome } = await readJson(request);
        if (outcome !== "succeeded" && outcome !== "failed") {
          throw new ControlError(400, 'outcome must be "succeeded" or "failed".');
        }
        flows.settleDelayedPayment(sessionId, outcome);
        return send(response, 200, { session: flows.session(sessionId) });
      }
      case "POST /sessions/:id/expire":
        return send(response, 200, { session: flows.expire(sessionId, NO_REQUEST) });
      case "POST /refunds": {
        const body = await readJson(request);
        const amount = optionalNumber(body, "amount");
        const paymentIntent = paymentIntentOfBody(body, flows);
        const refund = flows.refund({ paymentIntent }, amount, NO_REQUEST);
        return send(response, 200, { refund });
      }
      case "POST /disputes": {
        const body = await readJson(request);
        const amount = optionalNumber(body, "amount");
        const dispute = disputes.open(paymentIntentOfBody(body, flows), amount);
        return send(response, 200, { dispute });
      }
      case "POST /disputes/:id/close": {
        const { outcome } = await readJson(request);
        if (outcome !== "won" && outcome !== "lost") {
          throw new ControlError(400, 'outcome must be "won" or "lost".');
        }
        return send(response, 200, { dispute: disputes.close(sessionId, outcome) });
      }
      case "POST /sessions/:id/recover":
        return send(response, 200, { session: flows.recovery.recover(sessionId) });
      case "POST /configure": {
        const body = await readJson(request);
        const change: Parameters<StripeEmulator["configure"]>[0] = {};
        if ("latencyMs" in body) change.latencyMs = optionalNumber(body, "latencyMs") ?? 0;
        if ("rateLimitPerSecond" in body) {
          change.rateLimitPerSecond = optionalNumber(body, "rateLimitPerSecond");
        }
        if ("searchLagMs" in body) change.searchLagMs = optionalNumber(body, "searchLagMs") ?? 0;
        if ("webhook" in body) {
          const webhook = body.webhook as { url?: unknown; secret?: unknown } | null;
          if (webhook === null) change.webhook = undefined;
          else if (typeof webhook?.url === "string" && typeof webhook.secret === "string") {
            change.webhook = { url: webhook.url, secret: webhook.secret };
          } else throw new ControlError(400, "webhook must be { url, secret } or null.");
        }
        if ("frozenClock" in body) {
          if (typeof body.frozenClock !== "boolean") {
            throw new ControlError(400, "frozenClock must be a boolean.");
          }
          change.frozenClock = body.frozenClock;
        }
        if ("restrictedKeys" in body) {
          const keys = body.restrictedKeys;
          const valid =
            keys === null ||
            (typeof keys === "object" &&
              !Array.isArray(keys) &&
              Object.values(keys as object).every(
                (list) => Array.isArray(list) && list.every((p) => typeof p === "string"),
              ));
          if (!valid) {
            throw new ControlError(400, "restrictedKeys must be { key: [permission, …] } or null.");
          }
          change.restrictedKeys = (keys ?? undefined) as Record<string, string[]> | undefined;
        }
        if ("webhookRetry" in body) {
          const retry = body.webhookRetry as Record<string, unknown> | null;
          const policy: Record<string, number> = {};
          for (const key of ["initialDelayMs", "maxAttempts", "timeoutMs", "jitterMs"]) {
            const value = optionalNumber(retry ?? {}, key);
            if (value !== undefined) policy[key] = value;
          }
          change.webhookRetry = policy;
        }
        emulator.configure(change);
        return send(response, 200, { ok: true });
      }
      case "POST /fail-next": {
        const body = await readJson(request);
        const status = body.status;
        if (status !== "timeout" && (typeof status !== "number" || status < 400 || status > 599)) {
          throw new ControlError(400, 'status must be an HTTP error status or "timeout".');
        }
        const rule: FailRule = { status };
        if (typeof body.method === "string") rule.method = body.method;
        if (typeof body.pathPrefix === "string") rule.pathPrefix = body.pathPrefix;
        const count = optionalNumber(body, "count");
        if (count !== undefined) rule.count = count;
        if (body.when === "after" || body.when === "before") rule.when = body.when;
        emulator.failNext(rule);
        return send(response, 200, { ok: true });
      }
      case "POST /events/:id/resend":
        await emulator.resendEvent(sessionId).catch((error: Error) => {
          throw new ControlError(404, error.message);
        });
        return send(response, 200, { ok: true });
      case "POST /webhooks/hold":
        emulator.holdWebhooks();
        return send(response, 200, { ok: true });
      case "POST /webhooks/release":
        await emulator.releaseWebhooks();
        return send(response, 200, { ok: true });
      case "POST /webhooks/flush":
        await emulator.flushWebhooks();
        return send(response, 200, { ok: true });
      case "POST /reset":
        emulator.reset();
        return send(response, 200, { ok: true });
      default:
        throw new ControlError(404, `Unknown control route ${method} ${path}`);
    }
  } catch (error) {
    if (error instanceof ControlError)
      return send(response, error.status, { error: { message: error.message } });
    if (error instanceof StripeApiError) {
      return send(response, error.status, { error: { message: error.message } });
    }
    throw error;
  }
}
