/** buildCheckoutPlan: quantities, and the bounds within which a buyer may adjust them. */
import type { KintoneField } from "../../kintone/KintoneRecord";
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { mapping, number, record } from "./kintoneFixtures";
import { issuesOf, onlyItem, sessionsOf } from "./readPlan";

describe("buildCheckoutPlan: quantities", () => {
  const withQuantity = (quantity: string, extra: Record<string, KintoneField> = {}) =>
    record("5", { qty: number(quantity), ...extra });
  const quantityMapping = mapping({}, { quantity: { field: "qty" } });
  /** The quantity and both bounds read from the record. */
  const boundedMapping = mapping(
    {},
    { quantity: { field: "qty" }, minQuantity: { field: "min" }, maxQuantity: { field: "max" } },
  );

  it("uses quantity 1 when none is mapped", () => {
    expect(onlyItem(buildCheckoutPlan([record("1")], mapping())).quantity).toBe(1);
  });

  it.each([
    ["0", "OUT_OF_RANGE"],
    ["1.5", "NOT_AN_INTEGER"],
    ["-2", "OUT_OF_RANGE"],
    ["1000000", "OUT_OF_RANGE"],
    ["", "REQUIRED"],
    ["two", "NOT_A_NUMBER"],
  ])("reports quantity %s as an issue (%s)", (quantity, code) => {
    const issues = issuesOf(buildCheckoutPlan([withQuantity(quantity)], quantityMapping));
    expect(issues).toEqual([expect.objectContaining({ recordId: "5", field: "qty", code })]);
  });

  it("multiplies the unit amount by the quantity for the total", () => {
    const plan = buildCheckoutPlan([withQuantity("3")], quantityMapping);
    expect(sessionsOf(plan)[0]!.amountTotal).toBe(5997);
  });

  it("lets the buyer adjust the quantity between min and max", () => {
    const plan = buildCheckoutPlan(
      [withQuantity("2", { min: number("1"), max: number("10") })],
      boundedMapping,
    );
    expect(onlyItem(plan)).toMatchObject({ quantity: 2, minQuantity: 1, maxQuantity: 10 });
  });

  it("fills Stripe's defaults 0 and 99 for a missing bound", () => {
    const onlyMin = buildCheckoutPlan(
      [withQuantity("2")],
      mapping({}, { quantity: { field: "qty" }, minQuantity: { const: 1 } }),
    );
    expect(onlyItem(onlyMin)).toMatchObject({ minQuantity: 1, maxQuantity: 99 });
    const onlyMax = buildCheckoutPlan(
      [withQuantity("2")],
      mapping({}, { quantity: { field: "qty" }, maxQuantity: { const: 5 } }),
    );
    expect(onlyItem(onlyMax)).toMatchObject({ minQuantity: 0, maxQuantity: 5 });
  });

  it("leaves the quantity fixed when both bounds are empty", () => {
    const plan = buildCheckoutPlan(
      [withQuantity("2", { min: number(""), max: number("") })],
      boundedMapping,
    );
    const item = onlyItem(plan);
    expect(item.minQuantity).toBeUndefined();
    expect(item.maxQuantity).toBeUndefined();
  });

  it("reports a maximum below the minimum", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [withQuantity("2", { min: number("5"), max: number("3") })],
        boundedMapping,
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "QUANTITY_RANGE", field: "max", recordId: "5" }),
    ]);
  });

  it("reports a quantity outside the adjustable range", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [withQuantity("150", { min: number("1") })],
        mapping({}, { quantity: { field: "qty" }, minQuantity: { field: "min" } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "QUANTITY_RANGE", field: "qty" })]);
  });
});
