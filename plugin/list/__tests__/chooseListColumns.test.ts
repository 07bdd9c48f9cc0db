import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { chooseListColumns, fieldsToFetch } from "../chooseListColumns";

const field = (code: string, type: string) => ({ code, type, label: code.toUpperCase() });

const properties = {
  no: field("no", "RECORD_NUMBER"),
  memo: field("memo", "SINGLE_LINE_TEXT"),
  customer: field("customer", "SINGLE_LINE_TEXT"),
  title: field("title", "SINGLE_LINE_TEXT"),
  code: field("code", "SINGLE_LINE_TEXT"),
  checkout_url: field("checkout_url", "SINGLE_LINE_TEXT"),
  state: field("state", "DROP_DOWN"),
};

const mapping = (lineItem: Partial<MappingConfig["lineItem"]>): MappingConfig => ({
  version: 1,
  source: { type: "records" },
  grouping: "single",
  lineItem: { name: { const: "x" }, unitPrice: { const: 1 }, ...lineItem },
  currency: "JPY",
  successUrl: "https://example.com/",
  writeBack: { url: "checkout_url", status: "state" },
});

describe("chooseListColumns", () => {
  it("shows the mapped name and product code fields first", () => {
    const columns = chooseListColumns(
      properties,
      mapping({ name: { field: "title" }, productCode: { field: "code" } }),
    );
    expect(columns.identifying.map((f) => f.code)).toEqual(["title", "code"]);
    expect(columns.recordNumber).toBe("no");
    expect(columns.status?.code).toBe("state");
    expect(fieldsToFetch(columns)).toEqual(["$id", "$revision", "no", "title", "code", "state"]);
  });

  it("falls back to the first text fields, never the plugin's own write-back fields", () => {
    const { checkout_url, ...others } = properties;
    const withUrlFirst = { checkout_url, ...others };
    const columns = chooseListColumns(withUrlFirst, mapping({ name: { template: "{{title}}" } }));
    expect(columns.identifying.map((f) => f.code)).toEqual(["memo", "customer"]);
  });

  it("skips a mapped field that is not a field of the record (a subtable column)", () => {
    const columns = chooseListColumns(properties, mapping({ name: { field: "item_name" } }));
    expect(columns.identifying.map((f) => f.code)).toEqual(["memo", "customer"]);
  });
});
