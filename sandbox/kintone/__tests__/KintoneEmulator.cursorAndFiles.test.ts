import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { KintoneEmulator } from "../KintoneEmulator";
import { CURSOR_LIFETIME_MS, MAX_CURSORS } from "../store/KintoneCursors";
import { apiError, clientFor } from "./ordersApp";
import { useOrdersEmulatorPerTest } from "./ordersEmulatorPerTest";

let emulator: KintoneEmulator;
let client: KintoneRestAPIClient;
useOrdersEmulatorPerTest((started) => ({ emulator, client } = started));

describe("the cursor API (/k/v1/records/cursor.json)", () => {
  it("pages through more than 500 records in the query's order, 500 at a time", async () => {
    emulator.store.addRecords(
      "1",
      Array.from({ length: 1201 }, (_, i) => ({ price: { value: String((i * 7919) % 1201) } })),
    );
    emulator.clearRequests();
    const records = await client.record.getAllRecordsWithCursor({
      app: 1,
      query: "price >= 0 order by price asc",
    });
    expect(records).toHaveLength(1203);
    const prices = records.map((r) => Number(r.price?.value));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const reads = emulator.requests.filter(
      (r) => r.method === "GET" && r.path === "/k/v1/records/cursor.json",
    );
    expect(reads).toHaveLength(3);
  });

  it("answers the total, pages of `size`, next, and GAIA_CU01 (404) once the last page was read", async () => {
    const { id, totalCount } = await client.record.createCursor({
      app: 1,
      size: 1,
      fields: ["title"],
    });
    expect(totalCount).toBe("2");
    expect(await client.record.getRecordsByCursor({ id })).toEqual({
      records: [{ title: { type: "SINGLE_LINE_TEXT", value: "second" } }],
      next: true,
    });
    expect((await client.record.getRecordsByCursor({ id })).next).toBe(false);
    expect(await apiError(client.record.getRecordsByCursor({ id }))).toMatchObject({
      status: 404,
      code: "GAIA_CU01",
    });
  });

  it("refuses size over 500 and a query with limit or offset", async () => {
    expect(await apiError(client.record.createCursor({ app: 1, size: 501 }))).toMatchObject({
      status: 400,
      code: "CB_VA01",
    });
    expect(await apiError(client.record.createCursor({ app: 1, query: "limit 10" }))).toMatchObject(
      { code: "CB_VA01" },
    );
  });

  it("expires a cursor 10 minutes after its last use", async () => {
    const { id } = await client.record.createCursor({ app: 1, size: 1 });
    const start = Date.now();
    emulator.store.now = () => new Date(start + CURSOR_LIFETIME_MS + 1000);
    expect(await apiError(client.record.getRecordsByCursor({ id }))).toMatchObject({
      code: "GAIA_CU01",
    });
  });

  it("holds at most 10 cursors at once and frees one on delete", async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_CURSORS; i++)
      ids.push((await client.record.createCursor({ app: 1 })).id);
    expect(await apiError(client.record.createCursor({ app: 1 }))).toMatchObject({
      code: "GAIA_TM12",
    });
    await client.record.deleteCursor({ id: ids[0] as string });
    await expect(client.record.createCursor({ app: 1 })).resolves.toHaveProperty("id");
  });

  it("refuses another app's token", async () => {
    const { id } = await client.record.createCursor({ app: 1 });
    expect(
      await apiError(clientFor(emulator, "products-full").record.getRecordsByCursor({ id })),
    ).toMatchObject({
      status: 403,
      code: "GAIA_NO01",
    });
  });
});

describe("/k/v1/file.json", () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it("uploads, attaches through a FILE field and downloads the same bytes with their content type", async () => {
    const { fileKey } = await client.file.uploadFile({ file: { name: "photo.png", data: bytes } });
    const { id } = await client.record.addRecord({
      app: 1,
      record: { photo: { value: [{ fileKey }] } },
    });
    const { record } = await client.record.getRecord({ app: 1, id });
    const files = record.photo?.value as Array<{
      contentType: string;
      fileKey: string;
      name: string;
      size: string;
    }>;
    expect(files).toEqual([
      {
        contentType: expect.any(String),
        fileKey: expect.any(String),
        name: "photo.png",
        size: "11",
      },
    ]);
    const attached = files[0]!;
    expect(attached.fileKey).not.toBe(fileKey);

    const downloaded = await client.file.downloadFile({ fileKey: attached.fileKey });
    expect(Buffer.from(downloaded)).toEqual(bytes);
    const response = await fetch(`${emulator.url}/k/v1/file.json?fileKey=${attached.fileKey}`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
    });
    expect(response.headers.get("content-type")).toBe(attached.contentType);
  });

  it("keeps the content type the upload gave", async () => {
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: "image/png" }), "p.png");
    const upload = await fetch(`${emulator.url}/k/v1/file.json`, {
      method: "POST",
      headers: { "X-Cybozu-API-Token": "orders-full" },
      body: form,
    });
    const { fileKey } = (await upload.json()) as { fileKey: string };
    const { id } = await client.record.addRecord({
      app: 1,
      record: { photo: { value: [{ fileKey }] } },
    });
    const stored = (await client.record.getRecord({ app: 1, id })).record.photo?.value as Array<{
      contentType: string;
    }>;
    expect(stored[0]?.contentType).toBe("image/png");
  });

  it("keeps an attached file when an update sends its fileKey back", async () => {
    const { fileKey } = await client.file.uploadFile({ file: { name: "a.txt", data: "hello" } });
    const { id } = await client.record.addRecord({
      app: 1,
      record: { photo: { value: [{ fileKey }] } },
    });
    const [attached] = (await client.record.getRecord({ app: 1, id })).record.photo
      ?.value as Array<{ fileKey: string }>;
    await client.record.updateRecord({
      app: 1,
      id,
      record: { photo: { value: [{ fileKey: attached?.fileKey }] } },
    });
    const after = (await client.record.getRecord({ app: 1, id })).record.photo?.value as Array<{
      fileKey: string;
    }>;
    expect(after.map((f) => f.fileKey)).toEqual([attached?.fileKey]);
  });

  it("uses a temporary fileKey once, and only when the write succeeds", async () => {
    const { fileKey } = await client.file.uploadFile({ file: { name: "a.txt", data: "hello" } });
    await apiError(
      client.record.addRecord({
        app: 1,
        record: { photo: { value: [{ fileKey }] }, price: { value: "x" } },
      }),
    );
    await client.record.addRecord({ app: 1, record: { photo: { value: [{ fileKey }] } } });
    const error = await apiError(
      client.record.addRecord({ app: 1, record: { photo: { value: [{ fileKey }] } } }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_BL01" });
  });

  it("answers GAIA_BL01 (404) for an unknown fileKey", async () => {
    const response = await fetch(`${emulator.url}/k/v1/file.json?fileKey=nope`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe("GAIA_BL01");
  });

  it("refuses an upload without credentials", async () => {
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.txt");
    const response = await fetch(`${emulator.url}/k/v1/file.json`, { method: "POST", body: form });
    expect(response.status).toBe(401);
  });
});
