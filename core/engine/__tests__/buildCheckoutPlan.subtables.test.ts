/** buildCheckoutPlan: one line per subtable row, and the row named in every issue about it. */
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { mapping, number, record, table, text } from "./kintoneFixtures";
import { issuesOf, onlyItem, sessionsOf } from "./readPlan";

describe("buildCheckoutPlan: subtables", () => {
  const line = (item: string, linePrice: string, qty = "1") => ({
    item: text(item),
    linePrice: number(linePrice),
    qty: number(qty),
  });
  const orderOf = (...lines: ReturnType<typeof line>[]) =>
    record("9", { customer: text("ACME"), lines: table(...lines) });
  const order = orderOf(line("Pen", "1.50", "4"), line("Ink", "10"));
  const subtableMapping = mapping(
    { source: { type: "subtable", field: "lines" } },
    {
      name: { template: "{{item}} for {{customer}}" },
      unitPrice: { field: "linePrice" },
      quantity: { field: "qty" },
    },
  );

  it("makes one line per row, looking in the row first, then the record", () => {
    const [session] = sessionsOf(buildCheckoutPlan([order], subtableMapping));
    expect(session!.lineItems.map((i) => [i.row, i.name, i.unitAmount, i.quantity])).toEqual([
      [1, "Pen for ACME", 150, 4],
      [2, "Ink for ACME", 1000, 1],
    ]);
    expect(session).toMatchObject({ recordIds: ["9"], amountTotal: 1600 });
  });

  it("prefers a row column over a record field of the same code", () => {
    const shadowed = record("9", { lines: table({ name: text("Row name"), price: number("2") }) });
    const plan = buildCheckoutPlan(
      [shadowed],
      mapping({ source: { type: "subtable", field: "lines" } }),
    );
    expect(onlyItem(plan)).toMatchObject({ name: "Row name", unitAmount: 200, row: 1 });
  });

  it("names the 1-based row of a bad value", () => {
    const bad = orderOf(line("Pen", "1.5"), line("Ink", "x"));
    const issues = issuesOf(buildCheckoutPlan([bad], subtableMapping));
    expect(issues).toEqual([
      expect.objectContaining({ recordId: "9", row: 2, field: "linePrice", code: "NOT_A_NUMBER" }),
    ]);
    expect(issues[0]!.message.ja).toMatch(/^2 行目: /);
  });

  it("reports an empty table and a field that is not a table", () => {
    expect(issuesOf(buildCheckoutPlan([record("9", { lines: table() })], subtableMapping))).toEqual(
      [expect.objectContaining({ code: "REQUIRED", field: "lines", recordId: "9" })],
    );
    expect(
      issuesOf(buildCheckoutPlan([record("9", { lines: text("x") })], subtableMapping)),
    ).toEqual([expect.objectContaining({ code: "FIELD_TYPE_UNSUPPORTED", field: "lines" })]);
  });

  it("tells a record field missing on every row once", () => {
    const noCustomer = record("9", { lines: table(line("Pen", "1"), line("Ink", "1")) });
    const issues = issuesOf(buildCheckoutPlan([noCustomer], subtableMapping));
    expect(issues).toEqual([
      expect.objectContaining({ code: "FIELD_NOT_FOUND", field: "customer", recordId: "9" }),
    ]);
    expect(issues[0]).not.toHaveProperty("row");
  });
});
