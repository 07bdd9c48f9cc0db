import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { KintoneStore } from "../../kintone/KintoneStore";
import { PluginSettingsStore } from "../../kintone/pages/PluginSettingsStore";
import { createSampleApps } from "../../sampleApps";
import { startStripeEmulator } from "../../stripe/StripeEmulator";
import { StripeStore } from "../../stripe/StripeStore";
import { moveOrigins, readSandboxState, snapshotFile, SnapshotKeeper } from "../SandboxSnapshot";
import { decodeSnapshot, encodeSnapshot } from "../snapshotJson";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sandbox-snapshot-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("snapshot JSON", () => {
  it("gives Maps and bytes back as they were", () => {
    const value = {
      map: new Map<unknown, unknown>([
        [1, { bytes: Buffer.from("héllo") }],
        ["b", new Map([["nested", new Uint8Array([0, 255])]])],
      ]),
      list: [1, "two", null],
    };
    const decoded = decodeSnapshot(encodeSnapshot(value)) as typeof value;
    expect(decoded.map.get(1)).toEqual({ bytes: Buffer.from("héllo") });
    expect([...((decoded.map.get("b") as Map<string, Uint8Array>).get("nested") ?? [])]).toEqual([
      0, 255,
    ]);
    expect(decoded.list).toEqual([1, "two", null]);
  });
});

describe("saving then loading", () => {
  it("gives kintone's apps, records and files back equal", async () => {
    const store = new KintoneStore();
    await createSampleApps(store);
    store.loginUser.language = "en";
    const saved = store.captureState();
    const restored = new KintoneStore();
    restored.restoreState(decodeSnapshot(encodeSnapshot(saved)) as typeof saved);
    expect(restored.captureState()).toEqual(saved);
    expect(restored.queryRecords("1", "order by $id asc").records).toEqual(
      store.queryRecords("1", "order by $id asc").records,
    );
    const fileKey = (store.getRecord("1", "1")?.image?.value as Array<{ fileKey: string }>)[0]
      ?.fileKey;
    expect(restored.getFile(fileKey ?? "")?.bytes).toEqual(store.getFile(fileKey ?? "")?.bytes);
    // New records keep counting where the saved ones stopped.
    const added = restored.addRecords("1", [
      {
        product_code: { value: "NEW" },
        product_name: { value: "n" },
        unit_price: { value: "1" },
        currency: { value: "JPY" },
      },
    ]);
    expect(added.ids).toEqual(["13"]);
    expect(restored.loginUser.language).toBe("en");
  });

  it("gives the plugin settings back equal", () => {
    const settings = new PluginSettingsStore();
    settings.setConfig("1", "plugin", { proxyUrl: "http://localhost:3000/", mapping: "{}" });
    settings.setProxyConfig("1", "plugin", {
      url: "http://localhost:3000/",
      method: "POST",
      headers: { Authorization: "Bearer s" },
      data: { appId: "1" },
    });
    const restored = new PluginSettingsStore();
    restored.restoreState(decodeSnapshot(encodeSnapshot(settings.captureState())) as never);
    expect(restored.captureState()).toEqual(settings.captureState());
    expect(restored.getConfig("1", "plugin")).toEqual(settings.getConfig("1", "plugin"));
  });

  it("gives the Stripe emulator's objects back equal, its clock never behind", async () => {
    const emulator = await startStripeEmulator({ frozenClock: true });
    try {
      const saved = emulator.captureState();
      await emulator.advanceClock(3600);
      const withTime = emulator.captureState();
      const store = new StripeStore();
      store.restoreState(decodeSnapshot(encodeSnapshot(withTime)) as typeof withTime);
      expect(store.captureState().collections).toEqual(saved.collections);
      expect(store.nowMs()).toBeGreaterThanOrEqual(withTime.nowMs);
    } finally {
      await emulator.close();
    }
  });
});

describe("SnapshotKeeper", () => {
  const parts = {
    kintone: new KintoneStore().captureState(),
    pluginSettings: [],
    stripe: new StripeStore().captureState(),
  };

  it("writes when the state changed, atomically, and readSandboxState reads it back", () => {
    let state = parts;
    const keeper = new SnapshotKeeper(
      dataDir,
      () => state,
      () => ({ kintone: "http://localhost:1" }),
    );
    expect(keeper.saveNow()).toBe(true);
    expect(keeper.saveNow()).toBe(false);
    state = {
      ...parts,
      pluginSettings: [{ appId: "1", pluginId: "p", config: { a: "b" }, proxyConfigs: [] }],
    } as never;
    expect(keeper.saveNow()).toBe(true);
    expect(readdirSync(dataDir)).toEqual(["sandbox-state.json"]);
    const read = readSandboxState(dataDir);
    expect(read?.pluginSettings).toEqual(state.pluginSettings);
    expect(read?.origins).toEqual({ kintone: "http://localhost:1" });
  });

  it("says how to start fresh when the saved file cannot be read", () => {
    writeFileSync(snapshotFile(dataDir), '{"version":1,"savedAt":"x","origins":{},"kintone":');
    expect(() => readSandboxState(dataDir)).toThrow("start fresh with npm start -- --reset");
    writeFileSync(snapshotFile(dataDir), '{"version":0}');
    expect(() => readSandboxState(dataDir)).toThrow("npm start -- --reset");
  });

  it("reads nothing from an empty folder", () => {
    expect(readSandboxState(dataDir)).toBeUndefined();
    expect(existsSync(snapshotFile(dataDir))).toBe(false);
  });
});

describe("moveOrigins", () => {
  it("moves the saved addresses to the new ones, not longer ports that start alike", () => {
    const text = '"http://localhost:3000/x" "http://localhost:30001/" "http://localhost:12111/c"';
    expect(
      moveOrigins(
        text,
        { proxy: "http://localhost:3000", stripe: "http://localhost:12111" },
        { proxy: "http://localhost:4000", stripe: "http://localhost:12111" },
      ),
    ).toBe('"http://localhost:4000/x" "http://localhost:30001/" "http://localhost:12111/c"');
  });
});
