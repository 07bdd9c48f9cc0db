/**
 * What the proxy needs from kintone, with the app's own API token. Only the kintone adapter
 * imports `@kintone/rest-api-client`. Failures are thrown as `UpstreamError("kintone", …)`,
 * missing records as `RecordNotFoundError`, revision conflicts on write as `RecordChangedError`;
 * on write, a value a field does not take as `KintoneValuesRefusedError` and a field the form
 * lacks as `KintoneFieldMissingError` (both in adapters/kintone/, both `UpstreamError`s).
 */
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";

export interface RecordUpdate {
  id: string;
  /** When given, the write fails with a conflict if the record's revision differs. */
  revision?: string;
  record: Record<string, { value: unknown }>;
}

export interface FormField {
  code: string;
  label: string;
  type: string;
  /** Choices of DROP_DOWN / RADIO_BUTTON / CHECK_BOX / MULTI_SELECT fields. */
  options?: string[];
  /** Columns of a SUBTABLE field. */
  fields?: FormField[];
}

/** What an app's API token was found to allow; `unverified` when kintone's answer did not tell. */
export type TokenRightCheck = { result: "granted" | "denied" | "unverified"; detail?: string };

export interface TokenRights {
  view: TokenRightCheck;
  edit: TokenRightCheck;
  /** Uploading a file (what attaching one to a record starts with). */
  fileUpload: TokenRightCheck;
}

export interface RecordStore {
  /** The named records, in the order asked; throws `RecordNotFoundError` naming every missing id. */
  getRecords(appId: string, recordIds: string[]): Promise<KintoneRecord[]>;
  /**
   * Ids and revisions of the records matching a kintone query condition (any number: cursor
   * beyond 10,000), in id order; with `limit`, only the first ones (one plain read).
   */
  queryRecordIds(
    appId: string,
    condition: string,
    options?: { limit?: number },
  ): Promise<{ id: string; revision: string }[]>;
  /** Writes in all-or-nothing batches of at most 100 records per request. */
  updateRecords(appId: string, updates: RecordUpdate[]): Promise<void>;
  /** `appId`, when known, picks that app's token; without it all configured tokens are sent. */
  downloadFile(
    fileKey: string,
    appId?: string,
  ): Promise<{ bytes: Uint8Array; contentType?: string }>;
  getFormFields(appId: string): Promise<FormField[]>;
  /** What the app's token may do (view, edit, upload files), found without changing a record. */
  checkTokenRights(appId: string): Promise<TokenRights>;
  /**
   * Runs a process-management action on one record (`PUT /k/v1/record/status.json`); a record
   * whose status does not offer it, or an app without process management, throws
   * `KintoneActionRefusedError` (adapters/kintone/).
   */
  runProcessAction(appId: string, recordId: string, action: string): Promise<void>;
  /** Whether this proxy has a token for the app at all (no request made). */
  hasApp(appId: string): boolean;
}
