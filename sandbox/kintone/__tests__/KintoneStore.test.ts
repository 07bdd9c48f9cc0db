import { KintoneApiError } from "../KintoneApiError";
import { KintoneStore } from "../KintoneStore";

function invalid(run: () => unknown): KintoneApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof KintoneApiError) return error;
    throw error;
  }
  throw new Error("expected a KintoneApiError");
}

describe("KintoneStore", () => {
  it("numbers apps, lists them and adds kintone's system fields an app definition leaves out", () => {
    const store = new KintoneStore();
    const first = store.createApp({ name: "A", fields: [] });
    const second = store.createApp({
      name: "B",
      fields: [{ code: "No", label: "No", type: "RECORD_NUMBER" }],
    });
    expect([first.id, second.id]).toEqual(["1", "2"]);
    expect(store.listApps()).toEqual([
      { id: "1", name: "A" },
      { id: "2", name: "B" },
    ]);
    expect(store.getApp("1")?.fields.map((f) => f.type)).toEqual([
      "RECORD_NUMBER",
      "CREATOR",
      "CREATED_TIME",
      "MODIFIER",
      "UPDATED_TIME",
    ]);
    expect(store.getApp("2")?.fields.filter((f) => f.type === "RECORD_NUMBER")).toEqual([
      { code: "No", label: "No", type: "RECORD_NUMBER" },
    ]);
    expect(store.getApp("3")).toBeUndefined();
    expect(store.getRecord("3", "1")).toBeUndefined();
  });

  it("gives new records defaults: a radio button's first option, a field's defaultValue, else empty", () => {
    const store = new KintoneStore([
      {
        id: "1",
        name: "A",
        fields: [
          { code: "size", label: "Size", type: "RADIO_BUTTON", options: ["S", "M"] },
          { code: "currency", label: "Currency", type: "SINGLE_LINE_TEXT", defaultValue: "JPY" },
          { code: "tags", label: "Tags", type: "CHECK_BOX", options: ["x"] },
        ],
      },
    ]);
    const { ids } = store.addRecords("1", [{}]);
    const record = store.getRecord("1", ids[0] as string);
    expect(record?.size?.value).toBe("S");
    expect(record?.currency?.value).toBe("JPY");
    expect(record?.tags?.value).toEqual([]);
  });

  it("refuses an empty required field and a radio button without a value", () => {
    const store = new KintoneStore([
      {
        id: "1",
        name: "A",
        fields: [
          { code: "name", label: "Name", type: "SINGLE_LINE_TEXT", required: true },
          { code: "size", label: "Size", type: "RADIO_BUTTON", options: ["S", "M"] },
        ],
      },
    ]);
    const error = invalid(() => store.addRecords("1", [{ size: { value: "" } }]));
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(Object.keys(error.errors ?? {}).sort()).toEqual([
      "records[0].name.value",
      "records[0].size.value",
    ]);
  });

  it("answers queries with the full query language and throws kintone's error on a bad one", () => {
    const store = new KintoneStore([
      { id: "1", name: "A", fields: [{ code: "n", label: "N", type: "NUMBER" }] },
    ]);
    store.addRecords("1", [{ n: { value: "2" } }, { n: { value: "10" } }, { n: { value: "1" } }]);
    const { records, totalCount } = store.queryRecords("1", "n >= 2 order by n asc limit 1", ["n"]);
    expect(totalCount).toBe(2);
    expect(records).toEqual([{ n: { type: "NUMBER", value: "2" } }]);
    expect(invalid(() => store.queryRecords("1", "n >"))).toMatchObject({ code: "CB_VA01" });
  });

  it("updates with a revision check and hands out copies that callers cannot change", () => {
    const store = new KintoneStore([
      { id: "1", name: "A", fields: [{ code: "t", label: "T", type: "SINGLE_LINE_TEXT" }] },
    ]);
    store.addRecords("1", [{ t: { value: "a" } }]);
    const copy = store.getRecord("1", "1");
    if (copy?.t) copy.t.value = "mutated";
    expect(store.getRecord("1", "1")?.t?.value).toBe("a");
    expect(store.updateRecord("1", "1", { t: { value: "b" } }, "1")).toEqual({ revision: "2" });
    expect(invalid(() => store.updateRecord("1", "1", { t: { value: "c" } }, "1"))).toMatchObject({
      status: 409,
      code: "GAIA_CO02",
    });
    expect(store.getRecord("1", "1")?.t?.value).toBe("b");
  });

  it("keeps uploaded files under a temporary key until three days have passed", () => {
    const store = new KintoneStore();
    const start = Date.now();
    store.now = () => new Date(start);
    const { fileKey } = store.putFile(new Uint8Array([1, 2]), "a.bin", "application/octet-stream");
    expect(store.getFile(fileKey)).toEqual({
      bytes: new Uint8Array([1, 2]),
      name: "a.bin",
      contentType: "application/octet-stream",
    });
    store.now = () => new Date(start + 3 * 24 * 60 * 60 * 1000 + 1);
    expect(store.getFile(fileKey)).toBeUndefined();
  });
});
