/** The mapping's tax and invoice keys: optional, checked by the one schema. */
import { validateMappingConfig } from "../../mapping/parseMappingConfig";
import { mapping } from "../../engine/__tests__/kintoneFixtures";

const problemsOf = (candidate: unknown) => {
  const result = validateMappingConfig(candidate);
  return result.ok ? [] : result.problems.map((p) => p.path);
};

describe("mapping: tax and invoice keys", () => {
  it("accepts every tax key together", () => {
    expect(
      problemsOf(
        mapping(
          {
            taxBehavior: "exclusive",
            taxDisplayName: "消費税",
            taxIdCollection: true,
            invoiceCreation: {
              enabled: true,
              description: "ご請求書",
              footer: "お振込手数料はご負担ください。",
              customFields: [{ name: "登録番号", value: "T1234567890123" }],
            },
            writeBack: {
              invoiceNumber: "invoiceNumber",
              invoiceUrl: "invoiceUrl",
              invoicePdfUrl: "invoicePdfUrl",
              amountTax: "amountTax",
            },
          },
          { taxRate: { field: "rate" } },
        ),
      ),
    ).toEqual([]);
  });

  it("refuses a fifth invoice custom field", () => {
    const field = { name: "n", value: "v" };
    expect(
      problemsOf(
        mapping({
          invoiceCreation: { enabled: true, customFields: [field, field, field, field, field] },
        }),
      ),
    ).toEqual(["invoiceCreation.customFields"]);
  });

  it("refuses lineItem.taxRate together with automaticTax", () => {
    expect(problemsOf(mapping({ automaticTax: true }, { taxRate: { const: "10" } }))).toEqual([
      "lineItem.taxRate",
    ]);
  });

  it("refuses a tax behaviour other than inclusive or exclusive", () => {
    expect(problemsOf({ ...mapping(), taxBehavior: "included" })).toEqual(["taxBehavior"]);
  });
});
