/**
 * parseMappingConfig, remembered by the exact JSON text: a list's button sends the same mapping
 * with every checkout, and parsing is pure, so each distinct text is parsed and checked once
 * (the schema and the cross-field checks were ~3% of the proxy's CPU per checkout). The answers
 * are frozen, since every caller shares them. A bounded number of texts is kept, the least
 * recently used dropped first.
 */
import { parseMappingConfig, type ParseMappingResult } from "./parseMappingConfig";

/** Distinct mapping texts remembered: far more than the apps and views one proxy serves. */
export const REMEMBERED_MAPPINGS = 64;

const remembered = new Map<string, ParseMappingResult>();

export function parseMappingConfigOnce(json: string): ParseMappingResult {
  if (typeof json !== "string") return parseMappingConfig(json);
  const known = remembered.get(json);
  if (known) {
    // Re-inserted: a Map iterates in insertion order, so its first key is the least recent.
    remembered.delete(json);
    remembered.set(json, known);
    return known;
  }
  const result = deepFreeze(parseMappingConfig(json));
  remembered.set(json, result);
  if (remembered.size > REMEMBERED_MAPPINGS) {
    remembered.delete(remembered.keys().next().value as string);
  }
  return result;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
