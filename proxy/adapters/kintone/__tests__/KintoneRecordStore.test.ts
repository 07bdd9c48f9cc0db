/** The kintone adapter with the real REST client against the kintone emulator. */
import {
  startKintoneEmulator,
  type KintoneEmulator,
} from "../../../../sandbox/kintone/KintoneEmulator";
import { RecordChangedError } from "../../../errors/RecordChangedError";
import { RecordNotFoundError } from "../../../errors/RecordNotFoundError";
import { UpstreamError } from "../../../errors/UpstreamError";
import { KintoneFieldMissingError } from "../KintoneFieldMissingError";
import { KintoneRecordStore } from "../KintoneRecordStore";
import { KintoneValuesRefusedError } from "../KintoneValuesRefusedError";

const TOKEN = "adaptertoken1";
const VIEW_ONLY = "viewonlytoken2";
let kintone: KintoneEmulator;
let appId: string;
let store: KintoneRecordStore;

beforeAll(async () => {
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Items",
        fields: [
          { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
          { code: "size", label: "Size", type: "DROP_DOWN", options: ["S", "M", "L"] },
          { code: "photo", label: "Photo", type: "FILE" },
          {
            code: "rows",
            label: "Rows",
            type: "SUBTABLE",
            fields: [{ code: "item", label: "Item", type: "SINGLE_LINE_TEXT" }],
          },
        ],
        apiTokens: [
          { token: TOKEN, rights: { view: true, add: true, edit: true, delete: false } },
          { token: VIEW_ONLY, rights: { view: true, add: false, edit: false, delete: false } },
        ],
      },
    ],
  });
  appId = kintone.store.listApps()[0]!.id;
  kintone.store.addRecords(
    appId,
    Array.from({ length: 620 }, (_, i) => ({ name: { value: `item ${i + 1}` } })),
  );
});

afterAll(async () => {
  await kintone.close();
});

beforeEach(() => {
  store = new KintoneRecordStore({
    baseUrl: kintone.url,
    apiTokens: { [appId]: TOKEN },
    retryDelayMs: 10,
  });
});

