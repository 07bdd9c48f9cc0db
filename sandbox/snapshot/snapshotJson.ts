/**
 * JSON for the sandbox's saved state, which holds Maps and bytes: a Map becomes
 * `{ "$map": [[key, value], …] }` and bytes `{ "$bytes": "<base64>" }`, and back.
 */

// By tag, not instanceof: structuredClone's copies may come from another realm (jest's sandbox).
function isMap(value: unknown): value is Map<unknown, unknown> {
  return Object.prototype.toString.call(value) === "[object Map]";
}

function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === "[object Uint8Array]";
}

export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    // The holder's own value: JSON.stringify has already called Buffer's toJSON on `encoded`.
    const original = this[key];
    if (isMap(original)) return { $map: [...original.entries()] };
    if (original instanceof Uint8Array || isBytes(original)) {
      return { $bytes: Buffer.from(original).toString("base64") };
    }
    return encoded;
  });
}

export function decodeSnapshot(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    const tagged = value as { $map?: unknown; $bytes?: unknown };
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map as Array<[unknown, unknown]>);
    if (typeof tagged.$bytes === "string") return Buffer.from(tagged.$bytes, "base64");
    return value;
  });
}
