/**
 * Validates the settings form: first the screen's own checks (chosen fields exist and fit, texts
 * are filled in, status fields offer every written value), in the user's language; then core's
 * validateMappingConfig, the SAME validation the proxy runs on the stored mapping. Each error names the
 * control it belongs on, so the screen can show it there.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { validateMappingConfig } from "../../core/mapping/parseMappingConfig";
import { formatMessage } from "./formatMessage";
import { localizeMappingProblem } from "./localizeMappingProblem";
import { labelWithCode } from "../../core/fields/labelFields";
import { writeBackName } from "./writeBackTexts";
import type { Messages } from "../i18n/messages";
import { fieldChoices, findField, type FieldPurpose, type FormField } from "./formFields";
import {
  LINE_ITEM_REFS,
  WRITE_BACK_KEYS,
  mappingFromFormState,
  type LineItemRefKey,
  type MappingFormState,
  type RefState,
  type WriteBackKey,
} from "./MappingFormState";
import { missingStatusOptions } from "./missingStatusOptions";
import { CHECKOUT_OPTION_CONTROLS } from "./checkoutOptionsFormState";
import { TAX_CONTROLS, taxFormErrors } from "./taxFormState";
import { SUBSCRIPTION_CONTROLS, subscriptionFormErrors } from "./subscriptionFormState";
import { checkStatusLabels, STATUS_LABEL_CONTROLS } from "./checkStatusLabels";
import { statusLabelsPart } from "./statusFormState";

/** `control` is the mapping path of the control the error belongs to ("lineItem.name"), or "". */
export interface FormError {
  control: string;
  message: string;
}

export type MappingFormCheck =
  { ok: true; mapping: MappingConfig } | { ok: false; errors: FormError[] };

export const LINE_ITEM_PURPOSES: Record<LineItemRefKey, FieldPurpose> = {
  productCode: "text",
  name: "text",
  description: "text",
  unitPrice: "number",
  quantity: "number",
  minQuantity: "number",
  maxQuantity: "number",
};

export const WRITE_BACK_PURPOSES: Record<WriteBackKey, FieldPurpose> = {
  url: "writeBackUrl",
  sessionId: "writeBackText",
  status: "writeBackStatus",
  paymentStatus: "writeBackStatus",
  expiresAt: "writeBackDate",
  amountTotal: "writeBackNumber",
  paidAt: "writeBackDate",
  customerEmail: "writeBackEmail",
  error: "writeBackError",
  amountRefunded: "writeBackNumber",
  paymentIntentId: "writeBackText",
  recoveryUrl: "writeBackUrl",
  customerId: "writeBackText",
  customerName: "writeBackText",
  customerPhone: "writeBackText",
  billingAddress: "writeBackAddress",
  shippingAddress: "writeBackAddress",
};

/** Every control an error can be shown on, by the mapping path it edits. */
export const FORM_CONTROLS = [
  "source.field",
  "grouping",
  ...LINE_ITEM_REFS.map((key) => `lineItem.${key}`),
  "lineItem.image",
  "lineItem.unitPriceIn",
  "currency",
  "successUrl",
  "cancelUrl",
  "expiresAfterMinutes",
  "customerEmail",
  "locale",
  "allowPromotionCodes",
  "billingAddressCollection",
  "replaceOpenSession",
  "allowRepeatPayment",
  "afterExpirationRecovery",
  ...WRITE_BACK_KEYS.map((key) => `writeBack.${key}`),
  ...STATUS_LABEL_CONTROLS,
  ...CHECKOUT_OPTION_CONTROLS,
  ...TAX_CONTROLS,
  ...SUBSCRIPTION_CONTROLS,
];

const CONTROLS_LONGEST_FIRST = [...FORM_CONTROLS].sort((a, b) => b.length - a.length);

/** The control a core problem path ("lineItem.unitPrice.const") belongs to; "" if none. */
export function controlForPath(path: string): string {
  if (path === "source") return "source.field";
  return (
    CONTROLS_LONGEST_FIRST.find((control) => path === control || path.startsWith(`${control}.`)) ??
    ""
  );
}

/**
 * `fields` undefined: the form fields could not be read, so field choices are not checked here
 * (the proxy still checks them against the records).
 */
