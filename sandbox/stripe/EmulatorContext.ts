/** What every resource module shares: the state, the event bus and the live configuration. */
import type { EventBus, EventCause } from "./EventBus";
import type { StripeStore } from "./StripeStore";
import type { WebhookEndpoint, WebhookRetryPolicy } from "./WebhookDeliverer";
import type { ApiRequest } from "./http/Router";

export interface EmulatorConfig {
  latencyMs: number;
  rateLimitPerSecond: number | undefined;
  searchLagMs: number;
  webhook: WebhookEndpoint | undefined;
  webhookRetry: WebhookRetryPolicy;
  publicBaseUrl: string;
  restrictedKeys: Record<string, string[]> | undefined;
  /** Where the pages' times are read (undefined: the machine's zone). */
  displayTimeZone?: string;
}

export interface EmulatorContext {
  store: StripeStore;
  events: EventBus;
  config: EmulatorConfig;
}

export function causeOf(request: ApiRequest): EventCause {
  return { requestId: request.requestId, idempotencyKey: request.idempotencyKey };
}
