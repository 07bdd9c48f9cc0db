/** The kintone adapter for an app in a guest space, with the real REST client against the emulator. */
import {
  startKintoneEmulator,
  type KintoneEmulator,
} from "../../../../sandbox/kintone/KintoneEmulator";
import { UpstreamError } from "../../../errors/UpstreamError";
import { KintoneRecordStore } from "../KintoneRecordStore";

const GUEST_TOKEN = "guestspacetoken1";
const PLAIN_TOKEN = "plainapptoken2";
const rights = { view: true, add: true, edit: true, delete: false };
let kintone: KintoneEmulator;
let guestApp: string;
let plainApp: string;

beforeAll(async () => {
  kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Plain",
        fields: [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }],
        apiTokens: [{ token: PLAIN_TOKEN, rights }],
        records: [{ name: { value: "plain" } }],
      },
    ],
  });
  plainApp = kintone.store.listApps()[0]!.id;
  guestApp = kintone.createGuestSpaceApp(
    {
      name: "Guest",
      fields: [
        { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
        { code: "photo", label: "Photo", type: "FILE" },
      ],
      apiTokens: [{ token: GUEST_TOKEN, rights }],
      records: [{ name: { value: "guest" } }],
    },
    "8",
  ).id;
});

afterAll(() => kintone.close());

const storeWith = (guestSpaceIds?: Record<string, string>) =>
  new KintoneRecordStore({
    baseUrl: kintone.url,
    apiTokens: { [guestApp]: GUEST_TOKEN, [plainApp]: PLAIN_TOKEN },
    retryDelayMs: 1,
    ...(guestSpaceIds ? { guestSpaceIds } : {}),
  });

describe("KintoneRecordStore › an app in a guest space", () => {
  it("reads, queries, updates and lists form fields under /k/guest/{spaceId}/v1", async () => {
    const store = storeWith({ [guestApp]: "8" });
    kintone.clearRequests();
    const [record] = await store.getRecords(guestApp, ["1"]);
    expect(record?.name?.value).toBe("guest");
    expect(await store.queryRecordIds(guestApp, "")).toEqual([{ id: "1", revision: "1" }]);
    await store.updateRecords(guestApp, [{ id: "1", record: { name: { value: "changed" } } }]);
    expect(kintone.store.getRecord(guestApp, "1")?.name?.value).toBe("changed");
    expect((await store.getFormFields(guestApp)).map((f) => f.code)).toContain("photo");
    const paths = kintone.requests.map((r) => r.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => p.startsWith("/k/guest/8/v1/"))).toBe(true);
  });

  it("downloads the app's files under its guest-space path, and other apps' on /k/v1", async () => {
    const store = storeWith({ [guestApp]: "8" });
    const { fileKey } = kintone.store.putFile(new Uint8Array([1, 2, 3]), "a.bin", "image/png");
    kintone.clearRequests();
    const file = await store.downloadFile(fileKey, guestApp);
    expect([...file.bytes]).toEqual([1, 2, 3]);
    expect(kintone.requests[0]?.path).toBe("/k/guest/8/v1/file.json");
    // A download that names no app sends only the tokens of apps outside guest spaces.
    await store.downloadFile(fileKey);
    expect(kintone.requests[1]?.path).toBe("/k/v1/file.json");
    expect(kintone.requests[1]?.status).toBe(200);
    const [plain] = await store.getRecords(plainApp, ["1"]);
    expect(plain?.name?.value).toBe("plain");
  });

  it("tells to write APP_ID@GUEST_SPACE_ID:TOKEN when the token was configured without its space", async () => {
    const attempt = storeWith().getRecords(guestApp, ["1"]);
    await expect(attempt).rejects.toBeInstanceOf(UpstreamError);
    await expect(attempt).rejects.toMatchObject({
      upstreamCode: "GAIA_IL23",
      retryable: false,
      message: expect.stringContaining(`${guestApp}@GUEST_SPACE_ID:TOKEN`),
    });
  });
});
