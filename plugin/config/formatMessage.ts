/**
 * Fills `{name}` placeholders of a message with the given values. Only the names given are
 * replaced, so texts that mention `{{field_code}}` or `{CHECKOUT_SESSION_ID}` stay as written.
 */
export function formatMessage(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
