/** RecordStore.runProcessAction with the real REST client against the kintone emulator. */
import {
  startKintoneEmulator,
  type KintoneEmulator,
} from "../../../../sandbox/kintone/KintoneEmulator";
import {
  createProcessApp,
  setProcessSettings,
} from "../../../../sandbox/kintone/ProcessManagement";
import { ORDERS_PROCESS, PROCESS_STATUS_CODE } from "../../../../testkit/labelledOrdersApp";
import { KintoneActionRefusedError } from "../KintoneActionRefusedError";
import { KintoneRecordStore } from "../KintoneRecordStore";

const TOKEN = "processtoken1";
let kintone: KintoneEmulator;
let appId: string;
let store: KintoneRecordStore;

beforeEach(async () => {
  kintone = await startKintoneEmulator();
  appId = createProcessApp(
    kintone.store,
    {
      name: "Orders",
      fields: [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }],
      apiTokens: [{ token: TOKEN, rights: { view: true, add: false, edit: true, delete: false } }],
      records: [{ name: { value: "抹茶" } }],
    },
    ORDERS_PROCESS,
  ).id;
  store = new KintoneRecordStore({
    baseUrl: kintone.url,
    apiTokens: { [appId]: TOKEN },
    retryDelayMs: 1,
  });
});
afterEach(() => kintone.close());

const statusOf = () =>
  (kintone.store.getRecord(appId, "1")?.[PROCESS_STATUS_CODE] as { value: string }).value;

describe("KintoneRecordStore.runProcessAction", () => {
  it("moves the record along the action", async () => {
    await store.runProcessAction(appId, "1", "入金を確認する");
    expect(statusOf()).toBe("入金済み");
  });

  it("throws KintoneActionRefusedError (notOffered) for an action the status does not offer, once", async () => {
    const refused = store.runProcessAction(appId, "1", "発送する");
    await expect(refused).rejects.toBeInstanceOf(KintoneActionRefusedError);
    await expect(refused).rejects.toMatchObject({ reason: "notOffered", action: "発送する" });
    const puts = kintone.requests.filter((r) => r.path === "/k/v1/record/status.json");
    expect(puts).toHaveLength(1);
    expect(statusOf()).toBe("未処理");
  });

  it("throws KintoneActionRefusedError (processOff) while the app's process management is off", async () => {
    setProcessSettings(kintone.store, appId, { ...ORDERS_PROCESS, enable: false });
    await expect(store.runProcessAction(appId, "1", "入金を確認する")).rejects.toMatchObject({
      reason: "processOff",
    });
  });

  it("retries a busy kintone, as every call", async () => {
    kintone.failNext({ pathPrefix: "/k/v1/record/status.json", status: 503 });
    await store.runProcessAction(appId, "1", "入金を確認する");
    expect(statusOf()).toBe("入金済み");
  });
});
