/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { LAST_ERROR_CLASS, lastErrorNote } from "../lastErrorNote";

describe("lastErrorNote", () => {
  const writeBack = { error: "checkout_error" };

  it("shows the record's error field with its label", () => {
    const note = lastErrorNote(
      document,
      { checkout_error: { value: "No payment link made: price: is empty" } },
      writeBack,
      messages.ja,
    );
    expect(note?.className).toBe(LAST_ERROR_CLASS);
    expect(note?.textContent).toBe("前回のエラーNo payment link made: price: is empty");
  });

  it("shows nothing for an empty field, a record without it, or a mapping that writes no error", () => {
    expect(
      lastErrorNote(document, { checkout_error: { value: "  " } }, writeBack, messages.en),
    ).toBeNull();
    expect(lastErrorNote(document, {}, writeBack, messages.en)).toBeNull();
    expect(lastErrorNote(document, { checkout_error: { value: "x" } }, {}, messages.en)).toBeNull();
  });

  it("keeps a text from data as text, never markup", () => {
    const note = lastErrorNote(
      document,
      { checkout_error: { value: "<b>x</b>" } },
      writeBack,
      messages.en,
    );
    expect(note?.querySelector("b")).toBeNull();
    expect(note?.textContent).toContain("<b>x</b>");
  });
});
