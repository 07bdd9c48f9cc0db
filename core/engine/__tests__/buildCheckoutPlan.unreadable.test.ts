/**
 * buildCheckoutPlan: input it cannot read. Fields missing or of a type that does not fit, records
 * and mappings of the wrong shape: each is an issue, never a throw.
 */
import type { KintoneField, KintoneRecord } from "../../kintone/KintoneRecord";
import type { MappingConfig } from "../../mapping/MappingConfig";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { files, mapping, record, table, text } from "./kintoneFixtures";
import { issuesOf } from "./readPlan";

describe("buildCheckoutPlan: fields the record lacks or cannot give", () => {
  it.each<[string, Partial<MappingConfig["lineItem"]>, string]>([
    ["a field missing from the record", { description: { field: "notes" } }, "notes"],
    ["an unknown placeholder", { name: { template: "{{name}} {{colour}}" } }, "colour"],
    ["a prototype property", { description: { field: "constructor" } }, "constructor"],
  ])("reports %s as FIELD_NOT_FOUND, naming it", (_, lineItem, field) => {
    const plan = buildCheckoutPlan([record("1")], mapping({}, lineItem));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({ recordId: "1", code: "FIELD_NOT_FOUND", field }),
    ]);
  });

  it("reports an image field that is not an attachment field", () => {
    const plan = buildCheckoutPlan([record("1")], mapping({}, { image: { field: "name" } }));
    expect(issuesOf(plan)).toEqual([
      expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "name" }),
    ]);
  });

  it("reports attachment and table fields used as text", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos: files(), rows: table() })],
        mapping({}, { name: { template: "{{photos}} {{rows}}" } }),
      ),
    );
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ["FIELD_TYPE_UNSUPPORTED", "photos"],
      ["FIELD_TYPE_UNSUPPORTED", "rows"],
    ]);
  });
});

describe("buildCheckoutPlan: input of the wrong shape", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["a string", "record"],
    ["a record without $id", { name: text("x") }],
    ["a record whose $id is not a string", { $id: { type: "__ID__", value: 5 } }],
  ])("reports %s as an unreadable record", (_, bad) => {
    const issues = issuesOf(buildCheckoutPlan([bad as KintoneRecord], mapping()));
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "$id", recordId: "" }),
    ]);
  });

  it("reports fields whose value does not have the documented shape", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { price: { type: "NUMBER", value: 19.99 } as unknown as KintoneField })],
        mapping(),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "price" }),
    ]);
  });

  it("reports a mapping that skipped validation instead of throwing", () => {
    const issues = issuesOf(
      buildCheckoutPlan([record("1")], { version: 2 } as unknown as MappingConfig),
    );
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === "INVALID_MAPPING")).toBe(true);
  });

  it("does not treat a records argument that is not an array as records", () => {
    const plan = buildCheckoutPlan({} as unknown as KintoneRecord[], mapping());
    expect(issuesOf(plan)).toEqual([expect.objectContaining({ code: "EMPTY_SELECTION" })]);
  });
});
