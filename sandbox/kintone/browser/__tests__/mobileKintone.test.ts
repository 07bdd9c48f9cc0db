/** @jest-environment jsdom */
import { MOBILE_HEADER_SPACE_ID, type PageContext } from "../PageContext";
import { detailShowEventType, mobileKintone } from "../mobileKintone";

// jsdom's window lacks structuredClone, which every browser has; records are plain JSON here.
Object.assign(globalThis, {
  structuredClone: (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown,
});

const base = {
  appId: "7",
  appName: "Items",
  loginUser: {
    id: "1",
    code: "admin",
    name: "Administrator",
    email: "",
    language: "en" as const,
    timezone: "Asia/Tokyo",
  },
  requestToken: "token",
  pluginId: "plugin",
  pluginConfig: {},
  pluginScripts: [],
};
const record = { name: { type: "SINGLE_LINE_TEXT", value: "Tea" } };
const mobilePage = { ...base, page: "detail", mobile: true, recordId: "3", record } as PageContext;
const desktopPage = { ...base, page: "detail", recordId: "3", record } as PageContext;

beforeEach(() => {
  document.body.innerHTML = `<div id="${MOBILE_HEADER_SPACE_ID}"></div>`;
});

describe("the sandbox's kintone.mobile API", () => {
  it("answers the record, its id and the header space on the mobile record screen", () => {
    const { app } = mobileKintone(mobilePage);
    expect(app.getId()).toBe(7);
    expect(app.getHeaderSpaceElement()?.id).toBe(MOBILE_HEADER_SPACE_ID);
    expect(app.record.getId()).toBe(3);
    expect(app.record.get()).toEqual({ record });
    expect(detailShowEventType(mobilePage)).toBe("mobile.app.record.detail.show");
  });

  it("answers null on the desktop's screens, as kintone does outside the screens it names", () => {
    const { app } = mobileKintone(desktopPage);
    expect(app.getId()).toBeNull();
    expect(app.getHeaderSpaceElement()).toBeNull();
    expect(app.record.get()).toBeNull();
    expect(detailShowEventType(desktopPage)).toBe("app.record.detail.show");
  });
});
