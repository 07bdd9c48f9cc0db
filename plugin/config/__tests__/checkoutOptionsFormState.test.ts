import { validateMappingConfig } from "../../../core/mapping/parseMappingConfig";
import { formStateFromMapping, mappingFromFormState, emptyFormState } from "../MappingFormState";

const EVERY_OPTION = {
  version: 1,
  source: { type: "records" },
  grouping: "perRecord",
  lineItem: {
    name: { field: "name" },
    unitPrice: { field: "price" },
    priceId: { field: "price_id" },
  },
  currency: "JPY",
  billingAddressCollection: "auto",
  replaceOpenSession: true,
  uiMode: "embedded",
  returnUrl: "https://shop.example.com/return?s={CHECKOUT_SESSION_ID}",
  paymentMethodTypes: ["card", "konbini"],
  konbiniExpiresAfterDays: 5,
  phoneNumberCollection: true,
  shippingAddressCollection: { allowedCountries: ["JP", "US"] },
  shippingRates: ["shr_standard"],
  customFields: [
    { key: "deliveryDate", label: "配達希望日", type: "text" },
    {
      key: "wrapping",
      label: "包装",
      type: "dropdown",
      optional: true,
      options: [{ value: "gift", label: "ギフト" }],
    },
  ],
  customText: { submit: "確定", termsOfServiceAcceptance: "規約に同意します" },
  consentCollection: { termsOfService: "required", promotions: "auto" },
  submitType: "book",
  customer: { field: "customer_id" },
  writeBack: { customFields: { deliveryDate: "delivery_date" } },
};

describe("the settings form's Checkout options", () => {
  it("keeps every option through form and back, and the result is a valid mapping", () => {
    const parsed = validateMappingConfig(EVERY_OPTION);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const mapping = mappingFromFormState(formStateFromMapping(parsed.mapping));
    expect(mapping).toEqual(EVERY_OPTION);
  });

  it("adds no option key to a mapping the form leaves without options", () => {
    const mapping = mappingFromFormState(emptyFormState());
    for (const key of ["uiMode", "returnUrl", "paymentMethodTypes", "customFields", "customer"])
      expect(mapping).not.toHaveProperty(key);
    expect(mapping.successUrl).toBe("");
  });

  it("passes JSON that does not parse on as typed, so the schema names the key", () => {
    const state = emptyFormState();
    state.options.customFieldsJson = "[{ oops";
    const result = validateMappingConfig(mappingFromFormState(state));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain("customFields");
  });
});
