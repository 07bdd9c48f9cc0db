/** Builders for kintone REST records and mappings, shaped as @kintone/rest-api-client returns them. */
import type { KintoneField, KintoneFile, KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";

export const text = (value: string): KintoneField => ({ type: "SINGLE_LINE_TEXT", value });
export const number = (value: string): KintoneField => ({ type: "NUMBER", value });
export const dropDown = (value: string): KintoneField => ({ type: "DROP_DOWN", value });

export function file(name: string, contentType: string): KintoneFile {
  return { name, contentType, fileKey: `key-${name}`, size: "1024" };
}

export const files = (...list: KintoneFile[]): KintoneField => ({ type: "FILE", value: list });

export function table(...rows: Record<string, KintoneField>[]): KintoneField {
  return { type: "SUBTABLE", value: rows.map((value, i) => ({ id: String(1000 + i), value })) };
}

export function record(id: string, fields: Record<string, KintoneField> = {}): KintoneRecord {
  return {
    $id: { type: "__ID__", value: id },
    $revision: { type: "__REVISION__", value: "1" },
    name: text(`Item ${id}`),
    price: number("19.99"),
    ...fields,
  };
}

export function mapping(
  overrides: Partial<MappingConfig> = {},
  lineItem: Partial<MappingConfig["lineItem"]> = {},
): MappingConfig {
  return {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    currency: "USD",
    successUrl: "https://shop.example.com/thanks?session={CHECKOUT_SESSION_ID}",
    writeBack: {},
    ...overrides,
    lineItem: { name: { field: "name" }, unitPrice: { field: "price" }, ...lineItem },
  };
}
