import { countViewRecords } from "../countViewRecords";

describe("countViewRecords", () => {
  it("takes a table view's record count from size, not from the records on this page", () => {
    const pageOfRecords = Array.from({ length: 20 }, (_, index) => ({ $id: { value: index } }));
    expect(countViewRecords({ viewType: "list", records: pageOfRecords, size: 137 })).toEqual({
      scope: "view",
      count: 137,
    });
  });

  it("counts an empty table view as zero records", () => {
    expect(countViewRecords({ viewType: "list", records: [], size: 0 })).toEqual({
      scope: "view",
      count: 0,
    });
  });

  it("counts a calendar view's records of the month shown across its dates", () => {
    const records = { "2026-11-02": [{}, {}], "2026-11-15": [{}], "2026-11-30": [] };
    expect(countViewRecords({ viewType: "calendar", records, size: null })).toEqual({
      scope: "calendarMonth",
      count: 3,
    });
  });

  it("says it does not know for a custom view without pagination", () => {
    expect(countViewRecords({ viewType: "custom", records: [], size: 0 })).toEqual({
      scope: "unknown",
    });
  });

  it("uses size for a paginated custom view", () => {
    expect(countViewRecords({ viewType: "custom", records: [{}, {}], size: 42 })).toEqual({
      scope: "view",
      count: 42,
    });
  });

  it("says it does not know when the event carries no usable size", () => {
    expect(countViewRecords({ viewType: "list", size: null })).toEqual({ scope: "unknown" });
    expect(countViewRecords({ viewType: "list", size: -1 })).toEqual({ scope: "unknown" });
    expect(countViewRecords({})).toEqual({ scope: "unknown" });
  });
});
