import sharp from "sharp";
import { paymentStatusSchema, sessionStatusSchema } from "../../core/api/proxyApi";
import { mappingConfigSchema } from "../../core/mapping/MappingConfig";
import { KintoneStore } from "../kintone/KintoneStore";
import {
  createSampleApps,
  ORDERS_API_TOKEN,
  ORDERS_APP_ID,
  PRODUCTS_API_TOKEN,
  PRODUCTS_APP_ID,
  SAMPLE_KINTONE_API_TOKENS,
  sampleMapping,
} from "../sampleApps";

describe("the sample apps", () => {
  let store: KintoneStore;

  beforeAll(async () => {
    store = new KintoneStore();
    await createSampleApps(store);
  });

  it("creates Products and Orders with realistic records in JPY and USD", () => {
    expect(store.listApps()).toEqual([
      { id: PRODUCTS_APP_ID, name: "Products" },
      { id: ORDERS_APP_ID, name: "Orders" },
    ]);
    const products = store.queryRecords(PRODUCTS_APP_ID, "limit 500");
    const orders = store.queryRecords(ORDERS_APP_ID, "limit 500");
    expect(products.totalCount + orders.totalCount).toBeGreaterThanOrEqual(10);
    expect(products.totalCount + orders.totalCount).toBeLessThanOrEqual(30);
    const currencies = new Set(products.records.map((r) => r.currency?.value));
    expect(currencies).toEqual(new Set(["JPY", "USD"]));
    for (const order of orders.records) {
      const items = order.items;
      if (items?.type !== "SUBTABLE") throw new Error("items is not a subtable");
      expect(items.value.length).toBeGreaterThan(0);
    }
  });

  it("gives every product a real PNG picture", async () => {
    const { records } = store.queryRecords(PRODUCTS_APP_ID, "limit 500");
    for (const record of records) {
      const image = record.image;
      if (image?.type !== "FILE") throw new Error("image is not a FILE field");
      const file = store.getFile(image.value[0]!.fileKey);
      expect(file?.contentType).toBe("image/png");
      const metadata = await sharp(Buffer.from(file!.bytes)).metadata();
      expect(metadata.format).toBe("png");
      expect(metadata.width).toBeGreaterThanOrEqual(300);
      expect(file!.bytes.length).toBeLessThan(512 * 1024);
    }
  });

  it("has write-back fields with the values the proxy writes", () => {
    for (const appId of [PRODUCTS_APP_ID, ORDERS_APP_ID]) {
      const fields = store.getApp(appId)!.fields;
      const options = (code: string) => fields.find((f) => f.code === code)?.options;
      expect(options("checkout_status")).toEqual(sessionStatusSchema.options);
      expect(options("payment_status")).toEqual(paymentStatusSchema.options);
    }
  });

  it("issues 40-character API tokens with view and edit rights, one per app", () => {
    expect(PRODUCTS_API_TOKEN).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(ORDERS_API_TOKEN).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(store.findApiToken(PRODUCTS_API_TOKEN)).toMatchObject({
      appId: PRODUCTS_APP_ID,
      rights: { view: true, edit: true },
    });
    expect(store.findApiToken(ORDERS_API_TOKEN)?.appId).toBe(ORDERS_APP_ID);
    expect(SAMPLE_KINTONE_API_TOKENS).toBe(
      `${PRODUCTS_APP_ID}:${PRODUCTS_API_TOKEN},${ORDERS_APP_ID}:${ORDERS_API_TOKEN}`,
    );
  });

  it("offers mappings that pass the mapping schema and name existing fields", () => {
    for (const [app, appId] of [
      ["products", PRODUCTS_APP_ID],
      ["orders", ORDERS_APP_ID],
    ] as const) {
      const mapping = sampleMapping(app, "http://localhost:3100/k/1/");
      expect(mappingConfigSchema.safeParse(mapping).success).toBe(true);
      const codes = new Set(
        store
          .getApp(appId)!
          .fields.flatMap((f) => [f.code, ...(f.fields ?? []).map((c) => c.code)]),
      );
      for (const code of Object.values(mapping.writeBack)) expect(codes).toContain(code);
    }
  });
});
