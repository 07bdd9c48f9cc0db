/**
 * Delivers events to the configured endpoint the way Stripe does
 * (https://docs.stripe.com/webhooks#verify-events): a JSON POST with
 * `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the whole secret>`.
 * A non-2xx answer or an unreachable endpoint is retried with exponential backoff (Stripe retries
 * for 3 days; the emulator, by default, 200 ms doubling, 5 attempts). Deliveries are not ordered.
 * Tests may hold deliveries back (the event exists, its webhook is "not yet here") and release
 * them later, in the order the events happened.
 */
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { StripeEvent } from "./stripeObjects";

export interface WebhookEndpoint {
  url: string;
  secret: string;
  /** What `GET /v1/webhook_endpoints` lists as its `enabled_events`; default `["*"]`. */
  enabledEvents?: string[];
}

export interface WebhookRetryPolicy {
  initialDelayMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** Each delivery first waits a random 0..jitterMs, so events can arrive out of order. */
  jitterMs?: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  initialDelayMs: 200,
  maxAttempts: 5,
  timeoutMs: 10_000,
};

export interface WebhookDeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  /** HTTP status, or 0 when the endpoint could not be reached / timed out. */
  status: number;
  ok: boolean;
  at: number;
}

/** The header Stripe sends; exported so tests and tools can sign payloads the same way. */
export function signWebhookPayload(payload: string, secret: string, timestamp: number): string {
  const signature = crypto
    .createHmac("sha256", secret)
    .update(`${timestamp}.${payload}`, "utf8")
    .digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(0);
      return;
    }
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        agent: false,
        headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(0));
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error("timeout")));
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

export class WebhookDeliverer {
  readonly attempts: WebhookDeliveryAttempt[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;
  /** Events waiting for release(), oldest first; undefined while deliveries are not held. */
  private held: StripeEvent[] | undefined;

  constructor(
    private readonly endpoint: () => WebhookEndpoint | undefined,
    private readonly retry: () => WebhookRetryPolicy,
  ) {}

  enqueue(event: StripeEvent): void {
    if (this.held) {
      this.held.push(event);
      return;
    }
    const endpoint = this.endpoint();
    if (!endpoint || this.closed) return;
    this.track(this.deliver(event, endpoint));
  }

  /** From now on events wait (in order) instead of being sent, until release(). */
  hold(): void {
    this.held ??= [];
  }

  /** Stops holding and delivers the held events one after the other, oldest first. */
  release(): Promise<void> {
    const events = this.held ?? [];
    this.held = undefined;
    return this.track(
      (async () => {
        for (const event of events) {
          const endpoint = this.endpoint();
          if (!endpoint || this.closed) return;
          await this.deliver(event, endpoint);
        }
      })(),
    );
  }

  /** Forgets the attempts and any held events; deliveries are no longer held. */
  reset(): void {
    this.attempts.length = 0;
    this.held = undefined;
  }

  private track(delivery: Promise<void>): Promise<void> {
    const tracked = delivery.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    return tracked;
  }

  private async deliver(event: StripeEvent, endpoint: WebhookEndpoint): Promise<void> {
    const policy = this.retry();
    if (policy.jitterMs) await this.sleep(Math.floor(Math.random() * policy.jitterMs));
    const payload = JSON.stringify(event, null, 2);
    for (let attempt = 1; attempt <= policy.maxAttempts && !this.closed; attempt++) {
      const timestamp = Math.floor(Date.now() / 1000); // receivers compare with their wall clock
      const status = await post(
        endpoint.url,
        payload,
        {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "Stripe-Signature": signWebhookPayload(payload, endpoint.secret, timestamp),
        },
        policy.timeoutMs,
      );
      const ok = status >= 200 && status < 300;
      this.attempts.push({
        eventId: event.id,
        eventType: event.type,
        attempt,
        status,
        ok,
        at: Date.now(),
      });
      if (ok) {
        event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
        return;
      }
      if (attempt < policy.maxAttempts) {
        await this.sleep(policy.initialDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }

  /**
   * Resolves once every queued delivery was attempted to the end (delivered or given up); held
   * events are not waited for.
   */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  close(): void {
    this.closed = true;
    // Wake sleeping retries so they see `closed` and stop.
    for (const [timer, wake] of this.timers) {
      clearTimeout(timer);
      wake();
    }
    this.timers.clear();
  }
}
