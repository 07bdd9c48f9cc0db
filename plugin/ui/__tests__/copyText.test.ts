/** @jest-environment jsdom */
import { copyText } from "../copyText";

function setClipboard(clipboard: unknown) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
}

describe("copyText", () => {
  afterEach(() => {
    setClipboard(undefined);
    delete (document as { execCommand?: unknown }).execCommand;
  });

  it("uses the clipboard API where the page may", async () => {
    const writeText = jest.fn(async () => undefined);
    setClipboard({ writeText });
    await expect(copyText(document, "https://pay/cs_1")).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith("https://pay/cs_1");
  });

  it("falls back to a selected textarea when the clipboard API refuses, and leaves nothing behind", async () => {
    setClipboard({ writeText: async () => Promise.reject(new Error("denied")) });
    let copied = "";
    document.execCommand = jest.fn(() => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? "";
      return true;
    });
    await expect(copyText(document, "https://pay/cs_2")).resolves.toBe(true);
    expect(document.execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toBe("https://pay/cs_2");
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("reports failure when neither way works", async () => {
    document.execCommand = jest.fn(() => false);
    await expect(copyText(document, "x")).resolves.toBe(false);
  });
});
