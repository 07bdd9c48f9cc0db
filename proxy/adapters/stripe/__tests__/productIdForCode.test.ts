import fc from "fast-check";
import { productCodeSearchQuery, productIdForCode } from "../productIdForCode";

describe("productIdForCode", () => {
  it("gives the same id for the same code every time", () => {
    expect(productIdForCode("SKU-001")).toBe(productIdForCode("SKU-001"));
  });

  it("gives different codes different ids, even codes that differ only in case or spacing", () => {
    const ids = new Set(
      ["SKU-001", "sku-001", "SKU-001 ", "SKU-002", "商品A"].map(productIdForCode),
    );
    expect(ids.size).toBe(5);
  });

  it("uses only characters Stripe accepts in an id, at a fixed short length", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 500 }), (code) => {
        expect(productIdForCode(code)).toMatch(/^kc_[0-9a-f]{32}$/);
      }),
    );
  });
});

describe("productCodeSearchQuery", () => {
  it("searches the product_code metadata for the code", () => {
    expect(productCodeSearchQuery("SKU-001")).toBe("metadata['product_code']:'SKU-001'");
  });

  it("escapes quotes and backslashes so a code cannot change the query", () => {
    expect(productCodeSearchQuery("a' OR name:'x")).toBe(
      "metadata['product_code']:'a\\' OR name:\\'x'",
    );
    expect(productCodeSearchQuery("back\\slash")).toBe("metadata['product_code']:'back\\\\slash'");
  });

  it("always yields exactly one quoted value, whatever the code", () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const query = productCodeSearchQuery(code);
        const value = query.slice("metadata['product_code']:'".length, -1);
        // Every quote inside the value is escaped, i.e. preceded by an odd number of backslashes.
        const unescapedQuote = /(^|[^\\])(\\\\)*'/;
        expect(unescapedQuote.test(value)).toBe(false);
        expect(value.replace(/\\(.)/g, "$1")).toBe(code);
      }),
    );
  });
});
