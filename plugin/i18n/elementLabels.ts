/**
 * core names a mapping element ("unitPrice", "successUrl") where a value is a constant or a
 * template rather than a field; a user knows it by the settings screen's name for it ("単価 (税込)").
 */
import type { FieldLabeler } from "../../core/fields/labelFields";
import type { Messages } from "./messages";

type ElementTexts = Pick<
  Messages,
  | "settingsProductCode"
  | "settingsName"
  | "settingsDescription"
  | "settingsUnitPrice"
  | "settingsQuantity"
  | "settingsMinQuantity"
  | "settingsMaxQuantity"
  | "settingsCurrency"
  | "settingsSuccessUrl"
  | "settingsCancelUrl"
  | "settingsCustomerEmail"
  | "settingsSubscriptionInterval"
  | "settingsSubscriptionIntervalCount"
  | "settingsPaymentMethods"
  | "settingsInvoice"
  | "settingsCustomerCreation"
>;

/** The settings screen's name of a mapping element ("" when it names none), or undefined. */
export function elementLabeler(messages: ElementTexts): FieldLabeler {
  const labels: Record<string, string> = {
    productCode: messages.settingsProductCode,
    name: messages.settingsName,
    description: messages.settingsDescription,
    unitPrice: messages.settingsUnitPrice,
    quantity: messages.settingsQuantity,
    minQuantity: messages.settingsMinQuantity,
    maxQuantity: messages.settingsMaxQuantity,
    currency: messages.settingsCurrency,
    successUrl: messages.settingsSuccessUrl,
    cancelUrl: messages.settingsCancelUrl,
    customerEmail: messages.settingsCustomerEmail,
    // subscriptions
    "lineItem.recurring": messages.settingsSubscriptionInterval,
    "lineItem.recurring.interval": messages.settingsSubscriptionInterval,
    "lineItem.recurring.intervalCount": messages.settingsSubscriptionIntervalCount,
    paymentMethodTypes: messages.settingsPaymentMethods,
    invoiceCreation: messages.settingsInvoice,
    customerCreation: messages.settingsCustomerCreation,
    // The selection as a whole and its record IDs: the message says so, no field to name.
    records: "",
    $id: "",
  };
  return (code) => (Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : undefined);
}

/** The form's labels first (a field may be coded "name"), then the elements'. */
export function fieldOrElementLabeler(labelOf: FieldLabeler, messages: ElementTexts): FieldLabeler {
  const elementLabelOf = elementLabeler(messages);
  return (code) => labelOf(code) ?? elementLabelOf(code);
}
