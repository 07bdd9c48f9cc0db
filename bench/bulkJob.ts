/** The bulk job's records and line items (sections 3 and 10): an image each, a session each. */
import type { ProductPicture } from "../sandbox/sampleImages";
import type { Row } from "./setup";

export const BULK_PICTURES: ProductPicture[] = ["mug", "tshirt", "notebook", "matcha", "tote"];

export const bulkLineItem = {
  productCode: { field: "code" },
  name: { field: "name" },
  image: { field: "image" },
  unitPrice: { field: "price" },
  quantity: { field: "qty" },
};

/** `records` Orders rows over five products; each has its own attachment (its own fileKey), as kintone stores them. */
export function bulkRows(records: number, pictures: Buffer[]): Row[] {
  return Array.from({ length: records }, (_, i) => ({
    code: `SKU-${i % 5}`,
    name: `Order item ${i % 5}`,
    price: String(500 + (i % 5) * 100),
    qty: "1",
    images: [
      {
        bytes: new Uint8Array(pictures[i % 5]!),
        name: `sku-${i % 5}.png`,
        contentType: "image/png",
      },
    ],
  }));
}
