/** @jest-environment jsdom */
import { saveSettings } from "../saveSettings";
import { currentGuestSpaceId } from "../guestSpaceId";
import { installFakeKintone, removeFakeKintone } from "./fakeKintone";

const SECRET = "s3cr3t-0123456789-abcdefghijklmnopqrstuvwxyz";
const PROXY = "https://proxy.example.com/";

/** kintone's api.url as it answers on a page of an app in guest space `spaceId`. */
function inGuestSpace(spaceId: string): void {
  const api = (globalThis as unknown as { kintone: { api: { url: unknown } } }).kintone.api;
  api.url = (path: string, detectGuestSpace?: boolean) =>
    `https://example.cybozu.com${detectGuestSpace ? path.replace("/k/v1/", `/k/guest/${spaceId}/v1/`) : path}`;
}

const save = () =>
  saveSettings({ proxyUrl: PROXY, secret: SECRET, appId: "12", mappingJson: '{"version":1}' });

afterEach(removeFakeKintone);

describe("saveSettings › guest space", () => {
  it("stores X-Kintone-Guest-Space-Id beside the app binding, for every method, in a guest space", async () => {
    const fake = installFakeKintone();
    inGuestSpace("5");
    await save();
    for (const method of ["GET", "POST"]) {
      expect(fake.proxy.get(`${method} ${PROXY}`)?.headers).toEqual({
        Authorization: `Bearer ${SECRET}`,
        "X-Kintone-App-Id": "12",
        "X-Kintone-Guest-Space-Id": "5",
      });
    }
  });

  it("stores no guest space header for an app outside guest spaces", async () => {
    const fake = installFakeKintone();
    await save();
    expect(fake.proxy.get(`POST ${PROXY}`)?.headers).not.toHaveProperty("X-Kintone-Guest-Space-Id");
  });
});

describe("currentGuestSpaceId", () => {
  it("reads the space from kintone's guest-space API URL, and nothing outside one", () => {
    installFakeKintone();
    expect(currentGuestSpaceId()).toBeUndefined();
    inGuestSpace("42");
    expect(currentGuestSpaceId()).toBe("42");
  });
});
