/**
 * The sandbox's sample apps: "Products" (a checkout line per record, with pictures) and "Orders"
 * (a line per row of the `items` subtable), with the write-back fields the plugin fills, realistic
 * Japanese and English records in JPY and USD, and API tokens for the proxy.
 *
 * App ids, field codes and tokens are fixed so that docs, tests and the proxy's `.env` can name them.
 */
import {
  paymentStatusSchema,
  sessionStatusSchema,
  SUBSCRIPTION_INTERVALS,
} from "../core/api/proxyApi";
import type { MappingConfig } from "../core/mapping/MappingConfig";
import type { KintoneStore } from "./kintone/KintoneStore";
import type { AppDefinition, FieldDef } from "./kintone/store/appDefinition";
import { renderProductPicture, type ProductPicture } from "./sampleImages";

export const PRODUCTS_APP_ID = "1";
export const ORDERS_APP_ID = "2";

/** Sandbox-only API tokens (view + add + edit, no delete), 40 characters like kintone's. */
export const PRODUCTS_API_TOKEN = "SandboxProductsAppToken00000000000000001";
export const ORDERS_API_TOKEN = "SandboxOrdersAppToken0000000000000000002";

/** `KINTONE_API_TOKENS` for the proxy: `appId:token` pairs, comma-separated. */
export const SAMPLE_KINTONE_API_TOKENS = `${PRODUCTS_APP_ID}:${PRODUCTS_API_TOKEN},${ORDERS_APP_ID}:${ORDERS_API_TOKEN}`;

const TOKEN_RIGHTS = { view: true, add: true, edit: true, delete: false };

/** The values the proxy writes to the status fields, so the drop-downs offer each of them. */
export const CHECKOUT_STATUSES: string[] = [...sessionStatusSchema.options];
export const PAYMENT_STATUSES: string[] = [...paymentStatusSchema.options];

/** The fields the plugin writes back, with the same codes in both apps. */
export const WRITE_BACK_FIELD_CODES = {
  url: "checkout_url",
  sessionId: "checkout_session_id",
  status: "checkout_status",
  paymentStatus: "payment_status",
  expiresAt: "checkout_expires_at",
  amountTotal: "amount_total",
  paidAt: "paid_at",
  customerEmail: "checkout_customer_email",
  error: "checkout_error",
  amountRefunded: "amount_refunded",
} as const satisfies MappingConfig["writeBack"];

