/**
 * What the checkout suites share: their mapping (quantities a buyer may adjust, a photo per line
 * item, every write-back field), Orders rows with a picture, and the line items Stripe stored.
 */
import type { StoredLineItem } from "../../../sandbox/stripe/stripeObjects";
import { addOrderRecords, type OrderRow } from "../../../testkit/orderRecords";
import {
  ORDERS_LINE_ITEM,
  ORDERS_WRITE_BACK,
  ordersMappingJson,
} from "../../../testkit/ordersMapping";
import type { OrdersProxy } from "../../../testkit/startOrdersProxy";

export function checkoutsMapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({
    lineItem: {
      ...ORDERS_LINE_ITEM,
      minQuantity: { field: "min_qty" },
      maxQuantity: { field: "max_qty" },
      image: { field: "photo" },
    },
    writeBack: {
      ...ORDERS_WRITE_BACK,
      paymentStatus: "pay_status",
      expiresAt: "expires_at",
      amountTotal: "amount",
      error: "error",
    },
    ...overrides,
  });
}

/** Orders rows, `photo` the bytes of one attached picture. */
export async function addRecords(
  env: OrdersProxy,
  rows: (Omit<OrderRow, "photos"> & { photo?: Uint8Array })[],
): Promise<string[]> {
  return addOrderRecords(
    env,
    rows.map(({ photo, ...row }) => ({
      ...row,
      photos: photo ? [{ bytes: photo, name: `${row.name}.png`, contentType: "image/png" }] : [],
    })),
  );
}

/** Stripe keeps adjustable_quantity out of the line item object; the emulator keeps it beside it. */
export function storedLineItems(env: OrdersProxy, sessionId: string): StoredLineItem[] {
  const internals = env.stripe as unknown as {
    store: { sessionLineItems: Map<string, StoredLineItem[]> };
  };
  return internals.store.sessionLineItems.get(sessionId) ?? [];
}
