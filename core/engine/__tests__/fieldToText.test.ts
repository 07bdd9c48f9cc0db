import { TEXT_FIELD_TYPES, fieldToText } from "../fieldToText";

describe("fieldToText", () => {
  it.each<[string, unknown, string]>([
    ["NUMBER strings as they are", { type: "NUMBER", value: "-1234.50" }, "-1234.50"],
    ["CALC strings as they are", { type: "CALC", value: "12" }, "12"],
    ["CHECK_BOX joined with commas", { type: "CHECK_BOX", value: ["a", "b"] }, "a, b"],
    ["MULTI_SELECT joined with commas", { type: "MULTI_SELECT", value: [] }, ""],
    [
      "USER_SELECT by names",
      {
        type: "USER_SELECT",
        value: [
          { code: "u1", name: "佐藤" },
          { code: "u2", name: "Kim" },
        ],
      },
      "佐藤, Kim",
    ],
    [
      "ORGANIZATION_SELECT by names",
      { type: "ORGANIZATION_SELECT", value: [{ code: "o", name: "Sales" }] },
      "Sales",
    ],
    ["MODIFIER by name", { type: "MODIFIER", value: { code: "u1", name: "佐藤" } }, "佐藤"],
    ["RICH_TEXT as plain text", { type: "RICH_TEXT", value: "<b>x</b>" }, "x"],
    ["an empty DATE (null) as empty", { type: "DATE", value: null }, ""],
    ["an unknown type with a string value", { type: "NEW_TYPE", value: "v" }, "v"],
  ])("reads %s", (_, field, expected) => {
    expect(fieldToText(field)).toEqual({ ok: true, text: expected });
  });

  it.each(TEXT_FIELD_TYPES)("reads %s, a type the mapping's texts read, as text", (type) => {
    const value = type === "CHECK_BOX" || type === "MULTI_SELECT" ? ["a"] : "a";
    expect(fieldToText({ type, value })).toEqual({ ok: true, text: "a" });
  });

  it.each<[string, unknown, "unsupported" | "malformed"]>([
    ["FILE", { type: "FILE", value: [] }, "unsupported"],
    ["SUBTABLE", { type: "SUBTABLE", value: [] }, "unsupported"],
    ["a number where a string belongs", { type: "NUMBER", value: 5 }, "malformed"],
    ["a CHECK_BOX that is not a list", { type: "CHECK_BOX", value: "a" }, "malformed"],
    ["a USER_SELECT entry without a name", { type: "USER_SELECT", value: [{}] }, "malformed"],
    ["something that is not a field", "text", "malformed"],
    ["an unknown type with an object value", { type: "NEW_TYPE", value: {} }, "unsupported"],
  ])("refuses %s", (_, field, reason) => {
    expect(fieldToText(field)).toMatchObject({ ok: false, reason });
  });
});
