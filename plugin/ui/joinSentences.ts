/**
 * Sentences side by side: a space between English ones, none after a Japanese full stop or other
 * full-width punctuation (「。」「：」「）」…) — Japanese text puts no space there.
 */
export function joinSentences(parts: string[]): string {
  return parts
    .filter((part) => part !== "")
    .reduce((text, part) => {
      if (text === "") return part;
      return /[。、：」）！？]$/u.test(text) ? text + part : `${text} ${part}`;
    }, "");
}
