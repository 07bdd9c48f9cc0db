/**
 * kintone's process management (プロセス管理) in the emulator: per-app settings (states in order,
 * actions from one state to another), the record's STATUS field, running an action on a record
 * and reading the settings.
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/update-status/
 * https://cybozu.dev/ja/kintone/docs/rest-api/apps/settings/get-process-management-settings/
 *
 * Deliberate differences from kintone: assignees (作業者) and an action's conditions
 * (filterCond) and executable users are not modelled, every action runs for every caller; names
 * have one language; a record update that sets the STATUS field is not refused.
 */
import type { KintoneEntity } from "../../core/kintone/KintoneRecord";
import { KintoneApiError } from "./KintoneApiError";
import type { KintoneStore } from "./KintoneStore";
import type { AppDefinition, FieldDef } from "./store/appDefinition";

export interface ProcessAction {
  name: string;
  from: string;
  to: string;
}

export interface ProcessSettings {
  enable: boolean;
  /** In order; a new record starts in the first. */
  states: string[];
  actions: ProcessAction[];
}

const settingsByStore = new WeakMap<KintoneStore, Map<string, ProcessSettings>>();

function settingsOf(store: KintoneStore): Map<string, ProcessSettings> {
  let settings = settingsByStore.get(store);
  if (!settings) {
    settings = new Map();
    settingsByStore.set(store, settings);
  }
  return settings;
}

/**
 * An app with process management: its form gains the STATUS field (`statusCode`, default
 * kintone's Japanese "ステータス"), whose value new records start with as the first state.
 */
export function createProcessApp(
  store: KintoneStore,
  def: AppDefinition,
  process: ProcessSettings & { statusCode?: string },
): { id: string } {
  const { statusCode = "ステータス", ...settings } = process;
  const statusField: FieldDef = {
    code: statusCode,
    label: statusCode,
    type: "STATUS",
    ...(settings.states[0] !== undefined ? { defaultValue: settings.states[0] } : {}),
  };
  const hasStatus = def.fields.some((f) => f.type === "STATUS");
  const { records, ...rest } = def;
  const created = store.createApp({
    ...rest,
    fields: hasStatus ? def.fields : [...def.fields, statusField],
  });
  settingsOf(store).set(created.id, structuredClone(settings));
  // Records come after the settings, so they start in the first state.
  if (records?.length) store.addRecords(created.id, records);
  return created;
}

/** Changes an app's settings, e.g. turns process management off. */
export function setProcessSettings(
  store: KintoneStore,
  appId: string,
  settings: ProcessSettings,
): void {
  store.requireApp(appId);
  settingsOf(store).set(appId, structuredClone(settings));
}

/** GET /k/v1/app/status.json's answer: `states` and `actions` are null for an app never set up. */
export function processSettingsAnswer(store: KintoneStore, appId: string): unknown {
  store.requireApp(appId);
  const settings = settingsOf(store).get(appId);
  if (!settings) return { enable: false, states: null, actions: null, revision: "1" };
  const states = Object.fromEntries(
    settings.states.map((name, index) => [
      name,
      { name, index: String(index), assignee: { type: "ONE", entities: [] } },
    ]),
  );
  const actions = settings.actions.map((action) => ({
    name: action.name,
    from: action.from,
    to: action.to,
    filterCond: "",
    type: "PRIMARY",
    executableUser: { entities: [] },
  }));
  return { enable: settings.enable, states, actions, revision: "1" };
}

/** The STATUS field as GET /k/v1/app/form/fields.json lists it. */
export function statusFieldProperty(store: KintoneStore, appId: string, field: FieldDef): unknown {
  const enabled = settingsOf(store).get(appId)?.enable ?? false;
  return { type: "STATUS", code: field.code, label: field.label, enabled };
}

/**
 * PUT /k/v1/record/status.json: the record moves along the action from its current state. An
 * action its state does not offer (or one offered twice) is kintone's GAIA_IL03; an app without
 * process management GAIA_ST02. kintone counts two operations (the action and the status
 * change), so the revision grows by two.
 */
export function runProcessAction(
  store: KintoneStore,
  appId: string,
  recordId: string,
  action: string,
  actor: KintoneEntity | undefined,
  revision?: unknown,
): { revision: string } {
  const app = store.requireApp(appId);
  const settings = settingsOf(store).get(appId);
  const statusField = app.fields.find((f) => f.type === "STATUS");
  if (!settings?.enable || !statusField) {
    // Message as kintone's Japanese one reads in English; the code is kintone's.
    throw new KintoneApiError(
      400,
      "GAIA_ST02",
      "Failed to operate. The process management feature is disabled.",
    );
  }
  const record = store.getRecord(appId, recordId);
  if (!record) {
    throw new KintoneApiError(
      404,
      "GAIA_RE01",
      `The specified record (ID: ${recordId}) is not found.`,
    );
  }
  const stored = record[statusField.code]?.value;
  const current = typeof stored === "string" && stored !== "" ? stored : settings.states[0];
  const offered = settings.actions.filter((a) => a.name === action && a.from === current);
  if (offered.length !== 1) {
    throw new KintoneApiError(
      400,
      "GAIA_IL03",
      "Failed to update the status. The settings or the status itself may have been changed by someone.",
    );
  }
  const expected =
    revision === undefined || revision === null || revision === "" ? undefined : String(revision);
  store.updateRecord(appId, recordId, {}, expected === "-1" ? undefined : expected, actor);
  return store.updateRecord(
    appId,
    recordId,
    { [statusField.code]: { value: offered[0]!.to } },
    undefined,
    actor,
  );
}
