/**
 * The checkout section's rows about a record's life after its first link: may a paid record be
 * billed again, and does an expired link come back as Stripe's recovery link
 * (https://docs.stripe.com/payments/checkout/abandoned-carts).
 */
import { Checkbox } from "kintone-ui-component/lib/checkbox";
import { row } from "./layout";
import type { SettingsContext } from "./SettingsContext";

type BillingFlag = "allowRepeatPayment" | "afterExpirationRecovery";

export function billingLifeRows(context: SettingsContext): HTMLElement[] {
  const { t } = context;
  return [
    flagRow(
      context,
      "allowRepeatPayment",
      t.settingsRepeatPayment,
      t.settingsAllowRepeatPayment,
      t.settingsAllowRepeatPaymentHelp,
    ),
    flagRow(
      context,
      "afterExpirationRecovery",
      t.settingsRecovery,
      t.settingsAfterExpirationRecovery,
      t.settingsAfterExpirationRecoveryHelp,
    ),
  ];
}

/** One borderless KUC checkbox bound to a flag of the form's state, with its one-line help. */
function flagRow(
  context: SettingsContext,
  key: BillingFlag,
  label: string,
  checkboxLabel: string,
  help: string,
): HTMLElement {
  const { state } = context;
  const checkbox = new Checkbox({
    items: [{ label: checkboxLabel, value: "yes" }],
    value: state[key] ? ["yes"] : [],
    borderVisible: false,
  });
  checkbox.addEventListener("change", () => (state[key] = checkbox.value.includes("yes")));
  return row(context, key, label, checkbox, help);
}