export function checkMappingForm(
  state: MappingFormState,
  fields: FormField[] | undefined,
  messages: Messages,
): MappingFormCheck {
  const errors: FormError[] = [];
  const subtable = state.sourceType === "subtable" ? state.subtableField : undefined;
  // "Unit price (item_unit_price)": the admin picks fields by label and may know them by code.
  const named = (code: string) =>
    labelWithCode(code, (known) =>
      fields === undefined ? undefined : findField(fields, known)?.label,
    );

  const checkField = (control: string, code: string, purpose: FieldPurpose, scope?: string) => {
    if (code === "") {
      errors.push({ control, message: messages.settingsErrorChooseField });
      return;
    }
    if (fields === undefined) return;
    if (fieldChoices(fields, purpose, scope).some((field) => field.code === code)) return;
    const field = findField(fields, code);
    errors.push({
      control,
      message:
        field === undefined
          ? formatMessage(messages.settingsErrorFieldMissing, { code })
          : formatMessage(messages.settingsErrorFieldUnfit, {
              code: named(code),
              type: field.type,
            }),
    });
  };
  const checkRef = (control: string, ref: RefState, purpose: FieldPurpose, scope?: string) => {
    if (ref.mode === "field") checkField(control, ref.field, purpose, scope);
    else if (ref.mode !== "none" && ref.text.trim() === "") {
      errors.push({ control, message: messages.settingsErrorEnterValue });
    }
  };

  if (state.sourceType === "subtable") checkField("source.field", state.subtableField, "subtable");
  for (const key of LINE_ITEM_REFS) {
    checkRef(`lineItem.${key}`, state.lineItem[key], LINE_ITEM_PURPOSES[key], subtable);
  }
  if (state.imageField !== "") {
    checkField("lineItem.image", state.imageField, "file", subtable);
    if (state.imageChoice === "index" && !/^\s*[1-9]\d*\s*$/.test(state.imageNumber)) {
      errors.push({ control: "lineItem.image", message: messages.settingsErrorImageNumber });
    }
  }
  if (state.currencyMode === "field") {
    checkField("currency", state.currencyField, "currency", subtable);
  } else if (state.currencyCode === "") {
    errors.push({ control: "currency", message: messages.settingsErrorChooseCurrency });
  }
  // An embedded page returns to its return URL; a hosted one needs its success URL.
  const embedded = state.options.uiMode === "embedded";
  const neededUrl = embedded ? state.options.returnUrl : state.successUrl;
  if (neededUrl.trim() === "") {
    const control = embedded ? "returnUrl" : "successUrl";
    errors.push({ control, message: messages.settingsErrorEnterUrl });
  }
  const expiry = state.expiresAfterMinutes.trim();
  if (expiry !== "" && !(/^\d+$/.test(expiry) && +expiry >= 30 && +expiry <= 1440)) {
    errors.push({ control: "expiresAfterMinutes", message: messages.settingsErrorExpiry });
  }
  checkRef("customerEmail", state.customerEmail, "email", subtable);

  for (const key of WRITE_BACK_KEYS) {
    const code = state.writeBack[key];
    if (code === "") continue;
    const control = `writeBack.${key}`;
    const before = errors.length;
    checkField(control, code, WRITE_BACK_PURPOSES[key]);
    if (errors.length > before || fields === undefined) continue;
    if (key === "status" || key === "paymentStatus") {
      const field = findField(fields, code);
      const labels = statusLabelsPart(state.statusLabels).statusLabels;
      const missing = field === undefined ? [] : missingStatusOptions(field, key, labels);
      if (missing.length > 0) {
        errors.push({
          control,
          message: formatMessage(messages.settingsErrorMissingOptions, {
            code: named(code),
            missing: missing.join(", "),
          }),
        });
      }
    }
  }

  errors.push(...checkStatusLabels(state.statusLabels, messages));
  errors.push(...taxFormErrors(state.tax, messages));
  const candidate = mappingFromFormState(state);
  errors.push(...subscriptionFormErrors(state.subscription, candidate, messages));

  // Core's checks, for what the screen's own did not already say about the same control.
  const validated = validateMappingConfig(candidate);
  if (validated.ok && errors.length === 0) return { ok: true, mapping: validated.mapping };
  if (!validated.ok) {
    const flagged = new Set(errors.map((error) => error.control));
    for (const problem of validated.problems) {
      const control = controlForPath(problem.path);
      if (control !== "" && flagged.has(control)) continue;
      flagged.add(control);
      errors.push({
        control,
        message: localizeMappingProblem(problem.message, messages, named, (key) =>
          writeBackName(key, messages),
        ),
      });
    }
  }
  return { ok: false, errors };
}
