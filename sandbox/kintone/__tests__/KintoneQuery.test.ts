import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { KintoneApiError } from "../KintoneApiError";
import { runKintoneQuery } from "../KintoneQuery";
import { parseKintoneQuery } from "../query/parseKintoneQuery";
import type { QueryContext, QueryFieldInfo } from "../query/queryContext";

const FIELDS: Record<string, QueryFieldInfo> = {
  $id: { type: "__ID__" },
  title: { type: "SINGLE_LINE_TEXT" },
  memo: { type: "MULTI_LINE_TEXT" },
  price: { type: "NUMBER" },
  status: { type: "DROP_DOWN", options: ["open", "complete", "expired"] },
  tags: { type: "CHECK_BOX", options: ["red", "blue"] },
  due: { type: "DATE" },
  paidAt: { type: "DATETIME" },
  owner: { type: "CREATOR" },
  name: { type: "SINGLE_LINE_TEXT", subtable: "items" },
  qty: { type: "NUMBER", subtable: "items" },
};

const context: QueryContext = {
  field: (code) => FIELDS[code],
  loginUserCode: "alice",
  now: new Date("2026-03-10T12:00:00Z"),
};

function record(
  id: number,
  values: {
    title?: string;
    memo?: string;
    price?: string;
    status?: string;
    tags?: string[];
    due?: string;
    paidAt?: string;
    owner?: string;
    items?: Array<{ name: string; qty: string }>;
  },
): KintoneRecord {
  return {
    $id: { type: "__ID__", value: String(id) },
    title: { type: "SINGLE_LINE_TEXT", value: values.title ?? "" },
    memo: { type: "MULTI_LINE_TEXT", value: values.memo ?? "" },
    price: { type: "NUMBER", value: values.price ?? "" },
    status: { type: "DROP_DOWN", value: values.status ?? "" },
    tags: { type: "CHECK_BOX", value: values.tags ?? [] },
    due: { type: "DATE", value: values.due ?? "" },
    paidAt: { type: "DATETIME", value: values.paidAt ?? "" },
    owner: { type: "CREATOR", value: { code: values.owner ?? "bob", name: values.owner ?? "bob" } },
    items: {
      type: "SUBTABLE",
      value: (values.items ?? []).map((row, index) => ({
        id: String(id * 100 + index),
        value: {
          name: { type: "SINGLE_LINE_TEXT", value: row.name },
          qty: { type: "NUMBER", value: row.qty },
        },
      })),
    },
  };
}

const RECORDS = [
  record(1, {
    title: "Apple pie",
    price: "9",
    status: "open",
    tags: ["red"],
    due: "2026-03-01",
    owner: "alice",
  }),
  record(2, {
    title: "Banana",
    price: "10",
    status: "complete",
    paidAt: "2026-03-10T08:30:00Z",
    items: [{ name: "b", qty: "3" }],
  }),
  record(3, {
    title: 'Say "hi"',
    price: "100",
    status: "expired",
    tags: ["red", "blue"],
    memo: "note here",
  }),
  record(4, {
    title: "back\\slash",
    price: "",
    status: "",
    items: [
      { name: "a", qty: "1" },
      { name: "c", qty: "7" },
    ],
  }),
];

function ids(query: string): string[] {
  return runKintoneQuery(RECORDS, query, context).records.map((r) => String(r.$id?.value));
}

function errorOf(query: string): KintoneApiError {
  try {
    runKintoneQuery(RECORDS, query, context);
  } catch (error) {
    if (error instanceof KintoneApiError) return error;
    throw error;
  }
  throw new Error(`query did not fail: ${query}`);
}

