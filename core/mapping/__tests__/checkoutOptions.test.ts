/** The mapping's Checkout options: Stripe's limits per key and the rules between keys. */
import { validateMappingConfig } from "../parseMappingConfig";

const BASE = {
  version: 1,
  source: { type: "records" },
  grouping: "single",
  lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
  currency: "JPY",
  successUrl: "https://shop.example.com/thanks",
  writeBack: {},
};

function problemPaths(overrides: Record<string, unknown>): string[] {
  const result = validateMappingConfig({ ...BASE, ...overrides });
  return result.ok ? [] : result.problems.map((problem) => problem.path);
}

describe("mapping Checkout options", () => {
  it("accepts every option filled in within Stripe's limits", () => {
    expect(
      problemPaths({
        paymentMethodTypes: ["card", "konbini", "paypay"],
        konbiniExpiresAfterDays: 60,
        phoneNumberCollection: true,
        shippingAddressCollection: { allowedCountries: ["JP"] },
        shippingRates: ["shr_1"],
        customFields: [
          { key: "date", label: "配達日", type: "text" },
          { key: "size", label: "Size", type: "dropdown", options: [{ value: "s", label: "S" }] },
        ],
        customText: { submit: "OK", termsOfServiceAcceptance: "同意します" },
        consentCollection: { termsOfService: "required" },
        submitType: "pay",
        customerCreation: "always",
        writeBack: { customFields: { date: "delivery_date" } },
      }),
    ).toEqual([]);
  });

  it.each([
    [{ konbiniExpiresAfterDays: 0 }, "konbiniExpiresAfterDays"],
    [{ paymentMethodTypes: ["konbini"], konbiniExpiresAfterDays: 61 }, "konbiniExpiresAfterDays"],
    [{ paymentMethodTypes: ["card"], konbiniExpiresAfterDays: 3 }, "konbiniExpiresAfterDays"],
    [{ currency: "USD", paymentMethodTypes: ["paypay"] }, "paymentMethodTypes.0"],
    [{ paymentMethodTypes: ["card", "card"] }, "paymentMethodTypes.1"],
    [
      { shippingAddressCollection: { allowedCountries: ["jp"] } },
      "shippingAddressCollection.allowedCountries.0",
    ],
    [{ customFields: [{ key: "a-b", label: "x", type: "text" }] }, "customFields.0.key"],
    [{ customFields: [{ key: "a", label: "x", type: "dropdown" }] }, "customFields.0.options"],
    [{ customText: { shippingAddress: "x" } }, "customText.shippingAddress"],
    [{ writeBack: { customFields: { nope: "f" } } }, "writeBack.customFields.nope"],
    [{ customer: { field: "c" }, customerEmail: { field: "e" } }, "customerEmail"],
    [{ uiMode: "embedded", returnUrl: "https://x.example/r" }, "successUrl"],
    [{ returnUrl: "https://x.example/r" }, "returnUrl"],
  ])("refuses %j, naming %s", (overrides, path) => {
    expect(problemPaths(overrides)).toContain(path);
  });
});
