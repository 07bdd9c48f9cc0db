/**
 * Orders records for the kintone emulator, as the REST API takes them: every field the Orders
 * app's suites read, empty where the row leaves it out (one item, quantity 1, by default).
 */
import type { KintoneStore } from "../sandbox/kintone/KintoneStore";

export interface Attachment {
  bytes: Uint8Array;
  name: string;
  contentType: string;
}

export interface OrderRow {
  code?: string;
  name: string;
  notes?: string;
  price: string;
  /** Free text in a text field, for prices kintone's NUMBER field would refuse. */
  priceText?: string;
  qty?: string;
  min?: string;
  max?: string;
  currency?: string;
  email?: string;
  region?: string;
  /** Attachments of the FILE field "photo", stored as given. */
  photos?: Attachment[];
  /** Attachments of the FILE field "image". */
  images?: Attachment[];
}

export function orderValues(
  store: KintoneStore,
  row: OrderRow,
): Record<string, { value: unknown }> {
  const files = (attachments: Attachment[] = []) =>
    attachments.map((file) => store.putFile(file.bytes, file.name, file.contentType));
  return {
    code: { value: row.code ?? "" },
    name: { value: row.name },
    notes: { value: row.notes ?? "" },
    price: { value: row.price },
    price_text: { value: row.priceText ?? "" },
    qty: { value: row.qty ?? "1" },
    min_qty: { value: row.min ?? "" },
    max_qty: { value: row.max ?? "" },
    currency: { value: row.currency ?? "" },
    email: { value: row.email ?? "" },
    region: { value: row.region ?? "" },
    photo: { value: files(row.photos) },
    image: { value: files(row.images) },
  };
}

/** Adds the rows to the Orders app; their record ids, in order. */
export function addOrderRecords(
  emulators: { kintone: { store: KintoneStore }; appId: string },
  rows: OrderRow[],
): string[] {
  const { store } = emulators.kintone;
  return store.addRecords(
    emulators.appId,
    rows.map((row) => orderValues(store, row)),
  ).ids;
}