describe("parseKintoneQuery", () => {
  it("reads a condition with and/or, parentheses, order by, limit and offset", () => {
    expect(
      parseKintoneQuery(
        '(a = "1" or b > 2) and c in ("x", "y") order by a desc, $id asc limit 5 offset 10',
      ),
    ).toEqual({
      condition: {
        kind: "and",
        left: {
          kind: "or",
          left: {
            kind: "compare",
            field: "a",
            operator: "=",
            value: { kind: "string", value: "1" },
          },
          right: {
            kind: "compare",
            field: "b",
            operator: ">",
            value: { kind: "number", value: "2" },
          },
        },
        right: {
          kind: "in",
          field: "c",
          negated: false,
          values: [
            { kind: "string", value: "x" },
            { kind: "string", value: "y" },
          ],
        },
      },
      orderBy: [
        { field: "a", direction: "desc" },
        { field: "$id", direction: "asc" },
      ],
      limit: 5,
      offset: 10,
    });
  });

  it('unescapes \\" and \\\\ inside strings', () => {
    expect(parseKintoneQuery('t = "a\\"b\\\\c"').condition).toEqual({
      kind: "compare",
      field: "t",
      operator: "=",
      value: { kind: "string", value: 'a"b\\c' },
    });
  });

  it("accepts keywords in any case and clauses without a condition", () => {
    expect(parseKintoneQuery("ORDER BY x DESC LIMIT 3")).toEqual({
      orderBy: [{ field: "x", direction: "desc" }],
      limit: 3,
    });
    expect(parseKintoneQuery("x NOT IN (1) AND y IS NOT EMPTY").condition).toEqual({
      kind: "and",
      left: { kind: "in", field: "x", negated: true, values: [{ kind: "number", value: "1" }] },
      right: { kind: "empty", field: "y", negated: true },
    });
  });

  it.each([
    ["title ===", "a dangling operator"],
    ['title = "open', "an unterminated string"],
    ['title = "a\tb"', "a raw tab inside a string"],
    ["title = open", "an unquoted word as a value"],
    ['(title = "a"', "an unclosed parenthesis"],
    ['title = "a" limit x', "a non-numeric limit"],
    ['title = "a" limit 1 limit 2', "a clause given twice"],
    ['title ~ "a"', "an unknown operator"],
  ])("refuses %s (%s) with CB_VA01 and errors.query", (query) => {
    const error = errorOf(query);
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(error.errors?.query?.messages.length).toBeGreaterThan(0);
  });

  it("caps limit at 500 (GAIA_QU01) and offset at 10,000 (GAIA_QU02)", () => {
    expect(() => parseKintoneQuery("limit 500 offset 10000")).not.toThrow();
    expect(errorOf("limit 501")).toMatchObject({ status: 400, code: "GAIA_QU01" });
    expect(errorOf("offset 10001")).toMatchObject({ status: 400, code: "GAIA_QU02" });
  });
});

