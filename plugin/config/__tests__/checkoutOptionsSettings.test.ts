/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { parseFormFields } from "../formFields";
import { checkMappingForm } from "../checkMappingForm";
import { mappingFromFormState } from "../MappingFormState";
import { renderSettingsScreen } from "../renderSettingsScreen";
import { PLUGIN_ID, installFakeKintone, removeFakeKintone } from "./fakeKintone";

jest.mock("uuid", () => {
  let next = 0;
  return { v4: () => `kuc-id-${++next}` };
});

const FIELDS = {
  properties: {
    name: { type: "SINGLE_LINE_TEXT", code: "name", label: "Name" },
    price: { type: "NUMBER", code: "price", label: "Price" },
    customer_id: { type: "SINGLE_LINE_TEXT", code: "customer_id", label: "Customer" },
    delivery_date: { type: "SINGLE_LINE_TEXT", code: "delivery_date", label: "Delivery" },
  },
};

const MAPPING = {
  version: 1,
  source: { type: "records" },
  grouping: "perRecord",
  lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
  currency: "JPY",
  billingAddressCollection: "auto",
  replaceOpenSession: true,
  uiMode: "embedded",
  returnUrl: "https://shop.example.com/return",
  paymentMethodTypes: ["konbini"],
  konbiniExpiresAfterDays: 7,
  shippingAddressCollection: { allowedCountries: ["JP"] },
  customFields: [{ key: "deliveryDate", label: "配達希望日", type: "text" }],
  customText: { submit: "確定します" },
  submitType: "book",
  customer: { field: "customer_id" },
  writeBack: { customFields: { deliveryDate: "delivery_date" } },
};

type Kuc = HTMLElement & { value: unknown };

async function render(mapping: object, language: "ja" | "en") {
  installFakeKintone({ config: { mapping: JSON.stringify(mapping) } });
  const container = document.createElement("div");
  document.body.replaceChildren(container);
  const screen = renderSettingsScreen(container, {
    pluginId: PLUGIN_ID,
    appId: "12",
    language,
    messages: messages[language],
    loadFields: () => Promise.resolve(parseFormFields(FIELDS)),
    transport: { send: () => Promise.reject(new Error("no proxy here")) },
  });
  await screen.ready;
  const control = (key: string, tag: string) => {
    const found = container.querySelector<Kuc>(`[data-control="${key}"] ${tag}`);
    if (found === null) throw new Error(`no ${tag} in ${key}`);
    return found;
  };
  return { container, screen, control };
}

afterEach(removeFakeKintone);

describe("the settings screen's Checkout options", () => {
  it.each(["ja", "en"] as const)("shows the stored options in %s, grouped", async (language) => {
    const t = messages[language];
    const { container, control } = await render(MAPPING, language);
    const section = container.querySelector('[data-section="checkoutOptions"]');
    for (const heading of [
      t.settingsGroupPaymentMethods,
      t.settingsGroupAskBuyer,
      t.settingsGroupPageTexts,
      t.settingsGroupCustomer,
    ])
      expect(section?.textContent).toContain(heading);
    expect(control("returnUrl", "kuc-text-1-24-0").value).toBe("https://shop.example.com/return");
    expect(control("paymentMethodTypes", "kuc-checkbox-1-24-0").value).toEqual(["konbini"]);
    expect(control("konbiniExpiresAfterDays", "kuc-text-1-24-0").value).toBe("7");
    expect(control("customer", "kuc-dropdown-1-24-0").value).toBe("customer_id");
  });

  it("saves what is changed on the screen and reloads it", async () => {
    const { screen, control } = await render(MAPPING, "en");
    const phone = control("phoneNumberCollection", "kuc-checkbox-1-24-0");
    phone.value = ["yes"];
    phone.dispatchEvent(new CustomEvent("change", { detail: { value: ["yes"] }, bubbles: true }));
    const saved = mappingFromFormState(screen.state);
    expect(saved).toEqual({ ...MAPPING, phoneNumberCollection: true });

    const reloaded = await render(saved, "en");
    expect(mappingFromFormState(reloaded.screen.state)).toEqual(saved);
    expect(reloaded.control("phoneNumberCollection", "kuc-checkbox-1-24-0").value).toEqual(["yes"]);
  });

  it("asks for the return URL, not the success URL, of an embedded page", async () => {
    const { screen } = await render(MAPPING, "en");
    const fields = parseFormFields(FIELDS);
    expect(checkMappingForm(screen.state, fields, messages.en).ok).toBe(true);
    screen.state.options.returnUrl = "";
    const check = checkMappingForm(screen.state, fields, messages.en);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.map((e) => e.control)).toEqual(["returnUrl"]);
  });

  it("shows a core problem of an option on its control", async () => {
    const { screen } = await render(MAPPING, "en");
    screen.state.options.konbiniExpiresAfterDays = "61";
    const check = checkMappingForm(screen.state, parseFormFields(FIELDS), messages.en);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.map((e) => e.control)).toContain("konbiniExpiresAfterDays");
  });
});
