/**
 * The seller's qualified invoice registration number (適格請求書発行事業者登録番号): "T" and 13
 * digits (https://www.invoice-kohyo.nta.go.jp/). It travels as one of the
 * invoice's custom fields; a field whose name says it is the registration number must hold one,
 * or the invoice would be no qualified invoice.
 */
import type { MappingConfig } from "../mapping/MappingConfig";

const REGISTRATION_NUMBER = /^T\d{13}$/;
/** Names a custom field carries when it is the registration number. */
const REGISTRATION_FIELD_NAME = /登録番号|registration\s*(number|no\.?)|T\s*番号|インボイス番号/i;

export function isRegistrationNumber(text: string): boolean {
  return REGISTRATION_NUMBER.test(text.trim());
}

export function isRegistrationNumberField(name: string): boolean {
  return REGISTRATION_FIELD_NAME.test(name);
}

export interface RegistrationNumberProblem {
  /** The mapping key at fault, e.g. `invoiceCreation.customFields.0.value`. */
  key: string;
  value: string;
}

/** Each registration-number custom field of the mapping's invoice whose value is not T + 13 digits. */
export function registrationNumberProblems(
  invoiceCreation: MappingConfig["invoiceCreation"],
): RegistrationNumberProblem[] {
  if (!invoiceCreation?.enabled) return [];
  return (invoiceCreation.customFields ?? []).flatMap((field, index) =>
    isRegistrationNumberField(field.name) && !isRegistrationNumber(field.value)
      ? [{ key: `invoiceCreation.customFields.${index}.value`, value: field.value }]
      : [],
  );
}
