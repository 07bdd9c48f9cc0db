import { pickLanguage } from "../requestSchemas";

describe("pickLanguage", () => {
  it.each([
    [undefined, "en"],
    ["ja", "ja"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "ja"],
    ["en-US,en;q=0.9,ja;q=0.8", "en"],
    ["fr-FR,ja;q=0.5", "ja"],
    ["en;q=0.4,ja;q=0.6", "ja"],
    ["de", "en"],
  ])("Accept-Language %s → %s", (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});
