/**
 * Product records in the fake record store's app APP, and the mapping they fit (the Orders
 * mapping, with a photo per line item and every write-back field the records have).
 */
import type { FakeRecordStore } from "./FakeRecordStore";
import { ORDERS_LINE_ITEM, ORDERS_WRITE_BACK, ordersMapping } from "./ordersMapping";

export const APP = "12";

export function baseMapping(overrides: Record<string, unknown> = {}) {
  return ordersMapping({
    lineItem: { ...ORDERS_LINE_ITEM, image: { field: "photo" } },
    writeBack: {
      ...ORDERS_WRITE_BACK,
      expiresAt: "expires_at",
      amountTotal: "amount",
      error: "error",
    },
    ...overrides,
  });
}

export function productRecord(
  records: FakeRecordStore,
  values: { code?: string; name: string; price: string; qty: string; photo?: string },
) {
  const photo = values.photo
    ? [{ contentType: "image/png", fileKey: values.photo, name: `${values.photo}.png`, size: "3" }]
    : [];
  return records.addRecord(APP, {
    code: { type: "SINGLE_LINE_TEXT", value: values.code ?? "" },
    name: { type: "SINGLE_LINE_TEXT", value: values.name },
    price: { type: "NUMBER", value: values.price },
    qty: { type: "NUMBER", value: values.qty },
    photo: { type: "FILE", value: photo },
    checkout_url: { type: "LINK", value: "" },
    session_id: { type: "SINGLE_LINE_TEXT", value: "" },
    status: { type: "SINGLE_LINE_TEXT", value: "" },
    expires_at: { type: "DATETIME", value: "" },
    amount: { type: "NUMBER", value: "" },
    error: { type: "SINGLE_LINE_TEXT", value: "previous error" },
  });
}
