/**
 * The record store port in memory, for unit tests: apps of records with revisions, files, and the
 * updates written; it refuses what kintone refuses (over 100 records, a value a field does not take).
 */
import type { KintoneRecord } from "../core/kintone/KintoneRecord";
import { RecordNotFoundError } from "../proxy/errors/RecordNotFoundError";
import { UpstreamError } from "../proxy/errors/UpstreamError";
import { KintoneActionRefusedError } from "../proxy/adapters/kintone/KintoneActionRefusedError";
import { KintoneValuesRefusedError } from "../proxy/adapters/kintone/KintoneValuesRefusedError";
import type { FormField, RecordStore, RecordUpdate, TokenRights } from "../proxy/ports/RecordStore";

export class FakeRecordStore implements RecordStore {
  apps = new Map<string, Map<string, KintoneRecord>>();
  files = new Map<string, Uint8Array>();
  updates: { appId: string; updates: RecordUpdate[] }[] = [];
  failUpdates = 0;
  formFields: FormField[] = [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }];

  addRecord(appId: string, fields: Record<string, { type: string; value: unknown }>) {
    const app = this.apps.get(appId) ?? new Map<string, KintoneRecord>();
    this.apps.set(appId, app);
    const id = String(app.size + 1);
    app.set(id, {
      $id: { type: "__ID__", value: id },
      $revision: { type: "__REVISION__", value: "1" },
      ...fields,
    } as KintoneRecord);
    return id;
  }

  /** An edit by someone else: a field changes, the revision moves on. */
  edit(appId: string, recordId: string, field: string, value: string) {
    const record = this.apps.get(appId)?.get(recordId);
    if (!record) throw new Error("no record");
    (record[field] as { value: unknown }).value = value;
    const revision = record.$revision as { value: string };
    revision.value = String(Number(revision.value) + 1);
  }

  /** What `checkTokenRights` answers; default every right granted. */
  tokenRights: TokenRights = {
    view: { result: "granted" },
    edit: { result: "granted" },
    fileUpload: { result: "granted" },
  };

  async checkTokenRights(_appId: string): Promise<TokenRights> {
    return structuredClone(this.tokenRights);
  }

  hasApp(appId: string) {
    return this.apps.has(appId);
  }

  async getRecords(appId: string, recordIds: string[]) {
    const app = this.apps.get(appId) ?? new Map();
    const missing = recordIds.filter((id) => !app.has(id));
    if (missing.length) throw new RecordNotFoundError(appId, missing);
    return recordIds.map((id) => structuredClone(app.get(id) as KintoneRecord));
  }

  async queryRecordIds(appId: string) {
    return [...(this.apps.get(appId)?.values() ?? [])].map((r) => ({
      id: String(r.$id?.value),
      revision: String(r.$revision?.value),
    }));
  }

  async updateRecords(appId: string, updates: RecordUpdate[]) {
    if (updates.length > 100) throw new Error("kintone takes at most 100 records per write");
    if (this.failUpdates > 0) {
      this.failUpdates--;
      throw new UpstreamError("kintone", "kintone is busy or unavailable. Try again later.", {
        retryable: true,
      });
    }
    const app = this.apps.get(appId);
    // Like kintone's CB_VA01: one value a field does not take refuses the whole request.
    if (updates.some((u) => Object.values(u.record).some((f) => f.value === "REFUSED-VALUE"))) {
      throw new KintoneValuesRefusedError([], {
        message: "kintone refused the values written.",
        upstreamStatus: 400,
      });
    }
    this.updates.push({ appId, updates });
    for (const update of updates) {
      const record = app?.get(update.id);
      if (!record) throw new RecordNotFoundError(appId, [update.id]);
      for (const [code, { value }] of Object.entries(update.record)) {
        const existing = record[code] as { type: string; value: unknown } | undefined;
        record[code] = { type: existing?.type ?? "SINGLE_LINE_TEXT", value } as never;
      }
      const revision = record.$revision as { value: string };
      revision.value = String(Number(revision.value) + 1);
    }
  }

  downloads: string[] = [];

  async downloadFile(fileKey: string) {
    this.downloads.push(fileKey);
    const bytes = this.files.get(fileKey);
    if (!bytes) throw new UpstreamError("kintone", "no such file");
    return { bytes };
  }

  async getFormFields(_appId: string) {
    return this.formFields;
  }

  /** Actions run, in order; an action named in `refusedActions` is refused as kintone does. */
  actionsRun: { appId: string; recordId: string; action: string }[] = [];
  refusedActions = new Set<string>();

  async runProcessAction(appId: string, recordId: string, action: string) {
    if (this.refusedActions.has(action)) throw new KintoneActionRefusedError(action, "notOffered");
    this.actionsRun.push({ appId, recordId, action });
  }

  field(appId: string, recordId: string, code: string): unknown {
    return (this.apps.get(appId)?.get(recordId)?.[code] as { value: unknown } | undefined)?.value;
  }
}
