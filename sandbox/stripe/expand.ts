/**
 * `expand[]` (https://docs.stripe.com/expand): replaces an id by the object it names, along dotted
 * paths such as `payment_intent.latest_charge` or `line_items.data.price.product` (up to four
 * levels, as Stripe allows). A path the emulator cannot follow is refused as Stripe refuses it.
 */
import { invalidParam } from "./StripeApiError";
import type { StripeStore } from "./StripeStore";

export type ExpandResolvers = Record<string, (id: string) => unknown>;

const MAX_DEPTH = 4;

function cannotExpand(path: string) {
  return invalidParam("expand", `This property cannot be expanded (${path}).`);
}

/** Which field names hold ids of which objects. */
export function storeResolvers(store: StripeStore): ExpandResolvers {
  return {
    payment_intent: (id) => store.paymentIntents.get(id),
    latest_charge: (id) => store.charges.get(id),
    charge: (id) => store.charges.get(id),
    product: (id) => store.products.get(id),
    price: (id) => store.prices.get(id),
    default_price: (id) => store.prices.get(id),
    file: (id) => store.files.get(id),
    customer: (id) => store.customers.get(id),
    invoice: (id) => store.invoices.get(id),
    latest_invoice: (id) => store.invoices.get(id),
    subscription: (id) => store.subscriptions.get(id),
  };
}

function expandPath(
  target: unknown,
  segments: string[],
  path: string,
  resolvers: ExpandResolvers,
): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (!target || typeof target !== "object" || Array.isArray(target)) throw cannotExpand(path);
  const record = target as Record<string, unknown>;
  if (!(head in record)) throw cannotExpand(path);
  let value = record[head];
  if (value === null) return; // nothing to expand, as Stripe answers null
  if (Array.isArray(value)) {
    if (rest.length === 0) throw cannotExpand(path);
    for (const element of value) expandPath(element, rest, path, resolvers);
    return;
  }
  if (typeof value === "string") {
    const resolved = resolvers[head]?.(value);
    if (resolved === undefined) throw cannotExpand(path);
    value = structuredClone(resolved);
    record[head] = value;
  }
  if (rest.length > 0) expandPath(value, rest, path, resolvers);
}

/** A copy of `object` with every path expanded. */
export function expandObject<T extends object>(
  object: T,
  paths: readonly string[],
  resolvers: ExpandResolvers,
): Record<string, unknown> {
  const copy = structuredClone(object) as Record<string, unknown>;
  for (const path of paths) {
    const segments = path.split(".");
    if (segments.length > MAX_DEPTH) {
      throw invalidParam(
        "expand",
        `You cannot expand more than ${MAX_DEPTH} levels of a property. Property: ${path}`,
      );
    }
    expandPath(copy, segments, path, resolvers);
  }
  return copy;
}
