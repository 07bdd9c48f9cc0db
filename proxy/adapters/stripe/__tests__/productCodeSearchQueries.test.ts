import fc from "fast-check";
import {
  MAX_SEARCH_QUERY_LENGTH,
  productCodeSearchQueries,
  productCodeSearchQuery,
} from "../productCodeSearchQueries";

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

describe("productCodeSearchQueries", () => {
  it("joins up to 10 codes with OR, the most clauses Stripe combines in one search", () => {
    const codes = Array.from({ length: 23 }, (_, i) => `C${i}`);
    const batches = productCodeSearchQueries(codes);
    expect(batches.map((batch) => batch.codes.length)).toEqual([10, 10, 3]);
    expect(batches[2]).toEqual({
      codes: ["C20", "C21", "C22"],
      query:
        "metadata['product_code']:'C20' OR metadata['product_code']:'C21' OR metadata['product_code']:'C22'",
    });
  });

  it("asks once for a code that appears twice", () => {
    expect(productCodeSearchQueries(["A", "B", "A"]).map((batch) => batch.codes)).toEqual([
      ["A", "B"],
    ]);
  });

  it("keeps queries short, giving a code too long to share a query one of its own", () => {
    const long = "x".repeat(800);
    const batches = productCodeSearchQueries(["a", long, long + "y", "b"]);
    expect(batches.map((batch) => batch.codes)).toEqual([
      ["a", long],
      [long + "y", "b"],
    ]);
    const alone = productCodeSearchQueries(["z".repeat(2000), "b"]);
    expect(alone.map((batch) => batch.codes.length)).toEqual([1, 1]);
  });

  it("covers every code exactly once, in queries within Stripe's limits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 300 }), { maxLength: 40 }),
        (codes) => {
          const batches = productCodeSearchQueries(codes);
          expect(batches.flatMap((batch) => batch.codes)).toEqual([...new Set(codes)]);
          for (const batch of batches) {
            expect(batch.codes.length).toBeLessThanOrEqual(10);
            expect(batch.query).toBe(batch.codes.map(productCodeSearchQuery).join(" OR "));
            if (batch.codes.length > 1) {
              expect(batch.query.length).toBeLessThanOrEqual(MAX_SEARCH_QUERY_LENGTH);
            }
          }
        },
      ),
    );
  });
});
