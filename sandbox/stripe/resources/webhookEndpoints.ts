/**
 * Webhook endpoints (https://docs.stripe.com/api/webhook_endpoints/list): the one endpoint the
 * emulator delivers to (its `webhook` option), listed as Stripe lists an account's endpoints, so a
 * key's `webhook_endpoint_read` permission and the endpoint's URL and events can be checked.
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import { registerList } from "./listAndRetrieve";

/** `["*"]`: every event, what an endpoint made without a list of events receives. */
export const ALL_EVENTS = ["*"];

interface WebhookEndpointObject {
  id: string;
  object: "webhook_endpoint";
  url: string;
  enabled_events: string[];
  status: "enabled";
  api_version: null;
  description: null;
  metadata: Record<string, string>;
  livemode: boolean;
  created: number;
}

export function registerWebhookEndpointRoutes(router: Router, context: EmulatorContext): void {
  registerList(router, "/v1/webhook_endpoints", "webhook_endpoint", {
    filters: [],
    items: (): WebhookEndpointObject[] => {
      const endpoint = context.config.webhook;
      if (!endpoint) return [];
      // The secret is Stripe's to show once, at creation: never listed.
      return [
        {
          id: "we_emulator",
          object: "webhook_endpoint",
          url: endpoint.url,
          enabled_events: [...(endpoint.enabledEvents ?? ALL_EVENTS)],
          status: "enabled",
          api_version: null,
          description: null,
          metadata: {},
          livemode: false,
          created: context.store.now(),
        },
      ];
    },
  });
}
