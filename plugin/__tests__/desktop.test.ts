/** @jest-environment jsdom */
import { LIST_BUTTON_ID } from "../list/addListButton";
import { VIEW_SUMMARY_DIALOG_ID } from "../list/showViewSummaryDialog";

type Handler = (event: Record<string, unknown>) => unknown;

describe("desktop entry", () => {
  const handlers = new Map<string, Handler>();
  const headerMenuSpace = document.createElement("div");

  beforeAll(async () => {
    document.body.appendChild(headerMenuSpace);
    (window as unknown as { kintone: unknown }).kintone = {
      events: { on: (type: string, handler: Handler) => handlers.set(type, handler) },
      app: { getHeaderMenuSpaceElement: () => headerMenuSpace },
      getLoginUser: () => ({ language: "en" }),
    };
    await import("../desktop");
  });

  afterAll(() => {
    delete (window as unknown as { kintone?: unknown }).kintone;
  });

  function showList(size: number) {
    const handler = handlers.get("app.record.index.show");
    if (!handler) throw new Error("no app.record.index.show handler");
    const event = { type: "app.record.index.show", viewType: "list", records: [], size };
    expect(handler(event)).toBe(event); // kintone expects the event back
  }

  it("keeps one button on the list view while the user pages and filters", () => {
    showList(250);
    showList(120);
    showList(7);
    expect(headerMenuSpace.querySelectorAll(`#${LIST_BUTTON_ID}`)).toHaveLength(1);
  });

  it("opens a dialog with the record count of the view shown last", () => {
    showList(250);
    showList(7);
    document.getElementById(LIST_BUTTON_ID)?.click();
    const dialog = document.getElementById(VIEW_SUMMARY_DIALOG_ID) as HTMLDialogElement;
    expect(dialog.hasAttribute("open")).toBe(true);
    expect(dialog.textContent).toContain("This view has 7 records.");

    dialog.querySelector("button")?.click();
    expect(dialog.hasAttribute("open")).toBe(false);

    showList(9);
    document.getElementById(LIST_BUTTON_ID)?.click();
    expect(document.querySelectorAll(`#${VIEW_SUMMARY_DIALOG_ID}`)).toHaveLength(1);
    expect(dialog.textContent).toContain("This view has 9 records.");
  });
});
