/**
 * The settings form's part for consumption tax and the qualified invoice: how prices are given,
 * each line's rate (a field or one rate for all), the rates' display name, and the invoice with
 * the seller's registration number and footer. What the screen does not show (the invoice's
 * description and other custom fields, Stripe Tax, tax IDs, the invoice write-back fields) is
 * kept as stored, so saving never drops it.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { isRegistrationNumber, isRegistrationNumberField } from "../../core/tax/registrationNumber";
import type { Messages } from "../i18n/messages";

export const REGISTRATION_NUMBER_NAME = "登録番号";

export interface TaxFormState {
  behavior: "inclusive" | "exclusive";
  rateMode: "none" | "field" | "const";
  rateField: string;
  rateConst: "10" | "8" | "0";
  displayName: string;
  invoiceEnabled: boolean;
  registrationNumber: string;
  footer: string;
  /** The stored keys the screen does not edit. */
  kept: {
    invoice: Omit<NonNullable<MappingConfig["invoiceCreation"]>, "enabled" | "footer">;
    topLevel: Pick<MappingConfig, "automaticTax" | "taxIdCollection">;
    writeBack: Pick<MappingConfig["writeBack"], "invoiceNumber" | "invoiceUrl" | "invoicePdfUrl" | "amountTax">;
  };
} // prettier-ignore

export function emptyTaxFormState(): TaxFormState {
  return {
    behavior: "inclusive",
    rateMode: "none",
    rateField: "",
    rateConst: "10",
    displayName: "",
    invoiceEnabled: false,
    registrationNumber: "",
    footer: "",
    kept: { invoice: {}, topLevel: {}, writeBack: {} },
  };
}

export function taxFormStateFromMapping(mapping: MappingConfig): TaxFormState {
  const state = emptyTaxFormState();
  state.behavior = mapping.taxBehavior ?? "inclusive";
  const rate = mapping.lineItem.taxRate;
  if (rate && "field" in rate) {
    state.rateMode = "field";
    state.rateField = rate.field;
  } else if (rate && "const" in rate) {
    state.rateMode = "const";
    const value = String(rate.const);
    state.rateConst = value === "8" || value === "0" ? value : "10";
  }
  state.displayName = mapping.taxDisplayName ?? "";
  const invoice = mapping.invoiceCreation;
  state.invoiceEnabled = invoice?.enabled ?? false;
  state.footer = invoice?.footer ?? "";
  const fields = invoice?.customFields ?? [];
  const registration = fields.find((field) => isRegistrationNumberField(field.name));
  state.registrationNumber = registration?.value ?? "";
  const others = fields.filter((field) => field !== registration);
  state.kept.invoice = {
    ...(invoice?.description !== undefined ? { description: invoice.description } : {}),
    ...(others.length > 0 ? { customFields: others } : {}),
  };
  const { automaticTax, taxIdCollection } = mapping;
  state.kept.topLevel = {
    ...(automaticTax !== undefined ? { automaticTax } : {}),
    ...(taxIdCollection !== undefined ? { taxIdCollection } : {}),
  };
  const { invoiceNumber, invoiceUrl, invoicePdfUrl, amountTax } = mapping.writeBack;
  state.kept.writeBack = Object.fromEntries(
    Object.entries({ invoiceNumber, invoiceUrl, invoicePdfUrl, amountTax }).filter(
      ([, code]) => code !== undefined,
    ),
  );
  return state;
}

/** The tax part's additions to `lineItem`, `writeBack` and the top level (not validated yet). */
export function taxParts(state: TaxFormState): {
  lineItem: Record<string, unknown>;
  writeBack: Record<string, unknown>;
  topLevel: Record<string, unknown>;
} {
  const lineItem: Record<string, unknown> = {};
  if (state.rateMode === "field") lineItem.taxRate = { field: state.rateField };
  if (state.rateMode === "const") lineItem.taxRate = { const: state.rateConst };
  const topLevel: Record<string, unknown> = { ...state.kept.topLevel };
  if (state.behavior === "exclusive") topLevel.taxBehavior = "exclusive";
  if (state.displayName.trim() !== "") topLevel.taxDisplayName = state.displayName.trim();
  const number = state.registrationNumber.trim();
  const customFields = [
    ...(number !== "" ? [{ name: REGISTRATION_NUMBER_NAME, value: number }] : []),
    ...(state.kept.invoice.customFields ?? []),
  ];
  if (state.invoiceEnabled || Object.keys(state.kept.invoice).length > 0 || number !== "") {
    topLevel.invoiceCreation = {
      enabled: state.invoiceEnabled,
      ...state.kept.invoice,
      ...(state.footer.trim() !== "" ? { footer: state.footer.trim() } : {}),
      ...(customFields.length > 0 ? { customFields } : {}),
    };
  }
  return { lineItem, writeBack: { ...state.kept.writeBack }, topLevel };
}

/** The screen's own checks of the tax part, in the user's language. */
export function taxFormErrors(
  state: TaxFormState,
  messages: Messages,
): { control: string; message: string }[] {
  const errors: { control: string; message: string }[] = [];
  if (state.rateMode === "field" && state.rateField === "") {
    errors.push({ control: "lineItem.taxRate", message: messages.settingsErrorChooseField });
  }
  const number = state.registrationNumber.trim();
  if (state.invoiceEnabled && number !== "" && !isRegistrationNumber(number)) {
    errors.push({ control: "invoiceCreation", message: messages.settingsErrorRegistrationNumber });
  }
  return errors;
}

/** The settings screen's controls of the tax part, by the mapping path each edits. */
export const TAX_CONTROLS = [
  "taxBehavior",
  "lineItem.taxRate",
  "taxDisplayName",
  "invoiceCreation",
];