/** Labels are English: the fields are data, and a machine without CJK fonts still shows them. */
function writeBackFields(): FieldDef[] {
  return [
    {
      code: "checkout_status",
      label: "Checkout status",
      type: "DROP_DOWN",
      options: CHECKOUT_STATUSES,
    },
    {
      code: "payment_status",
      label: "Payment status",
      type: "DROP_DOWN",
      options: PAYMENT_STATUSES,
    },
    { code: "amount_total", label: "Amount total", type: "NUMBER", digit: true },
    { code: "amount_refunded", label: "Amount refunded", type: "NUMBER", digit: true },
    { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
    { code: "checkout_expires_at", label: "Expires at", type: "DATETIME" },
    { code: "paid_at", label: "Paid at", type: "DATETIME" },
    { code: "checkout_customer_email", label: "Payer e-mail", type: "SINGLE_LINE_TEXT" },
    { code: "checkout_session_id", label: "Session ID", type: "SINGLE_LINE_TEXT" },
    { code: "checkout_error", label: "Error", type: "MULTI_LINE_TEXT" },
    // Subscription mode: the subscription's id, state and next renewal, and the billing interval.
    { code: "subscription_id", label: "Subscription ID", type: "SINGLE_LINE_TEXT" },
    { code: "subscription_status", label: "Subscription status", type: "SINGLE_LINE_TEXT" },
    { code: "current_period_end", label: "Current period end", type: "DATETIME" },
    {
      code: "billing_interval",
      label: "Billing interval",
      type: "DROP_DOWN",
      options: [...SUBSCRIPTION_INTERVALS],
    },
  ];
}

interface SampleProduct {
  code: string;
  name: string;
  description: string;
  price: string;
  currency: "JPY" | "USD";
  pictures: ProductPicture[];
}

/** Code, name, description, price, currency, pictures. */
// prettier-ignore
const PRODUCT_ROWS: Array<[string, string, string, string, "JPY" | "USD", ProductPicture[]]> = [
  ["MUG-001", "波佐見焼 マグカップ", "長崎・波佐見の窯元で焼いた、手になじむ白磁のマグ。容量300ml。", "1800", "JPY", ["mug", "coffee"]],
  ["TSH-002", "Organic Cotton T-shirt", "Soft 180 g/m² organic cotton, relaxed fit. Ocean blue.", "28.00", "USD", ["tshirt"]],
  ["NTB-003", "A5 リングノート", "書き心地のよいクリーム紙、方眼5mm、80枚。", "880", "JPY", ["notebook"]],
  ["MTC-004", "抹茶はじめてセット", "宇治抹茶30g、茶筅、茶杓、抹茶碗のセット。", "4500", "JPY", ["matcha"]],
  ["TOT-005", "Canvas Tote Bag", 'Heavy 12 oz canvas with a printed diamond. Fits a 15" laptop.', "19.50", "USD", ["tote"]],
  ["EAR-006", "Wireless Earbuds", "Bluetooth 5.3, 28 h battery with the case, splash-proof.", "79.99", "USD", ["earbuds"]],
  ["PLT-007", "多肉植物の鉢植え", "育てやすいエケベリア。素焼き鉢と受け皿つき。", "2200", "JPY", ["plant"]],
  ["COF-008", "Single-origin Coffee Beans 200 g", "Ethiopia Yirgacheffe, light roast: jasmine, lemon, honey.", "16.00", "USD", ["coffee"]],
  ["STK-009", "Sticker Pack", "Six vinyl stickers, weatherproof, matte finish.", "4.99", "USD", ["stickers"]],
  ["BNT-010", "曲げわっぱ弁当箱", "秋田杉の曲げわっぱ。二段、仕切りつき。", "6800", "JPY", ["bento"]],
  ["LMP-011", "LED Desk Lamp", "Adjustable arm, three colour temperatures, USB-C powered.", "45.00", "USD", ["lamp"]],
  ["SCK-012", "くつした 3足セット", "綿混のリブ編み。22〜25cm。", "1980", "JPY", ["socks"]],
];

export const SAMPLE_PRODUCTS: SampleProduct[] = PRODUCT_ROWS.map(
  ([code, name, description, price, currency, pictures]) => ({
    code,
    name,
    description,
    price,
    currency,
    pictures,
  }),
);

interface SampleOrder {
  customer: string;
  email: string;
  currency: "JPY" | "USD";
  items: Array<{ code: string; quantity: number }>;
}

/** Customer, e-mail, currency, then each product code with its quantity. */
// prettier-ignore
const ORDER_ROWS: Array<[string, string, "JPY" | "USD", ...Array<[string, number]>]> = [
  ["山田 花子", "hanako.yamada@example.jp", "JPY", ["MUG-001", 2], ["NTB-003", 3]],
  ["Emily Carter", "emily.carter@example.com", "USD", ["TSH-002", 1], ["TOT-005", 1]],
  ["佐藤 健", "ken.sato@example.jp", "JPY", ["MTC-004", 1]],
  ["Liam O'Brien", "liam.obrien@example.ie", "USD", ["EAR-006", 1], ["STK-009", 2]],
  ["鈴木 美咲", "misaki.suzuki@example.jp", "JPY", ["BNT-010", 1], ["SCK-012", 2], ["MUG-001", 1]],
  ["Sofia Rossi", "sofia.rossi@example.it", "USD", ["COF-008", 3]],
  ["高橋 大輔", "daisuke.takahashi@example.jp", "JPY", ["PLT-007", 2]],
  ["Noah Williams", "noah.williams@example.com", "USD", ["LMP-011", 1], ["STK-009", 1], ["TSH-002", 2]],
  ["田中 さくら", "sakura.tanaka@example.jp", "JPY", ["NTB-003", 5], ["SCK-012", 1]],
  ["Ava Thompson", "ava.thompson@example.co.uk", "USD", ["TOT-005", 2], ["COF-008", 1]],
];

export const SAMPLE_ORDERS: SampleOrder[] = ORDER_ROWS.map(
  ([customer, email, currency, ...items]) => ({
    customer,
    email,
    currency,
    items: items.map(([code, quantity]) => ({ code, quantity })),
  }),
);

export function productsAppDefinition(images: Map<string, string[]>): AppDefinition {
  return {
    id: PRODUCTS_APP_ID,
    name: "Products",
    fields: [
      { code: "image", label: "Image", type: "FILE" },
      { code: "product_code", label: "Code", type: "SINGLE_LINE_TEXT", required: true },
      { code: "product_name", label: "Name", type: "SINGLE_LINE_TEXT", required: true },
      { code: "unit_price", label: "Price", type: "NUMBER", digit: true, required: true },
      {
        code: "currency",
        label: "Currency",
        type: "DROP_DOWN",
        options: ["JPY", "USD"],
        required: true,
      },
      { code: "description", label: "Description", type: "MULTI_LINE_TEXT" },
      ...writeBackFields(),
    ],
    records: SAMPLE_PRODUCTS.map((product) => ({
      image: { value: (images.get(product.code) ?? []).map((fileKey) => ({ fileKey })) },
      product_code: { value: product.code },
      product_name: { value: product.name },
      description: { value: product.description },
      unit_price: { value: product.price },
      currency: { value: product.currency },
    })),
    apiTokens: [{ token: PRODUCTS_API_TOKEN, rights: TOKEN_RIGHTS }],
    views: [
      { id: "101", name: "JPY", condition: 'currency in ("JPY")', sort: "Record_number asc" },
      { id: "102", name: "USD", condition: 'currency in ("USD")', sort: "Record_number asc" },
      { id: "103", name: "Awaiting payment", condition: 'checkout_status in ("open")' },
    ],
  };
}

export function ordersAppDefinition(): AppDefinition {
  const byCode = new Map(SAMPLE_PRODUCTS.map((p) => [p.code, p]));
  return {
    id: ORDERS_APP_ID,
    name: "Orders",
    fields: [
      { code: "customer_name", label: "Customer", type: "SINGLE_LINE_TEXT", required: true },
      { code: "customer_email", label: "E-mail", type: "SINGLE_LINE_TEXT" },
      {
        code: "currency",
        label: "Currency",
        type: "DROP_DOWN",
        options: ["JPY", "USD"],
        required: true,
      },
      {
        code: "items",
        label: "Items",
        type: "SUBTABLE",
        fields: [
          { code: "item_code", label: "Code", type: "SINGLE_LINE_TEXT" },
          { code: "item_name", label: "Name", type: "SINGLE_LINE_TEXT" },
          { code: "item_unit_price", label: "Unit price", type: "NUMBER", digit: true },
          { code: "item_quantity", label: "Quantity", type: "NUMBER" },
        ],
      },
      ...writeBackFields(),
    ],
    records: SAMPLE_ORDERS.map((order) => ({
      customer_name: { value: order.customer },
      customer_email: { value: order.email },
      currency: { value: order.currency },
      items: {
        value: order.items.map((item) => {
          const product = byCode.get(item.code);
          if (product === undefined)
            throw new Error(`sample order names unknown product ${item.code}`);
          return {
            value: {
              item_code: { value: product.code },
              item_name: { value: product.name },
              item_unit_price: { value: product.price },
              item_quantity: { value: String(item.quantity) },
            },
          };
        }),
      },
    })),
    apiTokens: [{ token: ORDERS_API_TOKEN, rights: TOKEN_RIGHTS }],
    views: [
      { id: "201", name: "JPY", condition: 'currency in ("JPY")' },
      { id: "202", name: "USD", condition: 'currency in ("USD")' },
    ],
  };
}

/** Renders the pictures, uploads them to the store and creates both apps with their records. */
export async function createSampleApps(
  store: KintoneStore,
): Promise<{ productsAppId: string; ordersAppId: string }> {
  const pictures = [...new Set(SAMPLE_PRODUCTS.flatMap((p) => p.pictures))];
  const rendered = new Map(
    await Promise.all(
      pictures.map(async (picture) => [picture, await renderProductPicture(picture)] as const),
    ),
  );
  const images = new Map<string, string[]>();
  for (const product of SAMPLE_PRODUCTS) {
    images.set(
      product.code,
      product.pictures.map((picture, index) => {
        const bytes = rendered.get(picture);
        if (bytes === undefined) throw new Error(`picture ${picture} was not rendered`);
        const name = `${product.code.toLowerCase()}-${index + 1}.png`;
        return store.putFile(new Uint8Array(bytes), name, "image/png").fileKey;
      }),
    );
  }
  const products = store.createApp(productsAppDefinition(images));
  const orders = store.createApp(ordersAppDefinition());
  return { productsAppId: products.id, ordersAppId: orders.id };
}

/**
 * Mappings that fit the sample apps, for the settings screen's first run, the stories and the
 * benchmarks. `returnUrl` is where Checkout sends the buyer back (the kintone list, say).
 */
export function sampleMapping(app: "products" | "orders", returnUrl: string): MappingConfig {
  const common = {
    version: 1 as const,
    successUrl: `${returnUrl}?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: returnUrl,
    currency: { field: "currency" },
    writeBack: { ...WRITE_BACK_FIELD_CODES },
  };
  if (app === "products") {
    return {
      ...common,
      source: { type: "records" },
      grouping: "perRecord",
      lineItem: {
        productCode: { field: "product_code" },
        name: { field: "product_name" },
        description: { field: "description" },
        image: { field: "image" },
        unitPrice: { field: "unit_price" },
      },
    };
  }
  return {
    ...common,
    source: { type: "subtable", field: "items" },
    grouping: "perRecord",
    customerEmail: { field: "customer_email" },
    lineItem: {
      productCode: { field: "item_code" },
      name: { field: "item_name" },
      unitPrice: { field: "item_unit_price" },
      quantity: { field: "item_quantity" },
    },
  };
}
