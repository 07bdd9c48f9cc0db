/**
 * Disputes, read-only here (they come from the control API, as a cardholder's bank would open
 * them): retrieve and list (https://docs.stripe.com/api/disputes/list: `charge`, `payment_intent`,
 * `created`), newest first.
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import { createdFilter, fieldFilter, registerList, registerRetrieve } from "./listAndRetrieve";

export function registerDisputeRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  registerRetrieve(router, "/v1/disputes/:id", "dispute", (id) => store.disputes.get(id));

  registerList(router, "/v1/disputes", "dispute", {
    filters: [fieldFilter("charge"), fieldFilter("payment_intent"), createdFilter()],
    items: () => store.disputes.values(),
    livemodeOf: (dispute) => dispute.livemode,
  });
}
