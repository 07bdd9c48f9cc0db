/**
 * Events (https://docs.stripe.com/api/events/list): retrieve and list, newest first, filtered by
 * `type` (a `*` wildcard allowed, e.g. `checkout.session.*`), `types[]` (up to 20) and `created`.
 */
import type { EmulatorContext } from "../EmulatorContext";
import { invalidParam } from "../StripeApiError";
import type { StripeEvent } from "../stripeObjects";
import type { Router } from "../http/Router";
import {
  createdFilter,
  registerList,
  registerRetrieve,
  type ListFilter,
  valueFilter,
} from "./listAndRetrieve";

/** `type` or `types[]` (up to 20), never both. */
function typeFilter(): ListFilter<StripeEvent> {
  return {
    params: ["type", "types"],
    read(params) {
      const type = params.optionalString("type");
      const types = params.stringArray("types", { maxItems: 20 }) as string[] | undefined;
      if (type !== undefined && types !== undefined) {
        throw invalidParam("types", "You may only specify one of these parameters: type, types.");
      }
      const matchers = (types ?? (type !== undefined ? [type] : [])).map(typeMatcher);
      if (matchers.length === 0) return undefined;
      return (event) => matchers.some((matches) => matches(event.type));
    },
  };
}

function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes("*")) return (type) => type === pattern;
  const regex = new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  );
  return (type) => regex.test(type);
}

export function registerEventRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  registerRetrieve(router, "/v1/events/:id", "event", (id) => store.events.get(id));

  registerList(router, "/v1/events", "event", {
    filters: [
      typeFilter(),
      valueFilter(
        "delivery_success",
        (params) => params.boolean("delivery_success"),
        (event: StripeEvent, success) => (event.pending_webhooks === 0) === success,
      ),
      createdFilter(),
    ],
    items: () => store.events.values(),
    livemodeOf: (event) => event.livemode,
  });
}
