/** Orders records with a tax rate column, and the line item that reads it, for the tax suites. */
import { orderValues } from "../../../testkit/orderRecords";
import type { OrdersProxy } from "../../../testkit/startOrdersProxy";

export const TAX_RATE_FIELD = {
  code: "tax_rate",
  label: "Tax rate",
  type: "SINGLE_LINE_TEXT",
} as const;

export const TAXED_LINE_ITEM = {
  name: { field: "name" },
  unitPrice: { field: "price" },
  quantity: { field: "qty" },
  taxRate: { field: TAX_RATE_FIELD.code },
};

/** Adds one record per row, its rate in the tax rate field; their record ids, in order. */
export function addTaxedOrders(
  env: OrdersProxy,
  rows: { price: string; qty?: string; rate: string }[],
): string[] {
  const { store } = env.kintone;
  return store.addRecords(
    env.appId,
    rows.map((row, index) => ({
      ...orderValues(store, { name: `Item ${index + 1}`, price: row.price, qty: row.qty ?? "1" }),
      [TAX_RATE_FIELD.code]: { value: row.rate },
    })),
  ).ids;
}
