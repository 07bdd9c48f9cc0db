import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { KintoneEmulator } from "../KintoneEmulator";
import { apiError, clientFor } from "./ordersApp";
import { useOrdersEmulatorPerTest } from "./ordersEmulatorPerTest";

let emulator: KintoneEmulator;
let client: KintoneRestAPIClient;
useOrdersEmulatorPerTest((started) => ({ emulator, client } = started));

/** Record 1's price and revision as the REST API answers them now. */
async function expectFirstRecord(price: string, revision: string): Promise<void> {
  const { record } = await client.record.getRecord({ app: 1, id: 1 });
  expect(record.price?.value).toBe(price);
  expect(record.$revision?.value).toBe(revision);
}

describe("GET /k/v1/record.json", () => {
  it("returns the record in REST shape: typed fields, strings for numbers, $id, $revision and system fields", async () => {
    const { record } = await client.record.getRecord({ app: 1, id: 1 });
    expect(record.title).toEqual({ type: "SINGLE_LINE_TEXT", value: "first" });
    expect(record.price).toEqual({ type: "NUMBER", value: "10" });
    expect(record.items).toEqual({ type: "SUBTABLE", value: [] });
    expect(record.photo).toEqual({ type: "FILE", value: [] });
    expect(record.$id).toEqual({ type: "__ID__", value: "1" });
    expect(record.$revision).toEqual({ type: "__REVISION__", value: "1" });
    expect(record.Record_number).toEqual({ type: "RECORD_NUMBER", value: "1" });
    expect(record.Created_by?.type).toBe("CREATOR");
    expect(record.Created_datetime?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
  });

  it("answers GAIA_RE01 (404) for a record that does not exist, as KintoneRestAPIError exposes it", async () => {
    const error = await apiError(client.record.getRecord({ app: 1, id: 999 }));
    expect(error.status).toBe(404);
    expect(error.code).toBe("GAIA_RE01");
    expect(error.id).toMatch(/^[\w-]{10,}$/);
    expect(error.message).toContain("999");
  });

  it("answers CB_VA01 with errors.id when the id is missing", async () => {
    const response = await fetch(`${emulator.url}/k/v1/record.json?app=1`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; errors: Record<string, unknown> };
    expect(body.code).toBe("CB_VA01");
    expect(Object.keys(body.errors)).toEqual(["id"]);
  });
});

describe("POST /k/v1/record.json", () => {
  it("adds a record and answers its id and revision 1", async () => {
    const added = await client.record.addRecord({
      app: 1,
      record: { title: { value: "new" }, price: { value: 5 } },
    });
    expect(added).toEqual({ id: "3", revision: "1" });
    const { record } = await client.record.getRecord({ app: 1, id: added.id });
    expect(record.price?.value).toBe("5");
  });

  it("ignores an unknown field code, as kintone documents for adding records", async () => {
    const { id } = await client.record.addRecord({
      app: 1,
      record: { nope: { value: "x" }, title: { value: "kept" } },
    });
    const { record } = await client.record.getRecord({ app: 1, id });
    expect(record.title?.value).toBe("kept");
    expect(record).not.toHaveProperty("nope");
  });

  it("refuses a non-numeric NUMBER with CB_VA01 keyed record.price.value", async () => {
    const error = await apiError(
      client.record.addRecord({ app: 1, record: { price: { value: "12abc" } } }),
    );
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(Object.keys(error.errors as object)).toEqual(["record.price.value"]);
  });

  it("refuses a DROP_DOWN value that is not one of its options", async () => {
    const error = await apiError(
      client.record.addRecord({ app: 1, record: { status: { value: "paid" } } }),
    );
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(error.errors).toEqual({
      "record.status.value": { messages: [expect.stringContaining('"paid"')] },
    });
  });

  it("normalises DATETIME to UTC minutes and refuses other formats", async () => {
    const { id } = await client.record.addRecord({
      app: 1,
      record: { paidAt: { value: "2026-03-10T18:30:45+09:00" } },
    });
    const { record } = await client.record.getRecord({ app: 1, id });
    expect(record.paidAt?.value).toBe("2026-03-10T09:30:00Z");
    const error = await apiError(
      client.record.addRecord({ app: 1, record: { paidAt: { value: "10/03/2026" } } }),
    );
    expect(error.errors).toHaveProperty(["record.paidAt.value"]);
  });
});

describe("PUT /k/v1/record.json", () => {
  it("updates with the current revision and answers the next one", async () => {
    const result = await client.record.updateRecord({
      app: 1,
      id: 1,
      revision: 1,
      record: { status: { value: "complete" } },
    });
    expect(result).toEqual({ revision: "2" });
    const { record } = await client.record.getRecord({ app: 1, id: 1 });
    expect(record.status?.value).toBe("complete");
    expect(record.title?.value).toBe("first");
  });

  it("answers GAIA_CO02 (409) for a stale revision and writes nothing", async () => {
    await client.record.updateRecord({ app: 1, id: 1, record: { price: { value: "11" } } });
    const error = await apiError(
      client.record.updateRecord({
        app: 1,
        id: 1,
        revision: 1,
        record: { price: { value: "99" } },
      }),
    );
    expect(error).toMatchObject({ status: 409, code: "GAIA_CO02" });
    await expectFirstRecord("11", "2");
  });

  it("refuses a revision that is not an integer with CB_VA01", async () => {
    const error = await apiError(
      client.record.updateRecord({ app: 1, id: 1, revision: "abc", record: {} }),
    );
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(error.errors).toHaveProperty(["revision"]);
  });

  it("skips the revision check for revision -1", async () => {
    await client.record.updateRecord({ app: 1, id: 1, record: { price: { value: "11" } } });
    await expect(
      client.record.updateRecord({
        app: 1,
        id: 1,
        revision: -1,
        record: { price: { value: "12" } },
      }),
    ).resolves.toEqual({
      revision: "3",
    });
  });

  it("refuses an unknown field code with GAIA_FC01 and writes nothing", async () => {
    const error = await apiError(
      client.record.updateRecord({
        app: 1,
        id: 1,
        record: { title: { value: "changed" }, nope: { value: "x" } },
      }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_FC01" });
    expect((await client.record.getRecord({ app: 1, id: 1 })).record.title?.value).toBe("first");
  });

  it("answers GAIA_RE01 (404) for a missing record", async () => {
    const error = await apiError(client.record.updateRecord({ app: 1, id: 42, record: {} }));
    expect(error).toMatchObject({ status: 404, code: "GAIA_RE01" });
  });

  it("refuses a DROP_DOWN value outside its options on update", async () => {
    const error = await apiError(
      client.record.updateRecord({ app: 1, id: 1, record: { status: { value: "OPEN" } } }),
    );
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(error.errors).toHaveProperty(["record.status.value"]);
  });

  describe("with a field that prohibits duplicate values", () => {
    beforeEach(() => {
      emulator.store.createApp({
        id: "7",
        name: "Keyed",
        fields: [
          { code: "sku", label: "SKU", type: "SINGLE_LINE_TEXT", unique: true },
          { code: "note", label: "Note", type: "SINGLE_LINE_TEXT" },
          { code: "qty", label: "Qty", type: "NUMBER" },
        ],
        apiTokens: [
          { token: "keyed", rights: { view: true, add: true, edit: true, delete: true } },
        ],
        records: [
          { sku: { value: "A-1" }, note: { value: "n" }, qty: { value: "1" } },
          { sku: { value: "B-2" }, note: { value: "n" }, qty: { value: "2" } },
        ],
      });
    });

    it("finds the record by updateKey", async () => {
      const keyed = clientFor(emulator, "keyed");
      await keyed.record.updateRecord({
        app: 7,
        updateKey: { field: "sku", value: "A-1" },
        record: { qty: { value: "4" } },
      });
      expect((await keyed.record.getRecord({ app: 7, id: 1 })).record.qty?.value).toBe("4");
    });

    it("refuses an updateKey field without prohibit-duplicates with GAIA_FC01", async () => {
      const keyed = clientFor(emulator, "keyed");
      const error = await apiError(
        keyed.record.updateRecord({ app: 7, updateKey: { field: "note", value: "n" }, record: {} }),
      );
      expect(error).toMatchObject({ status: 400, code: "GAIA_FC01" });
    });

    it("refuses a value another record has, with CB_VA01 at that field", async () => {
      const keyed = clientFor(emulator, "keyed");
      const error = await apiError(
        keyed.record.updateRecord({ app: 7, id: 2, record: { sku: { value: "A-1" } } }),
      );
      expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
      expect(error.errors).toHaveProperty(["record.sku.value"]);
      await expect(
        keyed.record.updateRecord({ app: 7, id: 2, record: { sku: { value: "B-2" } } }),
      ).resolves.toHaveProperty("revision");
      const batch = await apiError(
        keyed.record.addRecords({
          app: 7,
          records: [{ sku: { value: "C" } }, { sku: { value: "C" } }],
        }),
      );
      expect(Object.keys(batch.errors as object)).toEqual(["records[1].sku.value"]);
    });
  });

  it("keeps subtable row ids for rows sent with their id and gives new rows new ids", async () => {
    const { id } = await client.record.addRecord({
      app: 1,
      record: { items: { value: [{ value: { name: { value: "a" }, qty: { value: "1" } } }] } },
    });
    const before = (await client.record.getRecord({ app: 1, id })).record.items?.value as Array<{
      id: string;
    }>;
    const rowId = before[0]?.id as string;
    await client.record.updateRecord({
      app: 1,
      id,
      record: {
        items: {
          value: [
            { id: rowId, value: { qty: { value: "2" } } },
            { value: { name: { value: "b" } } },
          ],
        },
      },
    });
    const after = (await client.record.getRecord({ app: 1, id })).record.items?.value as Array<{
      id: string;
      value: Record<string, { value: unknown }>;
    }>;
    expect(after).toHaveLength(2);
    expect(after[0]?.id).toBe(rowId);
    expect(after[0]?.value.name?.value).toBe("a");
    expect(after[0]?.value.qty?.value).toBe("2");
    expect(after[1]?.id).not.toBe(rowId);
    expect(after[1]?.value.qty?.value).toBe("");
  });
});

describe("GET /k/v1/records.json", () => {
  it("filters, orders, picks fields[] and counts with totalCount", async () => {
    const result = await client.record.getRecords({
      app: 1,
      query: "price >= 10 order by price desc limit 1",
      fields: ["title", "$id"],
      totalCount: true,
    });
    expect(result.totalCount).toBe("2");
    expect(result.records).toEqual([
      { title: { type: "SINGLE_LINE_TEXT", value: "second" }, $id: { type: "__ID__", value: "2" } },
    ]);
  });

  it("answers totalCount null when not asked", async () => {
    const result = await client.record.getRecords({ app: 1 });
    expect(result.totalCount).toBeNull();
    expect(result.records.map((r) => r.$id?.value)).toEqual(["2", "1"]);
  });

  it("returns at most 100 records without a limit, and at most 500 with one", async () => {
    emulator.store.addRecords(
      "1",
      Array.from({ length: 600 }, (_, i) => ({ price: { value: String(i) } })),
    );
    expect((await client.record.getRecords({ app: 1 })).records).toHaveLength(100);
    expect((await client.record.getRecords({ app: 1, query: "limit 500" })).records).toHaveLength(
      500,
    );
  });

  it("refuses limit over 500 (GAIA_QU01) and offset over 10,000 (GAIA_QU02)", async () => {
    expect(await apiError(client.record.getRecords({ app: 1, query: "limit 501" }))).toMatchObject({
      status: 400,
      code: "GAIA_QU01",
    });
    expect(
      await apiError(client.record.getRecords({ app: 1, query: "offset 10001" })),
    ).toMatchObject({
      status: 400,
      code: "GAIA_QU02",
    });
  });

  it("answers kintone's query errors for bad syntax and unknown fields", async () => {
    const syntax = await apiError(
      client.record.getRecords({ app: 1, query: 'title = "unterminated' }),
    );
    expect(syntax).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(syntax.errors).toHaveProperty("query");
    expect(await apiError(client.record.getRecords({ app: 1, query: 'nope = "x"' }))).toMatchObject(
      { code: "GAIA_IQ11" },
    );
  });

  it("serves a GET the client turned into POST with X-HTTP-Method-Override because its URL was too long", async () => {
    const longList = Array.from({ length: 400 }, (_, i) => `"value-${i}"`).join(", ");
    const result = await client.record.getRecords({
      app: 1,
      query: `title in (${longList}, "second")`,
    });
    expect(result.records.map((r) => r.title?.value)).toEqual(["second"]);
    expect(emulator.requests.at(-1)).toMatchObject({
      method: "POST",
      path: "/k/v1/records.json",
      status: 200,
    });
  });
});

describe("POST /k/v1/records.json", () => {
  it("adds up to 100 records and answers their ids and revisions", async () => {
    const records = Array.from({ length: 100 }, (_, i) => ({ title: { value: `r${i}` } }));
    const result = await client.record.addRecords({ app: 1, records });
    expect(result.ids).toHaveLength(100);
    expect(result.ids[0]).toBe("3");
    expect(new Set(result.revisions)).toEqual(new Set(["1"]));
  });

  it("refuses 101 records with CB_VA01 and adds none", async () => {
    const records = Array.from({ length: 101 }, () => ({ title: { value: "x" } }));
    const response = await fetch(`${emulator.url}/k/v1/records.json`, {
      method: "POST",
      headers: { "X-Cybozu-API-Token": "orders-full", "Content-Type": "application/json" },
      body: JSON.stringify({ app: 1, records }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("CB_VA01");
    expect(emulator.store.queryRecords("1", "").totalCount).toBe(2);
  });

  it("adds nothing when one record of the batch is invalid, and keys the error records[i]", async () => {
    const error = await apiError(
      client.record.addRecords({
        app: 1,
        records: [{ status: { value: "open" } }, { status: { value: "bogus" } }],
      }),
    );
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
    expect(Object.keys(error.errors as object)).toEqual(["records[1].status.value"]);
    expect(emulator.store.queryRecords("1", "").totalCount).toBe(2);
  });
});

describe("PUT /k/v1/records.json", () => {
  it("updates a batch and answers each id with its new revision", async () => {
    const result = await client.record.updateRecords({
      app: 1,
      records: [
        { id: 1, revision: 1, record: { price: { value: "1" } } },
        { id: 2, record: { price: { value: "2" } } },
      ],
    });
    expect(result.records).toEqual([
      { id: "1", revision: "2" },
      { id: "2", revision: "2" },
    ]);
  });

  it("writes nothing when one record of the batch conflicts", async () => {
    const error = await apiError(
      client.record.updateRecords({
        app: 1,
        records: [
          { id: 1, revision: 1, record: { price: { value: "111" } } },
          { id: 2, revision: 7, record: { price: { value: "222" } } },
        ],
      }),
    );
    expect(error).toMatchObject({ status: 409, code: "GAIA_CO02" });
    await expectFirstRecord("10", "1");
  });

  it("writes nothing when one record of the batch is missing", async () => {
    const error = await apiError(
      client.record.updateRecords({
        app: 1,
        records: [
          { id: 1, record: { price: { value: "111" } } },
          { id: 50, record: { price: { value: "222" } } },
        ],
      }),
    );
    expect(error).toMatchObject({ status: 404, code: "GAIA_RE01" });
    expect((await client.record.getRecord({ app: 1, id: 1 })).record.price?.value).toBe("10");
  });

  it("refuses more than 100 records", async () => {
    const records = Array.from({ length: 101 }, () => ({ id: 1, record: {} }));
    const response = await fetch(`${emulator.url}/k/v1/records.json`, {
      method: "PUT",
      headers: { "X-Cybozu-API-Token": "orders-full", "Content-Type": "application/json" },
      body: JSON.stringify({ app: 1, records }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("CB_VA01");
  });
});

describe("DELETE /k/v1/records.json", () => {
  it("deletes the named records", async () => {
    await client.record.deleteRecords({ app: 1, ids: [1] });
    expect(await apiError(client.record.getRecord({ app: 1, id: 1 }))).toMatchObject({
      code: "GAIA_RE01",
    });
    expect((await client.record.getRecord({ app: 1, id: 2 })).record.$id?.value).toBe("2");
  });
});

describe("POST /k/v1/bulkRequest.json", () => {
  it("adds more than 100 records through the client's addAllRecords", async () => {
    const records = Array.from({ length: 250 }, (_, i) => ({ title: { value: `bulk ${i}` } }));
    const { records: added } = await client.record.addAllRecords({ app: 1, records });
    expect(added).toHaveLength(250);
    expect(emulator.store.queryRecords("1", "").totalCount).toBe(252);
    expect(emulator.requests.filter((r) => r.path === "/k/v1/bulkRequest.json")).toHaveLength(1);
  });

  it("writes nothing when one request of the bulk fails, and answers the error at its index", async () => {
    const updates = Array.from({ length: 150 }, () => ({
      id: 1,
      record: { price: { value: "5" } },
    }));
    updates.push({
      id: 2,
      record: { price: { value: "5" } },
      revision: 9,
    } as (typeof updates)[number]);
    await expect(
      client.record.updateAllRecords({ app: 1, records: updates }),
    ).rejects.toMatchObject({
      numOfProcessedRecords: 0,
      error: { code: "GAIA_CO02", status: 409, bulkRequestIndex: 1 },
    });
    await expectFirstRecord("10", "1");

    const response = await fetch(`${emulator.url}/k/v1/bulkRequest.json`, {
      method: "POST",
      headers: { "X-Cybozu-API-Token": "orders-full", "Content-Type": "application/json" },
      body: JSON.stringify({
        requests: [
          { method: "POST", api: "/k/v1/record.json", payload: { app: 1, record: {} } },
          { method: "PUT", api: "/k/v1/record.json", payload: { app: 1, id: 77, record: {} } },
        ],
      }),
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { results: Array<{ code?: string }> };
    expect(body.results[0]).toEqual({});
    expect(body.results[1]?.code).toBe("GAIA_RE01");
    expect(emulator.store.queryRecords("1", "").totalCount).toBe(2);
  });
});
