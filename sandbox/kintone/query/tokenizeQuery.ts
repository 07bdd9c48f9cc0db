/** A kintone query cut into words, string literals and symbols. */
import { invalidInput, type KintoneApiError } from "../KintoneApiError";

export type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; text: string; at: number }
  | { kind: "symbol"; text: string; at: number };

export function syntaxError(detail: string): KintoneApiError {
  return invalidInput({ query: { messages: [`The query is invalid: ${detail}.`] } });
}

const SYMBOLS = ["!=", ">=", "<=", "=", ">", "<", "(", ")", ","];

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '"') {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= query.length) throw syntaxError(`unterminated string at ${start}`);
        const c = query[i] as string;
        if (c === '"') break;
        // kintone refuses raw control characters (tab, newline) inside a string literal.
        if (c < " ") throw syntaxError(`control character in string at ${i}`);
        if (c === "\\") {
          const next = query[i + 1];
          if (next === undefined) throw syntaxError(`unterminated string at ${start}`);
          text += next;
          i += 2;
          continue;
        }
        text += c;
        i++;
      }
      i++;
      tokens.push({ kind: "string", text, at: start });
      continue;
    }
    const symbol = SYMBOLS.find((s) => query.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: "symbol", text: symbol, at: i });
      i += symbol.length;
      continue;
    }
    if (char === "!") throw syntaxError(`unexpected "!" at ${i}`);
    const start = i;
    while (i < query.length && !/[\s()=!<>,"]/.test(query[i] as string)) i++;
    tokens.push({ kind: "word", text: query.slice(start, i), at: start });
  }
  return tokens;
}
