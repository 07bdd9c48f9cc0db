/** The store's contents as plain data, to save (the sandbox remembers across restarts) and put back. */
import type { PageLoginUser } from "../browser/PageContext";
import type { AppInfo } from "./appDefinition";
import type { AppState, StoredRecord } from "./storedRecord";
import type { KeptFile, StoredFiles } from "./StoredFiles";

/** What `captureState` answers: plain data (Maps and bytes aside) to save as JSON. */
export interface KintoneStoreState {
  apps: Array<{ info: AppInfo; records: StoredRecord[]; nextRecordId: number }>;
  files: Array<KeptFile & { fileKey: string }>;
  nextAppId: number;
  nextRowId: number;
  loginUser: PageLoginUser;
}

/** The apps, their records and the files, as `restoreStoreState` takes them back. */
export function captureStoreState(
  apps: Map<string, AppState>,
  files: StoredFiles,
  counters: { nextAppId: number; nextRowId: number; loginUser: PageLoginUser },
): KintoneStoreState {
  return {
    apps: [...apps.values()].map((app) => ({
      info: structuredClone(app.info),
      records: [...app.records.values()].map(({ view: _view, ...stored }) =>
        structuredClone(stored),
      ),
      nextRecordId: app.nextRecordId,
    })),
    files: files.entries().map(([fileKey, file]) => ({ fileKey, ...file })),
    nextAppId: counters.nextAppId,
    nextRowId: counters.nextRowId,
    loginUser: { ...counters.loginUser },
  };
}

/** Replaces every app, record and file with a captured state; answers the counters to take over. */
export function restoreStoreState(
  apps: Map<string, AppState>,
  files: StoredFiles,
  state: KintoneStoreState,
): { nextAppId: number; nextRowId: number; loginUser: PageLoginUser } {
  apps.clear();
  for (const app of state.apps) {
    const records = new Map(app.records.map((stored) => [stored.id, { ...stored }]));
    apps.set(app.info.id, { info: app.info, records, nextRecordId: app.nextRecordId });
  }
  files.replaceAll(
    state.files.map(({ fileKey, ...file }) => [fileKey, file] as [string, KeptFile]),
  );
  return {
    nextAppId: state.nextAppId,
    nextRowId: state.nextRowId,
    loginUser: { ...state.loginUser },
  };
}

/** Captures every app's records and the files; the returned function puts them back. */
export function checkpointRecords(apps: Map<string, AppState>, files: StoredFiles): () => void {
  const saved = [...apps.values()].map((app) => ({
    app,
    records: structuredClone(app.records),
    nextRecordId: app.nextRecordId,
  }));
  const savedFiles = files.entries();
  return () => {
    for (const { app, records, nextRecordId } of saved) {
      app.records = records;
      app.nextRecordId = nextRecordId;
    }
    files.replaceAll(savedFiles);
  };
}
