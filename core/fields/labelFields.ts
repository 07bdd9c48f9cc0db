/**
 * Messages name a field the way its user knows it, by its label, and once. The engine and the
 * proxy quote a field by its code (「unit_price」, "unit_price", （currency）); here the quoted code
 * becomes the label ("価格").
 */

/** The label of a field code, or undefined when the app's form does not know it. */
export type FieldLabeler = (code: string) => string | undefined;

/** The ways core's messages quote a field: 「…」, "…", （…）, (…). */
const QUOTES: Array<[string, string]> = [
  ["「", "」"],
  ['"', '"'],
  ["（", "）"],
  ["(", ")"],
];

/** Replaces every quoted name the labeler knows (a message may name two fields) by its label. */
export function labelQuotedFields(message: string, labelOf: FieldLabeler): string {
  let text = message;
  for (const [open, close] of QUOTES) {
    const quoted = new RegExp(
      `${escape(open)}([^${escape(open)}${escape(close)}]+)${escape(close)}`,
      "g",
    );
    text = text.replace(quoted, (whole, name: string) => {
      const label = labelOf(name);
      return label === undefined || label === "" ? whole : `${open}${label}${close}`;
    });
  }
  return text;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the message already names the field (quoted, or as a template's {{code}}), so it need not be named again. */
export function mentionsField(message: string, name: string): boolean {
  return (
    message.includes(`{{${name}}}`) ||
    QUOTES.some(([open, close]) => message.includes(`${open}${name}${close}`))
  );
}

/** "価格 (unit_price)": for an administrator, who sets the mapping up by codes. */
export function labelWithCode(code: string, labelOf: FieldLabeler = () => undefined): string {
  const label = labelOf(code);
  return label === undefined || label === code ? code : `${label} (${code})`;
}
