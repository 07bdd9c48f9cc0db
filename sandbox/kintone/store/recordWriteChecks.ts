/** Checks of a write that look past one value: unknown field codes, duplicate values, missing records. */
import {
  KintoneApiError,
  addError,
  invalidInput,
  type KintoneErrorDetails,
} from "../KintoneApiError";
import type { FieldDef } from "./appDefinition";
import type { AppState } from "./storedRecord";

/**
 * kintone's "prohibit duplicate values" setting (`unique`): a written value equal to another record's,
 * or to another one of the same batch, fails with CB_VA01 at that field.
 */
export function checkUniqueValues(
  app: AppState,
  written: Array<{ id?: number; values: Record<string, unknown>; path: string }>,
  errors: KintoneErrorDetails,
): void {
  const writtenIds = new Set(written.map((w) => w.id));
  for (const field of app.info.fields) {
    if (!field.unique) continue;
    const key = (value: unknown) =>
      field.type === "NUMBER" && value !== "" ? String(Number(value)) : String(value ?? "");
    const taken = new Set<string>();
    for (const stored of app.records.values()) {
      if (!writtenIds.has(stored.id)) taken.add(key(stored.values[field.code]));
    }
    for (const { values, path } of written) {
      const value = values[field.code];
      if (value === undefined || value === "") continue;
      if (taken.has(key(value))) {
        addError(
          errors,
          `${path}.${field.code}.value`,
          "This value already exists in another record.",
        );
      }
      taken.add(key(value));
    }
  }
}

/** kintone's `GAIA_FC01` for the first code that is not one of `fields` (`$id`, `$revision` pass). */
export function rejectUnknownCodes(codes: string[], fields: FieldDef[]): void {
  for (const code of codes) {
    if (code === "$id" || code === "$revision") continue;
    if (!fields.some((f) => f.code === code)) {
      throw new KintoneApiError(400, "GAIA_FC01", `The field (code: ${code}) not found.`);
    }
  }
}

export function recordNotFound(id: string): KintoneApiError {
  return new KintoneApiError(404, "GAIA_RE01", `The specified record (ID: ${id}) is not found.`);
}

/** kintone's `GAIA_CO02` when a write names a revision that is not the record's latest. */
export function revisionConflict(): KintoneApiError {
  return new KintoneApiError(
    409,
    "GAIA_CO02",
    "The revision is not the latest. Someone may update a record.",
  );
}

/** An update's revision: not an integer fails with CB_VA01 at `path`, another than `current` with GAIA_CO02 (none or -1 skips). */
export function checkRevision(revision: unknown, current: number, path: string): void {
  if (revision !== undefined && revision !== null && !/^-?\d+$/.test(String(revision))) {
    throw invalidInput({ [path]: { messages: ["Enter an integer value."] } });
  }
  const expected = revision === undefined || revision === null ? -1 : Number(revision);
  if (expected !== -1 && expected !== current) throw revisionConflict();
}
