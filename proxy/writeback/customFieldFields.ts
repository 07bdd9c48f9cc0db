import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { CheckoutBuyer } from "../ports/PaymentGateway";

/**
 * The kintone fields `writeBack.customFields` maps (custom field key → field code) with what the
 * buyer entered; "" for a field the buyer left empty, so a field never keeps an older buyer's value.
 */
export function customFieldFields(
  writeBack: MappingConfig["writeBack"],
  buyer: CheckoutBuyer,
): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(writeBack.customFields ?? {}).map(([key, code]) => [
      code,
      { value: buyer.customFields?.[key] ?? "" },
    ]),
  );
}
