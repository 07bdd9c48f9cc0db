import fc from "fast-check";
import { productIdForCode } from "../productIdForCode";

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
