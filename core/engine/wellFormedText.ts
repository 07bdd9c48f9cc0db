/**
 * Text as UTF-8 can carry it: a lone UTF-16 surrogate (half an emoji, from pasted text or a JSON
 * "\ud800" escape) becomes U+FFFD, as every UTF-8 encoder writes it. Stripe would show U+FFFD
 * anyway, and the Stripe SDK's form encoding (encodeURIComponent) throws on a lone surrogate.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
