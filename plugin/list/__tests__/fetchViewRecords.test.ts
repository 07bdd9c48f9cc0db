import type { KintoneApi } from "../KintoneApi";
import { fetchViewRecords, viewQuery } from "../fetchViewRecords";

function makeRecords(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    $id: { type: "__ID__" as const, value: String(count - i) },
  }));
}

/** A kintone that pages `all` with limit/offset and with a cursor, recording each call. */
function fakeKintone(all: ReturnType<typeof makeRecords>) {
  const calls: Array<{ path: string; method: string; params: Record<string, unknown> }> = [];
  let cursorAt = 0;
  const api: KintoneApi = async (path, method, params) => {
    calls.push({ path, method, params });
    if (path === "/k/v1/records.json") {
      const match = /limit (\d+) offset (\d+)$/.exec(String(params.query));
      const limit = Number(match?.[1]);
      const offset = Number(match?.[2]);
      if (offset > 10_000) throw { code: "GAIA_QU01", message: "offset too large" };
      return {
        records: all.slice(offset, offset + limit),
        totalCount: params.totalCount ? String(all.length) : null,
      };
    }
    if (path === "/k/v1/records/cursor.json" && method === "POST")
      return { id: "c1", totalCount: String(all.length) };
    if (path === "/k/v1/records/cursor.json" && method === "GET") {
      const records = all.slice(cursorAt, cursorAt + 500);
      cursorAt += 500;
      return { records, next: cursorAt < all.length };
    }
    return {};
  };
  return { api, calls };
}

describe("fetchViewRecords", () => {
  it("pages a view of more than 500 records with limit/offset in the view's order", async () => {
    const all = makeRecords(1234);
    const { api, calls } = fakeKintone(all);
    const progress: number[] = [];
    const records = await fetchViewRecords(
      api,
      { app: "7", query: 'currency in ("JPY") order by price desc', fields: ["$id"] },
      (loaded) => progress.push(loaded),
    );
    expect(records).toEqual(all);
    expect(calls.map((c) => c.params.query)).toEqual([
      'currency in ("JPY") order by price desc limit 500 offset 0',
      'currency in ("JPY") order by price desc limit 500 offset 500',
      'currency in ("JPY") order by price desc limit 500 offset 1000',
    ]);
    expect(calls.every((c) => c.params.app === "7")).toBe(true);
    expect(progress).toEqual([500, 1000, 1234]);
  });

  it("reads a small view in one request", async () => {
    const { api, calls } = fakeKintone(makeRecords(12));
    await expect(fetchViewRecords(api, { app: "1", query: "", fields: [] })).resolves.toHaveLength(
      12,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.params.query).toBe("limit 500 offset 0");
  });

  it("switches to the cursor API beyond kintone's 10,000 offset", async () => {
    const all = makeRecords(10_600);
    const { api, calls } = fakeKintone(all);
    const records = await fetchViewRecords(api, {
      app: "1",
      query: "order by $id asc",
      fields: ["$id"],
    });
    expect(records).toHaveLength(10_600);
    expect(records[10_599]).toEqual(all[10_599]);
    const cursorCreate = calls.find(
      (c) => c.path === "/k/v1/records/cursor.json" && c.method === "POST",
    );
    expect(cursorCreate?.params).toEqual({
      app: "1",
      fields: ["$id"],
      query: "order by $id asc",
      size: 500,
    });
    expect(calls.some((c) => String(c.params.query).includes("offset 10500"))).toBe(false);
  });

  it("deletes the cursor when reading it fails", async () => {
    const { api: base, calls } = fakeKintone(makeRecords(11_000));
    let reads = 0;
    const api: KintoneApi = async (path, method, params) => {
      if (path.endsWith("cursor.json") && method === "GET" && ++reads === 3) {
        calls.push({ path, method, params });
        throw new Error("network down");
      }
      return base(path, method, params);
    };
    await expect(fetchViewRecords(api, { app: "1", query: "", fields: [] })).rejects.toThrow(
      "network down",
    );
    expect(calls.at(-1)).toMatchObject({
      path: "/k/v1/records/cursor.json",
      method: "DELETE",
      params: { id: "c1" },
    });
  });
});

describe("viewQuery", () => {
  it("keeps the view's condition and order but drops the page's limit and offset", () => {
    expect(viewQuery('a = "1" order by b asc limit 20 offset 40', 'a = "1"')).toBe(
      'a = "1" order by b asc',
    );
    expect(viewQuery("order by $id desc limit 20", "")).toBe("order by $id desc");
  });

  it("falls back to the condition when kintone gives no query", () => {
    expect(viewQuery(null, ' status in ("open") ')).toBe('status in ("open")');
    expect(viewQuery(null, null)).toBe("");
  });
});
