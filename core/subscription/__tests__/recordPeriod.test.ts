import { recordPeriod } from "../recordPeriod";

const record = { plan: { type: "DROP_DOWN", value: "月" }, every: { type: "NUMBER", value: "3" } };

describe("recordPeriod", () => {
  it("reads a fixed interval, or the record's drop-down and count", () => {
    expect(recordPeriod({ interval: { const: "month" } }, {})).toEqual({
      interval: "month",
      intervalCount: 1,
    });
    expect(
      recordPeriod({ interval: { field: "plan" }, intervalCount: { field: "every" } }, record),
    ).toEqual({
      interval: "month",
      intervalCount: 3,
    });
  });

  it("tells nothing it cannot be sure of: a template, a missing field, a count beyond a year", () => {
    expect(recordPeriod({ interval: { template: "{{plan}}" } }, record)).toBeUndefined();
    expect(recordPeriod({ interval: { field: "nowhere" } }, record)).toBeUndefined();
    expect(
      recordPeriod({ interval: { const: "month" }, intervalCount: { const: "13" } }, {}),
    ).toBeUndefined();
    expect(recordPeriod(undefined, record)).toBeUndefined();
  });
});
