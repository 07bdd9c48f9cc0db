/** app/form/fields.json: an app's fields as kintone describes them (https://cybozu.dev/ja/kintone/docs/rest-api/apps/form/get-form-fields/). */
import type { KintoneStore } from "../KintoneStore";
import { statusFieldProperty } from "../ProcessManagement";
import type { FieldDef } from "../store/appDefinition";
import { authorize, requireId } from "./apiCall";
import type { RestRoutes } from "./restRoutes";

export function defineFormRoutes({ define }: RestRoutes, store: KintoneStore): void {
  define("GET", "/app/form/fields.json", (req) => {
    const id = requireId(req, "app");
    authorize(req, id, "view");
    const app = store.requireApp(id);
    const properties = fieldProperties(app.fields);
    const status = app.fields.find((f) => f.type === "STATUS");
    if (status) properties[status.code] = statusFieldProperty(store, id, status);
    // kintone lists process management and category fields, disabled, in every app.
    if (!status)
      properties.Status ??= { type: "STATUS", code: "Status", label: "Status", enabled: false };
    properties.Assignee ??= {
      type: "STATUS_ASSIGNEE",
      code: "Assignee",
      label: "Assignee",
      enabled: false,
    };
    properties.Categories ??= {
      type: "CATEGORY",
      code: "Categories",
      label: "Categories",
      enabled: false,
    };
    return { properties, revision: "1" };
  });
}

function fieldProperties(fields: FieldDef[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    const property: Record<string, unknown> = {
      type: field.type,
      code: field.code,
      label: field.label,
      noLabel: false,
    };
    if (
      ![
        "RECORD_NUMBER",
        "CREATOR",
        "CREATED_TIME",
        "MODIFIER",
        "UPDATED_TIME",
        "SUBTABLE",
      ].includes(field.type)
    ) {
      property.required = field.required ?? false;
    }
    if (field.options) {
      property.options = Object.fromEntries(
        field.options.map((option, index) => [option, { label: option, index: String(index) }]),
      );
    }
    if (field.type === "SUBTABLE") property.fields = fieldProperties(field.fields ?? []);
    if (field.unit !== undefined) property.unit = field.unit;
    if (field.digit !== undefined) property.digit = field.digit;
    if (field.displayScale !== undefined) property.displayScale = field.displayScale;
    if (field.protocol !== undefined) property.protocol = field.protocol;
    if (field.unique !== undefined) property.unique = field.unique;
    if (field.defaultValue !== undefined) property.defaultValue = field.defaultValue;
    properties[field.code] = property;
  }
  return properties;
}
