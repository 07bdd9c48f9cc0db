/** Each write-back target's name and help on the settings screen, by its mapping key. */
import type { Messages } from "../i18n/messages";
import type { WriteBackKey } from "./MappingFormState";

export function writeBackTexts(t: Messages): Record<WriteBackKey, [string, string]> {
  return {
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
}

/** The settings screen's name of a write-back target ("Session ID"); the key if it has none. */
export function writeBackName(key: string, t: Messages): string {
  const texts = writeBackTexts(t);
  return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key as WriteBackKey][0] : key;
}
