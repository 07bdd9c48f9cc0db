/**
 * kintone records as the REST API (and `@kintone/rest-api-client`) return them: every field is
 * `{ type, value }` and scalar values are strings, NUMBER and CALC included.
 * https://cybozu.dev/ja/kintone/docs/overview/field-types/
 */

export interface KintoneFile {
  contentType: string;
  fileKey: string;
  name: string;
  /** Bytes, as a decimal string. */
  size: string;
}

export interface KintoneEntity {
  code: string;
  name: string;
}

export interface KintoneSubtableRow {
  id: string;
  value: Record<string, KintoneField>;
}

export type KintoneField =
  | { type: "__ID__" | "__REVISION__" | "RECORD_NUMBER"; value: string }
  | {
      type:
        | "SINGLE_LINE_TEXT"
        | "MULTI_LINE_TEXT"
        | "RICH_TEXT"
        | "NUMBER"
        | "CALC"
        | "RADIO_BUTTON"
        | "DROP_DOWN"
        | "DATE"
        | "TIME"
        | "DATETIME"
        | "LINK"
        | "CREATED_TIME"
        | "UPDATED_TIME"
        | "STATUS";
      value: string;
    }
  | { type: "CHECK_BOX" | "MULTI_SELECT" | "CATEGORY"; value: string[] }
  | { type: "CREATOR" | "MODIFIER"; value: KintoneEntity }
  | {
      type: "USER_SELECT" | "ORGANIZATION_SELECT" | "GROUP_SELECT" | "STATUS_ASSIGNEE";
      value: KintoneEntity[];
    }
  | { type: "FILE"; value: KintoneFile[] }
  | { type: "SUBTABLE"; value: KintoneSubtableRow[] };

export type KintoneFieldType = KintoneField["type"];

export type KintoneRecord = Record<string, KintoneField>;
