/**
 * Records an Event for every state change (https://docs.stripe.com/api/events/object): `data.object`
 * is a snapshot of the object at that moment, `request` names the API request that caused it
 * (null for changes made by the customer or by time). Subscribers (the webhook deliverer) hear
 * about each event once it is stored.
 */
import { randomId, StripeStore } from "./StripeStore";
import type { StripeEvent } from "./stripeObjects";

/** The API version stripe-node 23 pins; events are rendered in it. */
export const EMULATOR_API_VERSION = "2026-10-28.endive";

export interface EventCause {
  requestId: string | null;
  idempotencyKey: string | null;
}

export const NO_REQUEST: EventCause = { requestId: null, idempotencyKey: null };

export class EventBus {
  private readonly subscribers: ((event: StripeEvent) => void)[] = [];

  constructor(
    private readonly store: StripeStore,
    private readonly webhookEndpointCount: () => number,
  ) {}

  subscribe(subscriber: (event: StripeEvent) => void): void {
    this.subscribers.push(subscriber);
  }

  emit(
    type: string,
    object: object,
    cause: EventCause = NO_REQUEST,
    previousAttributes?: Record<string, unknown>,
    /** For objects without a `livemode` field (refunds): the mode of the account's key. */
    livemode?: boolean,
  ): StripeEvent {
    const event: StripeEvent = {
      id: randomId("evt_"),
      object: "event",
      api_version: EMULATOR_API_VERSION,
      created: this.store.now(),
      data: {
        object: structuredClone(object),
        ...(previousAttributes ? { previous_attributes: structuredClone(previousAttributes) } : {}),
      },
      livemode: livemode ?? (object as { livemode?: boolean }).livemode ?? false,
      pending_webhooks: this.webhookEndpointCount(),
      request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
      type,
    };
    this.store.events.set(event.id, event);
    for (const subscriber of this.subscribers) subscriber(event);
    return event;
  }
}
