import { STRIPE_CHECKOUT_LOCALES } from "../../../core/mapping/MappingConfig";
import { localeLabel } from "../localeLabel";

describe("localeLabel", () => {
  it("names a locale in the screen's language, with its code", () => {
    expect(localeLabel("ja", "ja")).toBe("日本語 (ja)");
    expect(localeLabel("ja", "en")).toBe("Japanese (ja)");
    expect(localeLabel("fr-CA", "en")).toBe("Canadian French (fr-CA)");
  });

  it("gives every Checkout locale a name, not a bare code", () => {
    for (const code of STRIPE_CHECKOUT_LOCALES.filter((locale) => locale !== "auto")) {
      expect(localeLabel(code, "ja")).toMatch(new RegExp(`^\\S.* \\(${code}\\)$`));
    }
  });

  it("shows the code itself where no name can be had", () => {
    expect(localeLabel("not a tag", "en")).toBe("not a tag");
  });
});
