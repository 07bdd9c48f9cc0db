/**
 * Invoices as far as Checkout and subscriptions issue them: retrieve
 * (https://docs.stripe.com/api/invoices/retrieve) and list by `customer`, `subscription`,
 * `status`, `collection_method`, `created` (https://docs.stripe.com/api/invoices/list).
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import type { Invoice } from "../taxAndInvoiceObjects";
import {
  createdFilter,
  fieldFilter,
  registerList,
  registerRetrieve,
  valueFilter,
} from "./listAndRetrieve";

export function registerInvoiceRoutes(router: Router, context: EmulatorContext): void {
  registerRetrieve(router, "/v1/invoices/:id", "invoice", (id) => context.store.invoices.get(id));

  registerList(router, "/v1/invoices", "invoice", {
    filters: [
      fieldFilter("customer"),
      valueFilter(
        "subscription",
        (params) => params.optionalString("subscription"),
        (invoice: Invoice, subscription) =>
          invoice.parent?.subscription_details.subscription === subscription,
      ),
      fieldFilter("status", ["draft", "open", "paid", "uncollectible", "void"]),
      fieldFilter("collection_method", ["charge_automatically", "send_invoice"]),
      createdFilter(),
    ],
    items: () => context.store.invoices.values(),
    livemodeOf: (invoice) => invoice.livemode,
  });
}
