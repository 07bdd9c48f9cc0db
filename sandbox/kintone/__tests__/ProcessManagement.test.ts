/** Process management through the REST client, as kintone documents it. */
import { KintoneRestAPIClient, KintoneRestAPIError } from "@kintone/rest-api-client";
import { startKintoneEmulator, type KintoneEmulator } from "../KintoneEmulator";
import { createProcessApp, setProcessSettings } from "../ProcessManagement";

const PROCESS = {
  enable: true,
  states: ["未処理", "入金済み", "発送済み"],
  actions: [
    { name: "入金確認", from: "未処理", to: "入金済み" },
    { name: "発送", from: "入金済み", to: "発送済み" },
  ],
};
const FULL = { view: true, add: true, edit: true, delete: true };

let emulator: KintoneEmulator;
let client: KintoneRestAPIClient;
let appId: string;

beforeEach(async () => {
  emulator = await startKintoneEmulator();
  appId = createProcessApp(
    emulator.store,
    {
      name: "Orders",
      fields: [{ code: "title", label: "Title", type: "SINGLE_LINE_TEXT" }],
      apiTokens: [{ token: "t-full", rights: FULL }],
      records: [{ title: { value: "first" } }],
    },
    PROCESS,
  ).id;
  client = new KintoneRestAPIClient({ baseUrl: emulator.url, auth: { apiToken: "t-full" } });
});
afterEach(() => emulator.close());

async function kintoneError(promise: Promise<unknown>): Promise<KintoneRestAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KintoneRestAPIError) return error;
    throw error;
  }
  throw new Error("kintone answered without an error");
}

const statusOf = async (id: string) =>
  ((await client.record.getRecord({ app: appId, id })).record["ステータス"] as { value: string })
    .value;

describe("PUT /k/v1/record/status.json", () => {
  it("starts a record in the first state and moves it along an action, its revision up by two", async () => {
    expect(await statusOf("1")).toBe("未処理");
    const { revision } = await client.record.updateRecordStatus({
      app: appId,
      id: "1",
      action: "入金確認",
    });
    expect(revision).toBe("3");
    expect(await statusOf("1")).toBe("入金済み");
  });

  it("refuses an action the record's state does not offer with GAIA_IL03", async () => {
    const error = await kintoneError(
      client.record.updateRecordStatus({ app: appId, id: "1", action: "発送" }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_IL03" });
    expect(await statusOf("1")).toBe("未処理");
  });

  it("refuses a stale revision with GAIA_CO02", async () => {
    const error = await kintoneError(
      client.record.updateRecordStatus({ app: appId, id: "1", action: "入金確認", revision: 7 }),
    );
    expect(error).toMatchObject({ status: 409, code: "GAIA_CO02" });
  });

  it("refuses any action while process management is off with GAIA_ST02", async () => {
    setProcessSettings(emulator.store, appId, { ...PROCESS, enable: false });
    const error = await kintoneError(
      client.record.updateRecordStatus({ app: appId, id: "1", action: "入金確認" }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_ST02" });
  });

  it("answers GAIA_RE01 for a record that does not exist", async () => {
    const error = await kintoneError(
      client.record.updateRecordStatus({ app: appId, id: "99", action: "入金確認" }),
    );
    expect(error).toMatchObject({ status: 404, code: "GAIA_RE01" });
  });
});

describe("GET /k/v1/app/status.json", () => {
  it("answers the states in order and the actions", async () => {
    const settings = await client.app.getProcessManagement({ app: appId });
    expect(settings.enable).toBe(true);
    expect(settings.states).toMatchObject({
      未処理: { name: "未処理", index: "0" },
      入金済み: { name: "入金済み", index: "1" },
      発送済み: { name: "発送済み", index: "2" },
    });
    expect(settings.actions).toMatchObject([
      { name: "入金確認", from: "未処理", to: "入金済み" },
      { name: "発送", from: "入金済み", to: "発送済み" },
    ]);
  });

  it("answers null states and actions for an app never set up", async () => {
    const other = emulator.store.createApp({
      name: "Plain",
      fields: [],
      apiTokens: [{ token: "t-plain", rights: FULL }],
    }).id;
    const plain = new KintoneRestAPIClient({
      baseUrl: emulator.url,
      auth: { apiToken: "t-plain" },
    });
    expect(await plain.app.getProcessManagement({ app: other })).toMatchObject({
      enable: false,
      states: null,
      actions: null,
    });
  });
});

describe("GET /k/v1/app/form/fields.json of a process app", () => {
  it("lists its STATUS field, enabled, once", async () => {
    const { properties } = await client.app.getFormFields({ app: appId });
    expect(properties["ステータス"]).toEqual({
      type: "STATUS",
      code: "ステータス",
      label: "ステータス",
      enabled: true,
    });
    expect(properties.Status).toBeUndefined();
  });
});
