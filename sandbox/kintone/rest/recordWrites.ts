/** What record.json and records.json share for writes: the batch cap, updateKey targets, system-field rights. */
import { KintoneApiError, invalidInput } from "../KintoneApiError";
import type { KintoneStore } from "../KintoneStore";
import type { RecordUpdate } from "../store/storedRecord";
import { listParam, param, required, type ApiCall } from "./apiCall";

/** kintone's write caps: 100 records per request (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/). */
export const MAX_RECORDS_PER_WRITE = 100;

/** The `records` of a bulk write: required, and at most 100 at one time. */
export function recordsToWrite(req: ApiCall, verb: "added" | "updated"): unknown[] {
  const records = listParam(param(req, "records"));
  if (!records) throw required("records");
  if (records.length > MAX_RECORDS_PER_WRITE) {
    throw invalidInput({
      records: { messages: [`A maximum of 100 records can be ${verb} at one time.`] },
    });
  }
  return records;
}

/**
 * Setting creator, modifier or their times on a new record needs app management rights
 * (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-records/); a token without them is refused.
 */
export function requireManageForSystemFields(
  store: KintoneStore,
  req: ApiCall,
  app: string,
  records: Array<Record<string, { value: unknown }>>,
): void {
  if (req.caller?.kind !== "token" || req.caller.grants.get(app)?.manage) return;
  const systemCodes = store
    .requireApp(app)
    .fields.filter((f) => ["CREATOR", "MODIFIER", "CREATED_TIME", "UPDATED_TIME"].includes(f.type))
    .map((f) => f.code);
  const setsSystemField = records.some((record) =>
    systemCodes.some((code) => record?.[code]?.value !== undefined && record[code]?.value !== null),
  );
  if (setsSystemField) {
    // Code unverified; the message is kintone's ("…アプリに管理権限が必要です").
    throw new KintoneApiError(
      403,
      "CB_NO02",
      "App management permission is needed to add records with creator, modifier or their times.",
    );
  }
}

/** The target of one update: `id`, or `updateKey: { field, value }` on a field whose values are unique. */
export function resolveUpdate(
  store: KintoneStore,
  app: string,
  item: Record<string, unknown>,
  path: string,
): RecordUpdate {
  const record = (item.record ?? {}) as Record<string, { value: unknown }>;
  const revision = item.revision as string | number | undefined;
  const withRevision = revision === undefined || revision === null ? {} : { revision };
  if (item.id !== undefined && item.id !== null && item.id !== "") {
    if (!/^\d+$/.test(String(item.id)))
      throw invalidInput({ [`${path}id`]: { messages: ["Enter an integer value."] } });
    return { id: String(item.id), record, ...withRevision };
  }
  const updateKey = item.updateKey as { field?: unknown; value?: unknown } | undefined;
  if (!updateKey || typeof updateKey.field !== "string") throw required(`${path}id`);
  // Only a SINGLE_LINE_TEXT or NUMBER field with "prohibit duplicate values" can be an updateKey
  // (https://cybozu.dev/ja/kintone/docs/rest-api/records/update-record/).
  const field = store.requireApp(app).fields.find((f) => f.code === updateKey.field);
  if (!field || !field.unique || !["SINGLE_LINE_TEXT", "NUMBER"].includes(field.type)) {
    throw new KintoneApiError(400, "GAIA_FC01", `The field (code: ${updateKey.field}) not found.`);
  }
  const escaped = String(updateKey.value ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"');
  const { records } = store.queryRecords(app, `${updateKey.field} = "${escaped}" limit 1`);
  const id = records[0]?.$id?.value;
  if (typeof id !== "string") {
    throw new KintoneApiError(
      404,
      "GAIA_RE01",
      `The specified record (${updateKey.field}: ${String(updateKey.value)}) is not found.`,
    );
  }
  return { id, record, ...withRevision };
}
