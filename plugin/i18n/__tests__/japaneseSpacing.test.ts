/** Japanese puts no space after 「。」 or 「、」: not in the plugin's texts, nor in the engine's. */
import { issueMessages } from "../../../core/engine/issueMessages";
import { messages } from "../messages";

const SPACE_AFTER_PUNCTUATION = /[。、][ \u3000]/;

/** A text or a text-making function, called with sample arguments (counts, names, values). */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "function") {
    const samples = [0, 1, 2].map((n) =>
      (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, () => n)),
    );
    return samples.flatMap((sample) =>
      typeof sample === "string" ? [sample] : textsOf((sample as { ja?: unknown }).ja),
    );
  }
  return [];
}

describe("Japanese spacing", () => {
  it.each(Object.keys(messages.ja))("the plugin's %s has no space after 。 or 、", (key) => {
    for (const text of textsOf(messages.ja[key as keyof typeof messages.ja])) {
      expect(text).not.toMatch(SPACE_AFTER_PUNCTUATION);
    }
  });

  it.each(Object.keys(issueMessages))("the engine's %s has no space after 。 or 、", (key) => {
    const make = issueMessages[key as keyof typeof issueMessages] as (...args: unknown[]) => {
      ja: string;
    };
    const text = make(...Array.from({ length: make.length }, (_, i) => (i === 0 ? "price" : "12")));
    expect(text.ja).not.toMatch(SPACE_AFTER_PUNCTUATION);
  });
});
