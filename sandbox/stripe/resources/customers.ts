/**
 * Customers, as far as Checkout needs them (https://docs.stripe.com/api/customers): create with
 * e-mail, name, phone, description, metadata and a `test_clock` to live on, and retrieve; a Checkout Session may name an
 * existing one in `customer` (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-customer).
 */
import type { EmulatorContext } from "../EmulatorContext";
import type { Router } from "../http/Router";
import { checkEmail, mergeMetadata, ParamReader } from "../params";
import { randomId } from "../StripeStore";
import { requireFound } from "../StripeApiError";
import type { Customer } from "../stripeObjects";
import { registerRetrieve } from "./listAndRetrieve";

export function registerCustomerRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  router.post("/v1/customers", "customer_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      "email", "name", "phone", "description", "metadata", "test_clock",
    ]); // prettier-ignore
    const testClock = params.optionalString("test_clock");
    if (testClock !== undefined) {
      const { livemode } = request.apiKey;
      const clock = store.testClocks.get(testClock);
      requireFound(clock, testClock, livemode, "test_clock", "test_clock", 400);
    }
    const email = params.optionalString("email", { maxLength: 512 });
    if (email !== undefined) checkEmail("email", email);
    const customer: Customer = {
      id: randomId("cus_", 14),
      object: "customer",
      created: store.now(),
      description: params.optionalString("description") ?? null,
      email: email ?? null,
      livemode: request.apiKey.livemode,
      metadata: mergeMetadata({}, params.metadata()),
      name: params.optionalString("name", { maxLength: 256 }) ?? null,
      phone: params.optionalString("phone", { maxLength: 20 }) ?? null,
      test_clock: testClock ?? null,
    };
    store.customers.set(customer.id, customer);
    return customer;
  });

  registerRetrieve(router, "/v1/customers/:id", "customer", (id) => store.customers.get(id));
}
