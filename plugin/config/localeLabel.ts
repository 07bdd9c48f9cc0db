/**
 * A Checkout locale as a person reads it, "日本語 (ja)" / "Japanese (ja)": the language's name in
 * the screen's language, with the code Stripe takes. A browser without the name shows the code.
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/DisplayNames
 */
export function localeLabel(code: string, displayLanguage: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([displayLanguage], { type: "language" }).of(code);
  } catch {
    name = undefined;
  }
  return name === undefined || name === code ? code : `${name} (${code})`;
}
