/** @jest-environment jsdom */
import { chooseLanguage, messages, messagesForLoginUser } from "../messages";

function setLoginLanguage(language: string) {
  (window as unknown as { kintone: unknown }).kintone = {
    getLoginUser: () => ({ language }),
  };
}

describe("messages", () => {
  afterEach(() => {
    delete (window as unknown as { kintone?: unknown }).kintone;
  });

  it("speaks Japanese to a user whose kintone is in Japanese", () => {
    setLoginLanguage("ja");
    expect(messagesForLoginUser()).toBe(messages.ja);
    expect(messagesForLoginUser().loadedRecords(3)).toBe("この一覧のレコード: 3 件");
  });

  it("speaks English to a user whose kintone is in English", () => {
    setLoginLanguage("en");
    expect(messagesForLoginUser()).toBe(messages.en);
    expect(messagesForLoginUser().loadedRecords(1)).toBe("1 record in this view");
    expect(messagesForLoginUser().loadedRecords(2)).toBe("2 records in this view");
  });

  it.each(["zh", "zh-TW", "es", "pt-BR", "th", ""])(
    "falls back to English for a language it has no texts for (%p)",
    (language) => {
      expect(chooseLanguage(language)).toBe("en");
    },
  );

  it("falls back to English when kintone is not there to ask", () => {
    expect(chooseLanguage(undefined)).toBe("en");
    expect(messagesForLoginUser()).toBe(messages.en);
  });

  it("has every text in both languages, none empty", () => {
    const keys = Object.keys(messages.en).sort();
    expect(Object.keys(messages.ja).sort()).toEqual(keys);
    for (const language of ["ja", "en"] as const) {
      for (const key of keys) {
        const text = messages[language][key as keyof typeof messages.en];
        const rendered = typeof text === "function" ? text(2) : text;
        expect(rendered.trim()).not.toBe("");
      }
    }
  });
});
