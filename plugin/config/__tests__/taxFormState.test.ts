/** The settings form's tax part: to the mapping and back, and the registration number checked. */
import { validateMappingConfig } from "../../../core/mapping/parseMappingConfig";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { messages } from "../../i18n/messages";
import { checkMappingForm } from "../checkMappingForm";
import { formStateFromMapping, mappingFromFormState } from "../MappingFormState";

const MAPPING: MappingConfig = {
  version: 1,
  source: { type: "records" },
  grouping: "single",
  lineItem: { name: { field: "item" }, unitPrice: { field: "price" }, taxRate: { field: "rate" } },
  currency: "JPY",
  successUrl: "https://shop.example.com/thanks",
  billingAddressCollection: "auto",
  replaceOpenSession: true,
  writeBack: { invoiceNumber: "invoice_no", amountTax: "tax" },
  taxBehavior: "exclusive",
  taxDisplayName: "消費税等",
  taxIdCollection: true,
  invoiceCreation: {
    enabled: true,
    description: "ご請求書",
    footer: "株式会社サンプル",
    customFields: [
      { name: "登録番号", value: "T1234567890123" },
      { name: "担当", value: "経理部" },
    ],
  },
};

const INVOICE = MAPPING.invoiceCreation;

describe("the settings form's tax and invoice part", () => {
  it("keeps every tax and invoice key of a stored mapping when saved again", () => {
    const mapping = mappingFromFormState(formStateFromMapping(MAPPING));
    const validated = validateMappingConfig(mapping);
    expect(validated.ok).toBe(true);
    expect(mapping).toMatchObject({
      lineItem: { taxRate: { field: "rate" } },
      writeBack: { invoiceNumber: "invoice_no", amountTax: "tax" },
      taxBehavior: "exclusive",
      taxDisplayName: "消費税等",
      taxIdCollection: true,
    });
    expect(mapping.invoiceCreation).toEqual(INVOICE);
  });

  it("writes one rate for every line as a constant, and nothing for a mapping without tax", () => {
    const state = formStateFromMapping({
      ...MAPPING,
      lineItem: { ...MAPPING.lineItem, taxRate: { const: "8" } },
    });
    expect(mappingFromFormState(state).lineItem).toMatchObject({ taxRate: { const: "8" } });
    const { taxRate: _taxRate, ...lineItem } = MAPPING.lineItem;
    const plain = mappingFromFormState(
      formStateFromMapping({
        ...MAPPING,
        lineItem,
        writeBack: {},
        taxBehavior: undefined,
        taxDisplayName: undefined,
        taxIdCollection: undefined,
        invoiceCreation: undefined,
      }),
    );
    for (const key of ["taxBehavior", "taxDisplayName", "invoiceCreation", "taxIdCollection"]) {
      expect(plain).not.toHaveProperty(key);
    }
    expect(plain.lineItem).not.toHaveProperty("taxRate");
  });

  it.each(["ja", "en"] as const)(
    "shows an error on the invoice control for a registration number that is not T + 13 digits (%s)",
    (language) => {
      const state = formStateFromMapping(MAPPING);
      state.tax.registrationNumber = "1234567890123";
      const check = checkMappingForm(state, undefined, messages[language]);
      expect(check).toEqual({
        ok: false,
        errors: [
          {
            control: "invoiceCreation",
            message: messages[language].settingsErrorRegistrationNumber,
          },
        ],
      });
    },
  );
});
