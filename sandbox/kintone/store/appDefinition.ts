/** How an app of the kintone emulator is defined (form, views, API tokens, seed records) and kept. */
import type { QueryFieldInfo } from "../query/queryContext";

export interface FieldDef {
  code: string;
  label: string;
  type: string;
  options?: string[];
  fields?: FieldDef[];
  unit?: string;
  digit?: boolean;
  displayScale?: string;
  protocol?: "WEB" | "MAIL" | "CALL";
  /** kintone's "required field" setting: writes that leave it empty fail with CB_VA01. */
  required?: boolean;
  /** kintone's "prohibit duplicate values": writes that repeat another record's value fail with CB_VA01. */
  unique?: boolean;
  /** Value given to new records that do not set the field. */
  defaultValue?: unknown;
}

export interface ApiTokenDef {
  token: string;
  /** `manage` (app management) is needed to read views; optional, default false. */
  rights: { view: boolean; add: boolean; edit: boolean; delete: boolean; manage?: boolean };
}

export interface ViewDef {
  id?: string;
  name: string;
  condition: string;
  sort?: string;
}

export interface AppDefinition {
  id?: string;
  name: string;
  fields: FieldDef[];
  records?: Array<Record<string, { value: unknown }>>;
  apiTokens?: ApiTokenDef[];
  views?: ViewDef[];
}

export interface AppInfo {
  id: string;
  name: string;
  fields: FieldDef[];
  views: Array<Required<Omit<ViewDef, "sort">> & { sort: string; index: string }>;
  apiTokens: ApiTokenDef[];
  createdAt: string;
  modifiedAt: string;
}

/** System fields every app has, with the codes kintone gives them in an app created in English. */
export const SYSTEM_FIELDS: FieldDef[] = [
  { code: "Record_number", label: "Record number", type: "RECORD_NUMBER" },
  { code: "Created_by", label: "Created by", type: "CREATOR" },
  { code: "Created_datetime", label: "Created datetime", type: "CREATED_TIME" },
  { code: "Updated_by", label: "Updated by", type: "MODIFIER" },
  { code: "Updated_datetime", label: "Updated datetime", type: "UPDATED_TIME" },
];
export const SYSTEM_TYPES = new Set(SYSTEM_FIELDS.map((f) => f.type));

/** The app a definition creates, system fields added where the definition lacks them. */
export function appInfoOf(def: AppDefinition, id: string, at: string): AppInfo {
  const missingSystem = SYSTEM_FIELDS.filter((sys) => !def.fields.some((f) => f.type === sys.type));
  return {
    id,
    name: def.name,
    fields: [...def.fields, ...missingSystem],
    views: (def.views ?? []).map((view, index) => ({
      id: view.id ?? String(1000 + index),
      name: view.name,
      condition: view.condition,
      sort: view.sort ?? "Record_number desc",
      index: String(index),
    })),
    apiTokens: def.apiTokens ?? [],
    createdAt: at,
    modifiedAt: at,
  };
}

/** What the query language needs to know about a field code of the app (a subtable's columns too). */
export function queryFieldOf(info: AppInfo, code: string): QueryFieldInfo | undefined {
  for (const field of info.fields) {
    if (field.code === code)
      return { type: field.type, ...(field.options ? { options: field.options } : {}) };
    if (field.type === "SUBTABLE") {
      const column = field.fields?.find((c) => c.code === code);
      if (column) {
        return {
          type: column.type,
          subtable: field.code,
          ...(column.options ? { options: column.options } : {}),
        };
      }
    }
  }
  return undefined;
}
