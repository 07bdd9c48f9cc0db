/**
 * Diagnostics speak the caller's language (the settings screen sends its own as Accept-Language):
 * each problem says what is wrong and what to do, then where the fix is written down,
 * ` → docs/<language>/troubleshooting.md#<anchor>` (the same anchors in both languages).
 */
export type DiagnosticsLanguage = "en" | "ja";

/** The English troubleshooting page; docs/ja/troubleshooting.md has the same anchors. */
export const TROUBLESHOOTING_DOC = "docs/en/troubleshooting.md";

export function help(anchor: string, language: DiagnosticsLanguage = "en"): string {
  return ` → docs/${language}/troubleshooting.md#${anchor}`;
}

/** The sentence in the caller's language. */
export function say(language: DiagnosticsLanguage, texts: { en: string; ja: string }): string {
  return texts[language];
}
