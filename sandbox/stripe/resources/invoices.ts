/** Invoices as far as Checkout issues them: retrieve (https://docs.stripe.com/api/invoices/retrieve). */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import { registerRetrieve } from "./listAndRetrieve";

export function registerInvoiceRoutes(router: Router, context: EmulatorContext): void {
  registerRetrieve(router, "/v1/invoices/:id", "invoice", (id) => context.store.invoices.get(id));
}
