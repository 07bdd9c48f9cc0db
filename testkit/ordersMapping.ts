/**
 * The mapping the Orders app's tests send: one session from the selected records, prices in JPY,
 * the checkout written back to the record. Browser-safe (no imports), so plugin tests use it too.
 * An override replaces its key whole: `ordersMapping({ writeBack: {} })` writes nothing back.
 */
export const ORDERS_LINE_ITEM = {
  productCode: { field: "code" },
  name: { field: "name" },
  unitPrice: { field: "price" },
  quantity: { field: "qty" },
};

export const ORDERS_WRITE_BACK = { url: "checkout_url", sessionId: "session_id", status: "status" };

/** The write-back with the error field, as the bulk jobs and the benchmarks map it. */
export const ORDERS_WRITE_BACK_WITH_ERROR = { ...ORDERS_WRITE_BACK, error: "error" };

export const THANKS_URL = "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}";

const ORDERS_MAPPING = {
  version: 1,
  source: { type: "records" },
  grouping: "single",
  lineItem: ORDERS_LINE_ITEM,
  currency: "JPY",
  successUrl: THANKS_URL,
  writeBack: ORDERS_WRITE_BACK,
};

/** A mapping as the proxy's routes take it, its parts open to what a test changes. */
export interface OrdersMapping {
  [key: string]: unknown;
  lineItem: Record<string, unknown>;
  writeBack: Record<string, unknown>;
}

export function ordersMapping(overrides: Record<string, unknown> = {}): OrdersMapping {
  return { ...ORDERS_MAPPING, ...overrides } as OrdersMapping;
}

/** The same mapping as the JSON text the proxy's routes take. */
export function ordersMappingJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify(ordersMapping(overrides));
}
