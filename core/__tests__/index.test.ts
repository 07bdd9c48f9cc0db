import {
  buildCheckoutPlan,
  formatMinorUnits,
  parseMappingConfig,
  type KintoneRecord,
} from "../index";

describe("core public API", () => {
  it("takes a mapping JSON string and kintone records to a checkout plan, and formats its total for write-back", () => {
    const parsed = parseMappingConfig(
      JSON.stringify({
        version: 1,
        source: { type: "subtable", field: "lines" },
        grouping: "perRecord",
        lineItem: {
          productCode: { field: "sku" },
          name: { field: "product" },
          unitPrice: { field: "unitPrice" },
          quantity: { field: "qty" },
        },
        currency: { field: "currency" },
        successUrl: "https://shop.example.com/orders/{{orderNo}}?s={CHECKOUT_SESSION_ID}",
        customerEmail: { field: "email" },
        writeBack: { url: "checkout_url", amountTotal: "paid_total" },
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const order: KintoneRecord = {
      $id: { type: "__ID__", value: "12" },
      orderNo: { type: "RECORD_NUMBER", value: "ORD-12" },
      currency: { type: "DROP_DOWN", value: "JPY" },
      email: { type: "SINGLE_LINE_TEXT", value: "hanako@example.jp" },
      lines: {
        type: "SUBTABLE",
        value: [
          {
            id: "1",
            value: {
              sku: { type: "SINGLE_LINE_TEXT", value: "TEA-01" },
              product: { type: "SINGLE_LINE_TEXT", value: "煎茶" },
              unitPrice: { type: "NUMBER", value: "1200" },
              qty: { type: "NUMBER", value: "2" },
            },
          },
        ],
      },
    };
    const plan = buildCheckoutPlan([order], parsed.mapping);
    expect(plan).toEqual({
      ok: true,
      sessions: [
        {
          recordIds: ["12"],
          currency: "jpy",
          amountTotal: 2400,
          amountTax: 0,
          taxes: [],
          taxBehavior: "inclusive",
          customerEmail: "hanako@example.jp",
          successUrl: "https://shop.example.com/orders/ORD-12?s={CHECKOUT_SESSION_ID}",
          lineItems: [
            {
              recordId: "12",
              row: 1,
              productCode: "TEA-01",
              name: "煎茶",
              unitAmount: 1200,
              quantity: 2,
              images: [],
            },
          ],
        },
      ],
    });
    expect(
      plan.ok && formatMinorUnits(plan.sessions[0]!.amountTotal, plan.sessions[0]!.currency),
    ).toBe("2400");
  });
});
