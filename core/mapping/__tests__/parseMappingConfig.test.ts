import { parseMappingConfig } from "../parseMappingConfig";

const valid = {
  version: 1,
  source: { type: "subtable", field: "lines" },
  grouping: "perRecord",
  lineItem: {
    productCode: { field: "code" },
    name: { template: "{{item}} ({{size}})" },
    image: { field: "photos", all: true },
    unitPrice: { field: "price" },
    quantity: { field: "qty" },
    minQuantity: { const: 1 },
    maxQuantity: { const: 10 },
  },
  currency: { field: "currency" },
  successUrl: "https://shop.example.com/thanks/{{$id}}?s={CHECKOUT_SESSION_ID}",
  cancelUrl: "https://shop.example.com/cart",
  expiresAfterMinutes: 60,
  customerEmail: { field: "email" },
  locale: "ja",
  writeBack: { url: "checkout_url", status: "checkout_status" },
};

/** The tests edit the JSON document freely, as a settings screen bug or a hand-written mapping would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonDocument = Record<string, any>;

const withChanges = (change: (m: JsonDocument) => void): string => {
  const copy = structuredClone(valid) as JsonDocument;
  change(copy);
  return JSON.stringify(copy);
};

describe("parseMappingConfig", () => {
  it("accepts a complete, valid mapping", () => {
    const result = parseMappingConfig(JSON.stringify(valid));
    expect(result).toEqual({ ok: true, mapping: valid });
  });

  it("reports text that is not JSON", () => {
    const result = parseMappingConfig("{version: 1");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.path).toBe("");
  });

  it.each<[string, (m: JsonDocument) => void, string]>([
    ["a missing name", (m) => delete m.lineItem.name, "lineItem.name"],
    [
      "an unknown key (Stripe refuses unknown parameters too)",
      (m) => (m.lineItem.colour = "red"),
      "lineItem",
    ],
    ["an expiry under 30 minutes", (m) => (m.expiresAfterMinutes = 10), "expiresAfterMinutes"],
    ["a relative success URL", (m) => (m.successUrl = "/thanks"), "successUrl"],
    ["a URL template without a host", (m) => (m.cancelUrl = "https://?back={{$id}}"), "cancelUrl"],
    ["a currency Stripe does not support", (m) => (m.currency = "ABC"), "currency"],
    [
      "index together with all",
      (m) => (m.lineItem.image = { field: "photos", index: 1, all: true }),
      "lineItem.image",
    ],
    [
      "a constant maximum below the minimum",
      (m) => (m.lineItem.maxQuantity = { const: 0 }),
      "lineItem.maxQuantity.const",
    ],
    [
      "a constant quantity of 1.5",
      (m) => (m.lineItem.quantity = { const: 1.5 }),
      "lineItem.quantity.const",
    ],
    [
      "a constant quantity of 0",
      (m) => (m.lineItem.quantity = { const: 0 }),
      "lineItem.quantity.const",
    ],
    [
      "a constant quantity above the default maximum 99",
      (m) => {
        m.lineItem.quantity = { const: 100 };
        delete m.lineItem.maxQuantity;
      },
      "lineItem.quantity.const",
    ],
    [
      "a constant price with too many decimals",
      (m) => {
        m.currency = "USD";
        m.lineItem.unitPrice = { const: "10.555" };
      },
      "lineItem.unitPrice.const",
    ],
    [
      "a constant KWD price whose last digit is not 0",
      (m) => {
        m.currency = "KWD";
        m.lineItem.unitPrice = { const: "1.005" };
      },
      "lineItem.unitPrice.const",
    ],
    [
      "two write-back targets in one field",
      (m) => (m.writeBack.sessionId = "checkout_url"),
      "writeBack.sessionId",
    ],
  ])("reports %s", (_, change, path) => {
    const result = parseMappingConfig(withChanges(change));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toContain(path);
  });

  it("allows adjustable quantity with only one bound (Stripe fills the other)", () => {
    expect(parseMappingConfig(withChanges((m) => delete m.lineItem.minQuantity)).ok).toBe(true);
    expect(parseMappingConfig(withChanges((m) => delete m.lineItem.maxQuantity)).ok).toBe(true);
  });

  it("reports every problem at once", () => {
    const result = parseMappingConfig(
      withChanges((m) => {
        m.currency = "ABC";
        m.writeBack.error = "checkout_status";
      }),
    );
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual([
      "currency",
      "writeBack.error",
    ]);
  });
});