describe("runKintoneQuery", () => {
  it("orders by $id descending when the query gives no order", () => {
    expect(ids("")).toEqual(["4", "3", "2", "1"]);
  });

  it("compares NUMBER fields numerically, not as text", () => {
    expect(ids("price > 9 order by $id asc")).toEqual(["2", "3"]);
    expect(ids("price >= 9 and price <= 10 order by $id asc")).toEqual(["1", "2"]);
    expect(ids("order by price asc")).toEqual(["4", "1", "2", "3"]);
    expect(ids("order by price desc")).toEqual(["3", "2", "1", "4"]);
  });

  it("matches = and != on text, with escaped quotes and backslashes", () => {
    expect(ids('title = "Say \\"hi\\""')).toEqual(["3"]);
    expect(ids('title = "back\\\\slash"')).toEqual(["4"]);
    expect(ids('title != "Banana" order by $id asc')).toEqual(["1", "3", "4"]);
  });

  it("matches like / not like as a case-insensitive substring", () => {
    expect(ids('title like "APPLE"')).toEqual(["1"]);
    expect(ids('title not like "an" order by $id asc')).toEqual(["1", "3", "4"]);
    expect(ids('memo like "note"')).toEqual(["3"]);
  });

  it("matches in / not in on drop-downs and check boxes, empty choice included", () => {
    expect(ids('status in ("open", "expired") order by $id asc')).toEqual(["1", "3"]);
    expect(ids('status not in ("open", "expired") order by $id asc')).toEqual(["2", "4"]);
    expect(ids('status in ("")')).toEqual(["4"]);
    expect(ids('tags in ("blue")')).toEqual(["3"]);
    expect(ids('tags not in ("red") order by $id asc')).toEqual(["2", "4"]);
  });

  it("matches is empty / is not empty", () => {
    expect(ids("price is empty")).toEqual(["4"]);
    expect(ids("paidAt is not empty")).toEqual(["2"]);
  });

  it("combines and/or with parentheses", () => {
    expect(ids('(status in ("open") or price > 50) and tags in ("red") order by $id asc')).toEqual([
      "1",
      "3",
    ]);
    expect(ids('status in ("open") or price > 50 and tags in ("blue") order by $id asc')).toEqual([
      "1",
      "3",
    ]);
  });

  it("compares $id numerically and pages with limit/offset after ordering", () => {
    expect(ids("$id > 1 order by $id asc limit 2")).toEqual(["2", "3"]);
    expect(ids("order by $id asc limit 2 offset 2")).toEqual(["3", "4"]);
    const result = runKintoneQuery(RECORDS, "$id >= 2 limit 1", context);
    expect(result.totalCount).toBe(3);
  });

  it("compares dates and date-times, with TODAY(), NOW() and LOGINUSER()", () => {
    expect(ids('due < "2026-03-02"')).toEqual(["1"]);
    expect(ids("due < TODAY()")).toEqual(["1"]);
    expect(ids('paidAt = "2026-03-10"')).toEqual(["2"]);
    expect(ids("paidAt < NOW()")).toEqual(["2"]);
    expect(ids('paidAt > "2026-03-10T09:00:00Z"')).toEqual([]);
    expect(ids("owner in (LOGINUSER())")).toEqual(["1"]);
  });

  it("matches date periods: THIS_MONTH(), LAST_WEEK(), FROM_TODAY()", () => {
    // now is Tuesday 2026-03-10; record 1 is due 2026-03-01 (a Sunday), record 2 was paid 2026-03-10.
    expect(ids("due = THIS_MONTH()")).toEqual(["1"]);
    expect(ids("due = LAST_WEEK()")).toEqual(["1"]);
    expect(ids("due = THIS_WEEK()")).toEqual([]);
    expect(ids("paidAt = THIS_WEEK()")).toEqual(["2"]);
    expect(ids("due < FROM_TODAY(-8, DAYS)")).toEqual(["1"]);
    expect(ids("due = FROM_TODAY(-9, DAYS)")).toEqual(["1"]);
    expect(ids("due > LAST_MONTH()")).toEqual(["1"]);
    expect(errorOf("due = FROM_TODAY(2, EONS)")).toMatchObject({ code: "CB_VA01" });
    expect(errorOf("price = THIS_MONTH()")).toMatchObject({ code: "GAIA_IQ03" });
  });

  it("matches a table column when any row matches, and not in when no row does", () => {
    expect(ids('name in ("c")')).toEqual(["4"]);
    expect(ids("qty > 5")).toEqual(["4"]);
    expect(ids('name not in ("a") order by $id asc')).toEqual(["1", "2", "3"]);
  });

  it("refuses unknown fields (GAIA_IQ11), unsupported operators (GAIA_IQ03), = on table columns (GAIA_IQ07), unknown options (GAIA_IQ10)", () => {
    expect(errorOf('nope = "a"')).toMatchObject({ status: 400, code: "GAIA_IQ11" });
    expect(errorOf("order by nope asc")).toMatchObject({ status: 400, code: "GAIA_IQ11" });
    expect(errorOf('memo = "a"')).toMatchObject({ status: 400, code: "GAIA_IQ03" });
    expect(errorOf('status = "open"')).toMatchObject({ status: 400, code: "GAIA_IQ03" });
    expect(errorOf('name = "a"')).toMatchObject({ status: 400, code: "GAIA_IQ07" });
    expect(errorOf('status in ("unknown")')).toMatchObject({ status: 400, code: "GAIA_IQ10" });
  });
});
