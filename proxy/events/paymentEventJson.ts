/** A `PaymentEvent` as the journal keeps it (JSON, dates as ISO strings) and back. */
import type { PaymentEvent } from "../ports/PaymentEvent";

export function paymentEventToJson(event: PaymentEvent): string {
  return JSON.stringify(event);
}

export function paymentEventFromJson(json: string): PaymentEvent {
  const event = JSON.parse(json) as PaymentEvent;
  if ("session" in event) {
    const session = event.session as unknown as { expiresAt: string; createdAt: string };
    return {
      ...event,
      session: {
        ...event.session,
        expiresAt: new Date(session.expiresAt),
        createdAt: new Date(session.createdAt),
      },
    };
  }
  return event;
}