describe("KintoneRecordStore", () => {
  it("reads records by id in the order asked", async () => {
    const records = await store.getRecords(appId, ["3", "1", "150"]);
    expect(records.map((r) => r.name?.value)).toEqual(["item 3", "item 1", "item 150"]);
  });

  it("names every missing record", async () => {
    const attempt = store.getRecords(appId, ["1", "9998", "9999"]);
    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(attempt).rejects.toMatchObject({
      details: [{ recordId: "9998" }, { recordId: "9999" }],
    });
  });

  it("lists ids and revisions of any number of records with the cursor API", async () => {
    const all = await store.queryRecordIds(appId, "");
    expect(all).toHaveLength(620);
    expect(all[619]).toEqual({ id: "620", revision: expect.any(String) });
    const some = await store.queryRecordIds(appId, 'name like "item 6"', { limit: 3 });
    expect(some.map((r) => r.id)).toEqual(["6", "60", "61"]);
  });

  it("writes more than 100 records in batches of 100", async () => {
    kintone.clearRequests();
    const updates = Array.from({ length: 230 }, (_, i) => ({
      id: String(i + 1),
      record: { name: { value: `renamed ${i + 1}` } },
    }));
    await store.updateRecords(appId, updates);
    const writes = kintone.requests.filter((r) => r.method === "PUT");
    expect(writes).toHaveLength(3);
    expect(kintone.store.getRecord(appId, "230")?.name).toMatchObject({ value: "renamed 230" });
  });

  it("turns a stale revision into RECORD_CHANGED and a missing record into RECORD_NOT_FOUND", async () => {
    await expect(
      store.updateRecords(appId, [{ id: "1", revision: "999", record: { name: { value: "x" } } }]),
    ).rejects.toBeInstanceOf(RecordChangedError);
    await expect(
      store.updateRecords(appId, [{ id: "5000", record: { name: { value: "x" } } }]),
    ).rejects.toMatchObject({ code: "RECORD_NOT_FOUND", details: [{ recordId: "5000" }] });
  });

  it("throws a refused value and a field the form lacks as their own KINTONE_ERRORs", async () => {
    const refused = await store
      .updateRecords(appId, [{ id: "1", record: { size: { value: "XL" } } }])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KintoneValuesRefusedError);
    expect(refused).toMatchObject({ code: "KINTONE_ERROR", upstreamCode: "CB_VA01" });
    const missing = await store
      .updateRecords(appId, [{ id: "1", record: { deleted_field: { value: "x" } } }])
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(KintoneFieldMissingError);
    expect(missing).toMatchObject({ code: "KINTONE_ERROR", upstreamCode: "GAIA_FC01" });
  });

  it("retries 503 answers and succeeds", async () => {
    kintone.failNext({ pathPrefix: "/k/v1/records.json", status: 503, count: 2 });
    const records = await store.getRecords(appId, ["500"]);
    expect(records[0]?.name?.value).toBe("item 500");
  });

  it("gives up after its retries with a retryable KINTONE_ERROR that keeps kintone's ids", async () => {
    // The first attempt and its 3 retries all fail.
    kintone.failNext({ pathPrefix: "/k/v1/records.json", status: 503, count: 4 });
    const error = await store.getRecords(appId, ["2"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: "KINTONE_ERROR", retryable: true, upstreamStatus: 503 });
    expect((error as UpstreamError).requestId).toEqual(expect.any(String));
    expect((error as UpstreamError).message).not.toContain(TOKEN);
  });

  it("says in plain words when the token may not write", async () => {
    const viewOnly = new KintoneRecordStore({
      baseUrl: kintone.url,
      apiTokens: { [appId]: VIEW_ONLY },
    });
    const error = await viewOnly
      .updateRecords(appId, [{ id: "1", record: { name: { value: "x" } } }])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "KINTONE_ERROR", status: 502 });
    expect((error as Error).message).toMatch(/lacks a permission|refused the proxy's API token/);
  });

  it("refuses an app it has no token for without a request", async () => {
    kintone.clearRequests();
    expect(store.hasApp("777")).toBe(false);
    await expect(store.getRecords("777", ["1"])).rejects.toMatchObject({ code: "KINTONE_ERROR" });
    expect(kintone.requests).toEqual([]);
  });

  it("downloads an attachment and reads the form fields", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const { fileKey } = kintone.store.putFile(bytes, "a.bin", "application/octet-stream");
    const [id] = kintone.store.addRecords(appId, [{ photo: { value: [{ fileKey }] } }]).ids;
    const [record] = await store.getRecords(appId, [id!]);
    const attached = (record!.photo as { value: { fileKey: string }[] }).value[0]!.fileKey;
    const downloaded = await store.downloadFile(attached, appId);
    expect([...downloaded.bytes]).toEqual([1, 2, 3, 4]);

    const fields = await store.getFormFields(appId);
    expect(fields.find((f) => f.code === "size")).toMatchObject({
      type: "DROP_DOWN",
      options: ["S", "M", "L"],
    });
    expect(fields.find((f) => f.code === "rows")?.fields).toEqual([
      expect.objectContaining({ code: "item", type: "SINGLE_LINE_TEXT" }),
    ]);
  });

  it("keeps at most maxConcurrency requests in flight", async () => {
    const capped = new KintoneRecordStore({
      baseUrl: kintone.url,
      apiTokens: { [appId]: TOKEN },
      maxConcurrency: 2,
    });
    kintone.configure({ latencyMs: 100 });
    try {
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => capped.getRecords(appId, [String(i + 1)])),
      );
      // 6 requests of 100 ms, 2 at a time: at least 3 rounds (unbounded they would take ~100 ms).
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      kintone.configure({ latencyMs: 0 });
    }
  });

  describe("a kintone request that never answers", () => {
    it("is abandoned after the request timeout and retried", async () => {
      const patient = new KintoneRecordStore({
        baseUrl: kintone.url,
        apiTokens: { [appId]: TOKEN },
        retryDelayMs: 10,
        requestTimeoutMs: 300,
      });
      kintone.failNext({ method: "GET", pathPrefix: "/k/v1/records.json", status: "timeout" });
      const records = await patient.getRecords(appId, ["1"]);
      expect(records.map((r) => r.$id?.value)).toEqual(["1"]);
    });

    it("fails with a retryable kintone error once every attempt timed out", async () => {
      const patient = new KintoneRecordStore({
        baseUrl: kintone.url,
        apiTokens: { [appId]: TOKEN },
        retries: 1,
        retryDelayMs: 10,
        requestTimeoutMs: 300,
      });
      kintone.failNext({
        method: "GET",
        pathPrefix: "/k/v1/records.json",
        status: "timeout",
        count: 2,
      });
      const started = Date.now();
      const error = await patient.getRecords(appId, ["1"]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ code: "KINTONE_ERROR", retryable: true });
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
