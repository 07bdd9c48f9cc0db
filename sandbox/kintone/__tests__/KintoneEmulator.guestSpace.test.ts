import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { KintoneEmulator } from "../KintoneEmulator";
import { apiError, clientFor, FULL, ordersApp } from "./ordersApp";
import { useOrdersEmulatorPerTest } from "./ordersEmulatorPerTest";

let emulator: KintoneEmulator;
let guestAppId: string;
useOrdersEmulatorPerTest((started) => {
  emulator = started.emulator;
  guestAppId = emulator.createGuestSpaceApp(
    ordersApp({
      id: "7",
      name: "Guest orders",
      apiTokens: [{ token: "guest-full", rights: FULL }],
    }),
    "5",
  ).id;
});

const guestClient = (guestSpaceId?: number) =>
  new KintoneRestAPIClient({
    baseUrl: emulator.url,
    auth: { apiToken: "guest-full" },
    ...(guestSpaceId !== undefined ? { guestSpaceId } : {}),
  });

describe("a guest-space app (/k/guest/{spaceId}/v1)", () => {
  it("serves records, updates, form fields and the app under its guest-space path", async () => {
    const client = guestClient(5);
    const { records } = await client.record.getRecords({
      app: guestAppId,
      query: "order by $id asc",
    });
    expect(records.map((r) => r.title?.value)).toEqual(["first", "second"]);
    await client.record.updateRecords({
      app: guestAppId,
      records: [{ id: "1", record: { title: { value: "changed" } } }],
    });
    expect(emulator.store.getRecord(guestAppId, "1")?.title?.value).toBe("changed");
    const { properties } = await client.app.getFormFields({ app: guestAppId });
    expect(properties.title?.type).toBe("SINGLE_LINE_TEXT");
    expect((await client.app.getApp({ id: guestAppId })).spaceId).toBe("5");
    expect(emulator.requests.some((r) => r.path === "/k/guest/5/v1/records.json")).toBe(true);
  });

  it("uploads and downloads files under the guest-space path", async () => {
    const client = guestClient(5);
    const { fileKey } = await client.file.uploadFile({
      file: { name: "a.txt", data: "hello" },
    });
    const bytes = await client.file.downloadFile({ fileKey });
    expect(Buffer.from(bytes).toString("utf8")).toBe("hello");
  });

  it("runs a bulk request whose APIs name the guest-space path", async () => {
    const client = guestClient(5);
    await client.bulkRequest({
      requests: [
        {
          method: "PUT",
          api: "/k/guest/5/v1/record.json",
          payload: { app: guestAppId, id: "2", record: { title: { value: "bulk" } } },
        },
      ],
    });
    expect(emulator.store.getRecord(guestAppId, "2")?.title?.value).toBe("bulk");
  });

  it("answers GAIA_IL23 for the app on /k/v1: records, form fields and files", async () => {
    const client = guestClient();
    const read = await apiError(client.record.getRecords({ app: guestAppId }));
    expect(read.code).toBe("GAIA_IL23");
    expect(read.status).toBe(520);
    expect((await apiError(client.app.getFormFields({ app: guestAppId }))).code).toBe("GAIA_IL23");
    const upload = await apiError(client.file.uploadFile({ file: { name: "a.txt", data: "x" } }));
    expect(upload.code).toBe("GAIA_IL23");
  });

  it("refuses the app under another guest space's path, and an app outside spaces under a guest path", async () => {
    expect((await apiError(guestClient(6).record.getRecords({ app: guestAppId }))).code).toBe(
      "CB_NO02",
    );
    const ordersUnderGuestPath = new KintoneRestAPIClient({
      baseUrl: emulator.url,
      auth: { apiToken: "orders-full" },
      guestSpaceId: 5,
    });
    expect((await apiError(ordersUnderGuestPath.record.getRecords({ app: 1 }))).code).toBe(
      "CB_NO02",
    );
  });

  it("keeps apps outside guest spaces on /k/v1", async () => {
    const { records } = await clientFor(emulator).record.getRecords({ app: 1 });
    expect(records).toHaveLength(2);
    expect((await clientFor(emulator).app.getApp({ id: "1" })).spaceId).toBeNull();
  });
});
