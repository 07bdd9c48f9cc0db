/** Hostile input for the engine fuzz tests: field codes and texts that attackers and slips write. */
import fc from "fast-check";

const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
];

/** Field codes a kintone admin (or an attacker editing the mapping) could write. */
export const hostileCode = fc
  .oneof(
    fc.constantFrom(
      ...PROTOTYPE_KEYS,
      "名前",
      "価格_税込",
      "🍵 tea",
      "a.b",
      "a b",
      "\u202erlo",
      "zero\u200bwidth",
      "e\u0301",
      "x".repeat(128),
    ),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  )
  .filter((code) => code.length <= 128 && code !== "$id" && code !== "$revision");

/** Codes a `{{code}}` placeholder can name: no braces, no white space at the ends. */
export const placeholderCode = hostileCode.filter(
  (code) => !/[{}]/.test(code) && code === code.trim() && code !== "",
);

/** Text with halves of surrogate pairs where they can hide: alone, at either end, reversed. */
export const brokenUnicode = fc
  .array(
    fc.oneof(
      fc.constantFrom("\uD83C", "\uDF75", "\uDF75\uD83C", "\uD800", "\uDBFF", "\uDC00", "🍵", "é"),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => `Tea ${parts.join("")}`);
/** The same halves in a URL path: no white space. */
export const brokenPath = fc
  .array(fc.constantFrom("\uD83C", "\uDF75", "\uD800", "\uDC00", "🍵", "é", "a", "-"), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
