/**
 * The consumption tax and qualified invoice section: 税込 / 税抜, each line's rate (a field or
 * one rate for all), the rates' name on the invoice, and the invoice Stripe issues once paid,
 * with the registration number (T + 13 digits) and a footer. Each control writes `state.tax`.
 */
import { Checkbox } from "kintone-ui-component/lib/checkbox";
import { Dropdown } from "kintone-ui-component/lib/dropdown";
import { Text } from "kintone-ui-component/lib/text";
import { TextArea } from "kintone-ui-component/lib/textarea";
import { fieldDropdown } from "./fieldDropdown";
import { kucTarget, radioChoice, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

export function taxSection(context: SettingsContext): HTMLElement {
  const { t } = context;
  const tax = context.state.tax;
  const container = section(context, t.settingsSectionTax, t.settingsTaxHelp);
  container.dataset.section = "tax";

  const behavior = radioChoice(
    [
      { label: t.settingsTaxInclusive, value: "inclusive" },
      { label: t.settingsTaxExclusive, value: "exclusive" },
    ],
    tax.behavior,
    (value) => (tax.behavior = value === "exclusive" ? "exclusive" : "inclusive"),
  );
  const rateMode = new Dropdown({
    items: [
      { label: t.settingsTaxRateNone, value: "none" },
      { label: t.settingsTaxRateField, value: "field" },
      { label: t.settingsTaxRateConst, value: "const" },
    ],
    value: tax.rateMode,
    className: `${CLASS}-field`,
  });
  rateMode.addEventListener("change", () => (tax.rateMode = rateMode.value as typeof tax.rateMode));
  kucTarget(context, "lineItem.taxRate", t.settingsTaxRate, rateMode);
  const rateField = fieldDropdown(
    context,
    "text",
    () => tax.rateField,
    (code) => (tax.rateField = code),
    true,
    true,
  );
  const rateConst = new Dropdown({
    items: ["10", "8", "0"].map((value) => ({ label: `${value}%`, value })),
    value: tax.rateConst,
    className: `${CLASS}-field`,
  });
  rateConst.addEventListener("change", () => (tax.rateConst = rateConst.value as "10" | "8" | "0"));

  const text = (
    value: string,
    set: (v: string) => void,
    control: string,
    label: string,
    placeholder = "",
  ) => {
    const input = new Text({ value, placeholder, className: `${CLASS}-wide` });
    input.addEventListener("change", () => set(input.value));
    kucTarget(context, control, label, input);
    return input;
  };
  const invoice = new Checkbox({
    items: [{ label: t.settingsInvoiceEnabled, value: "yes" }],
    value: tax.invoiceEnabled ? ["yes"] : [],
    borderVisible: false,
  });
  invoice.addEventListener("change", () => (tax.invoiceEnabled = invoice.value.includes("yes")));
  const footer = new TextArea({ value: tax.footer, className: `${CLASS}-wide` });
  footer.addEventListener("change", () => (tax.footer = footer.value));

  container.append(
    row(context, "taxBehavior", t.settingsTaxBehavior, behavior),
    row(context, "lineItem.taxRate", t.settingsTaxRate, [rateMode, rateField, rateConst], t.settingsTaxRateHelp),
    row(context, "taxDisplayName", t.settingsTaxDisplayName,
      text(tax.displayName, (v) => (tax.displayName = v), "taxDisplayName", t.settingsTaxDisplayName, "消費税")),
    row(context, "invoiceCreation", t.settingsInvoice, [
      invoice,
      text(tax.registrationNumber, (v) => (tax.registrationNumber = v), "invoiceCreation",
        t.settingsRegistrationNumber, "T1234567890123"),
    ], t.settingsInvoiceHelp),
    row(context, "invoiceCreation.footer", t.settingsInvoiceFooter, footer),
  ); // prettier-ignore
  return container;
}
