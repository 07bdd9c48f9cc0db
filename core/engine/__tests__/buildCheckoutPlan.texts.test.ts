/** buildCheckoutPlan: names, descriptions and product codes, read from every field type. */
import type { KintoneField } from "../../kintone/KintoneRecord";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { dropDown, mapping, record, text } from "./kintoneFixtures";
import { issuesOf, onlyItem } from "./readPlan";

describe("buildCheckoutPlan: texts", () => {
  it("reads every field type as text", () => {
    const fields: Record<string, KintoneField> = {
      tags: { type: "CHECK_BOX", value: ["red", "large"] },
      staff: {
        type: "USER_SELECT",
        value: [
          { code: "sato", name: "佐藤" },
          { code: "kim", name: "Kim" },
        ],
      },
      by: { type: "CREATOR", value: { code: "sato", name: "佐藤" } },
      size: dropDown("M"),
      notes: {
        type: "RICH_TEXT",
        value: "<p>Soft&nbsp;cotton &amp; <b>silk</b></p><p>Line&#39;2<br>Line 3</p>",
      },
    };
    const plan = buildCheckoutPlan(
      [record("1", fields)],
      mapping(
        {},
        {
          name: { template: "{{name}} ({{size}}, {{ tags }}) by {{by}} for {{staff}}" },
          description: { field: "notes" },
        },
      ),
    );
    expect(onlyItem(plan)).toMatchObject({
      name: "Item 1 (M, red, large) by 佐藤 for 佐藤, Kim",
      description: "Soft cotton & silk\nLine'2\nLine 3",
    });
  });

  it("requires a name and leaves empty optional texts out", () => {
    const issues = issuesOf(buildCheckoutPlan([record("1", { name: text("   ") })], mapping()));
    expect(issues).toEqual([expect.objectContaining({ code: "REQUIRED", field: "name" })]);
    const plan = buildCheckoutPlan(
      [record("1", { code: text(""), notes: text("") })],
      mapping({}, { productCode: { field: "code" }, description: { field: "notes" } }),
    );
    expect(onlyItem(plan)).not.toHaveProperty("productCode");
    expect(onlyItem(plan)).not.toHaveProperty("description");
  });

  it("writes names on one line", () => {
    const plan = buildCheckoutPlan(
      [record("1", { name: { type: "MULTI_LINE_TEXT", value: " Green\n tea\t " } })],
      mapping(),
    );
    expect(onlyItem(plan).name).toBe("Green tea");
  });

  it("reports a product code longer than a metadata value (500)", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { code: text("x".repeat(501)) })],
        mapping({}, { productCode: { field: "code" } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "TOO_LONG", field: "code" })]);
  });

  it("uses constants as they are", () => {
    const plan = buildCheckoutPlan(
      [record("1")],
      mapping({}, { name: { const: "Donation" }, unitPrice: { const: 5 } }),
    );
    expect(onlyItem(plan)).toMatchObject({ name: "Donation", unitAmount: 500 });
  });
});
