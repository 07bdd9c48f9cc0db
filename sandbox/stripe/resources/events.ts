/**
 * Events (https://docs.stripe.com/api/events/list): retrieve and list, newest first, filtered by
 * `type` (a `*` wildcard allowed, e.g. `checkout.session.*`), `types[]` (up to 20) and `created`.
 */
import type { EmulatorContext } from "../EmulatorContext";
import { LIST_PARAMS, paginate, readCreatedFilter } from "../listing";
import { ParamReader } from "../params";
import { invalidParam, requireMode, resourceMissing } from "../StripeApiError";
import { newestFirst } from "../StripeStore";
import type { Router } from "../http/Router";

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

  router.get("/v1/events/:id", "event_read", (request) => {
    ParamReader.from(request.params).allowOnly([]);
    const id = request.pathParams.id ?? "";
    const event = store.events.get(id);
    if (!event) throw resourceMissing("event", id);
    return requireMode(event, request.apiKey.livemode, "event");
  });

  router.get("/v1/events", "event_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...LIST_PARAMS,
      "type",
      "types",
      "created",
      "delivery_success",
    ]);
    const type = params.optionalString("type");
    const types = params.stringArray("types", { maxItems: 20 }) as string[] | undefined;
    if (type !== undefined && types !== undefined) {
      throw invalidParam("types", "You may only specify one of these parameters: type, types.");
    }
    const deliverySuccess = params.boolean("delivery_success");
    const created = readCreatedFilter(params);
    const matchers = (types ?? (type !== undefined ? [type] : [])).map(typeMatcher);
    const events = newestFirst(store.events.values()).filter(
      (event) =>
        event.livemode === request.apiKey.livemode &&
        (matchers.length === 0 || matchers.some((matches) => matches(event.type))) &&
        (deliverySuccess === undefined || (event.pending_webhooks === 0) === deliverySuccess) &&
        created(event.created),
    );
    return paginate(events, params, "/v1/events", "event");
  });
}
