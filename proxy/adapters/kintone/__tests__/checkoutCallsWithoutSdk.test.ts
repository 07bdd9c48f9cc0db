/**
 * A checkout's kintone calls (read the records, download an attachment, write the link back) do
 * not load `@kintone/rest-api-client`: a freshly started proxy's first checkout does not wait for
 * it, and a proxy that only makes checkouts never holds its memory.
 */
import {
  startKintoneEmulator,
  type KintoneEmulator,
} from "../../../../sandbox/kintone/KintoneEmulator";
import { KintoneRecordStore } from "../KintoneRecordStore";
import { loadedKintoneSdk } from "../loadKintoneSdk";

const TOKEN = "checkouttoken1";
let kintone: KintoneEmulator;
let appId: string;

beforeAll(async () => {
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: [
          { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
          { code: "photo", label: "Photo", type: "FILE" },
        ],
        apiTokens: [{ token: TOKEN, rights: { view: true, add: true, edit: true, delete: false } }],
      },
    ],
  });
  appId = kintone.store.listApps()[0]!.id;
});

afterAll(async () => {
  await kintone.close();
});

describe("KintoneRecordStore › a checkout's calls", () => {
  it("reads, downloads and writes without loading the kintone SDK; other calls load it", async () => {
    const store = new KintoneRecordStore({ baseUrl: kintone.url, apiTokens: { [appId]: TOKEN } });
    const { fileKey } = kintone.store.putFile(new Uint8Array([7, 8]), "p.png", "image/png");
    const [id] = kintone.store.addRecords(appId, [
      { name: { value: "mug" }, photo: { value: [{ fileKey }] } },
    ]).ids;

    const [record] = await store.getRecords(appId, [id!]);
    const attached = (record!.photo as { value: { fileKey: string }[] }).value[0]!.fileKey;
    expect([...(await store.downloadFile(attached, appId)).bytes]).toEqual([7, 8]);
    expect([...(await store.downloadFile(attached)).bytes]).toEqual([7, 8]);
    await store.updateRecords(appId, [{ id: id!, record: { name: { value: "big mug" } } }]);

    expect(loadedKintoneSdk()).toBeUndefined();
    expect((await store.getRecords(appId, [id!]))[0]!.name).toMatchObject({ value: "big mug" });

    await store.getFormFields(appId);
    expect(loadedKintoneSdk()).toBeDefined();
  });
});
