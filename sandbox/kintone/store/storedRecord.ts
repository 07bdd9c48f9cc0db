/** How the kintone emulator keeps an app's records between requests. */
import type { KintoneEntity, KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { AppInfo } from "./appDefinition";

export interface RecordUpdate {
  id: string;
  record: Record<string, { value: unknown }>;
  revision?: string | number;
}

export interface StoredRecord {
  id: number;
  revision: number;
  values: Record<string, unknown>;
  creator: KintoneEntity;
  modifier: KintoneEntity;
  createdAt: string;
  updatedAt: string;
  /** The REST shape, built on first read and dropped on every write; never handed out uncopied. */
  view?: KintoneRecord;
}

export interface AppState {
  info: AppInfo;
  records: Map<number, StoredRecord>;
  nextRecordId: number;
}

/** The creator, modifier and times a new record may carry (data migration). */
export interface SystemValues {
  creator?: KintoneEntity;
  modifier?: KintoneEntity;
  createdAt?: string;
  updatedAt?: string;
}
