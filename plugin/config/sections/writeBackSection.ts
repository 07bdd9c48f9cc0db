/** The write-back section: the fields a link's URL, status, payment and dates are written to. */
import { WRITE_BACK_PURPOSES } from "../checkMappingForm";
import { WRITE_BACK_KEYS, type WriteBackKey } from "../MappingFormState";
import { fieldDropdown } from "./fieldDropdown";
import { kucTarget, row, section } from "./layout";
import type { SettingsContext } from "./SettingsContext";

export function writeBackSection(context: SettingsContext): HTMLElement {
  const { t, state } = context;
  const writeBackLabels: Record<WriteBackKey, [string, string]> = {
    url: [t.settingsWriteBackUrl, t.settingsWriteBackUrlHelp],
    sessionId: [t.settingsWriteBackSessionId, t.settingsWriteBackTextHelp],
    status: [t.settingsWriteBackStatus, t.settingsWriteBackStatusHelp],
    paymentStatus: [t.settingsWriteBackPaymentStatus, t.settingsWriteBackPaymentStatusHelp],
    expiresAt: [t.settingsWriteBackExpiresAt, t.settingsWriteBackDateHelp],
    amountTotal: [t.settingsWriteBackAmountTotal, t.settingsWriteBackAmountHelp],
    paidAt: [t.settingsWriteBackPaidAt, t.settingsWriteBackDateHelp],
    customerEmail: [t.settingsWriteBackCustomerEmail, t.settingsWriteBackTextHelp],
    error: [t.settingsWriteBackError, t.settingsWriteBackTextHelp],
    amountRefunded: [t.settingsWriteBackAmountRefunded, t.settingsWriteBackAmountHelp],
    paymentIntentId: [t.settingsWriteBackPaymentIntentId, t.settingsWriteBackTextHelp],
    recoveryUrl: [t.settingsWriteBackRecoveryUrl, t.settingsWriteBackUrlHelp],
    customerId: [t.settingsWriteBackCustomerId, t.settingsWriteBackTextHelp],
    customerName: [t.settingsWriteBackCustomerName, t.settingsWriteBackTextHelp],
    customerPhone: [t.settingsWriteBackCustomerPhone, t.settingsWriteBackTextHelp],
    billingAddress: [t.settingsWriteBackBillingAddress, t.settingsWriteBackAddressHelp],
    shippingAddress: [t.settingsWriteBackShippingAddress, t.settingsWriteBackAddressHelp],
  };
  const writeBack = section(context, t.settingsSectionWriteBack, t.settingsWriteBackHelp);
  for (const key of WRITE_BACK_KEYS) {
    const [label, help] = writeBackLabels[key];
    const dropdown = fieldDropdown(
      context,
      WRITE_BACK_PURPOSES[key],
      () => state.writeBack[key],
      (code) => (state.writeBack[key] = code),
      false,
      true,
    );
    kucTarget(context, `writeBack.${key}`, label, dropdown);
    writeBack.append(row(context, `writeBack.${key}`, label, dropdown, help));
  }
  return writeBack;
}
