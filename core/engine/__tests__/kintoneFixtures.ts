/** Builders for kintone REST records and mappings, shaped as @kintone/rest-api-client returns them. */
import type { KintoneField, KintoneFile, KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { validateMappingConfig } from "../../mapping/parseMappingConfig";

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

/** A record as the REST client gives it: parsed from JSON, so "__proto__" is an own field. */
export function restRecord(id: string, fields: [string, unknown][]): KintoneRecord {
  const entries = [["$id", { type: "__ID__", value: id }], ...fields]
    .map(([code, field]) => `${JSON.stringify(code)}:${JSON.stringify(field)}`)
    .join(",");
  return JSON.parse(`{${entries}}`) as KintoneRecord;
}

/**
 * A JPY mapping of `lineItem`, checked by the schema first: the proxy and the settings screen only
 * hand the engine mappings that pass it.
 */
export function validMapping(
  lineItem: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): MappingConfig {
  const candidate = {
    version: 1,
    source: { type: "records" },
    grouping: "single",
    lineItem,
    currency: "JPY",
    successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
    writeBack: {},
    ...extra,
  };
  const validated = validateMappingConfig(candidate);
  if (!validated.ok) throw new Error(`test mapping invalid: ${JSON.stringify(validated.problems)}`);
  return validated.mapping;
}
