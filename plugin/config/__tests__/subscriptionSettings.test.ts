/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { checkMappingForm } from "../checkMappingForm";
import { formStateFromMapping, mappingFromFormState } from "../MappingFormState";
import { parseFormFields } from "../formFields";
import { validateMappingConfig } from "../../../core/mapping/parseMappingConfig";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { installFakeKintone, removeFakeKintone } from "./fakeKintone";
import { renderSettingsForTest } from "./settingsScreenKit";

jest.mock("uuid", () => {
  let next = 0;
  return { v4: () => `kuc-id-${++next}` };
});

const FIELDS = {
  properties: {
    name: { type: "SINGLE_LINE_TEXT", code: "name", label: "Course" },
    fee: { type: "NUMBER", code: "fee", label: "Fee" },
    plan: { type: "DROP_DOWN", code: "plan", label: "Plan", options: { month: { index: "0" } } },
    sub_id: { type: "SINGLE_LINE_TEXT", code: "sub_id", label: "Subscription" },
    sub_state: { type: "DROP_DOWN", code: "sub_state", label: "State" },
    renews_at: { type: "DATETIME", code: "renews_at", label: "Renews" },
  },
};

const MEMBERSHIP = {
  version: 1,
  source: { type: "records" },
  grouping: "perRecord",
  lineItem: {
    name: { field: "name" },
    unitPrice: { field: "fee" },
    recurring: { interval: { field: "plan" }, intervalCount: { const: "3" } },
  },
  currency: "JPY",
  successUrl: "https://school.example.com/thanks",
  billingAddressCollection: "auto",
  replaceOpenSession: true,
  writeBack: {
    subscriptionId: "sub_id",
    subscriptionStatus: "sub_state",
    currentPeriodEnd: "renews_at",
  },
  mode: "subscription",
} as const;

const stored = (): MappingConfig => {
  const result = validateMappingConfig(MEMBERSHIP);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mapping;
};

afterEach(removeFakeKintone);

describe("the settings screen's subscription section", () => {
  it("builds the stored subscription mapping back from the form", () => {
    expect(mappingFromFormState(formStateFromMapping(stored()))).toEqual(stored());
  });

  it("leaves a one-time mapping without mode or interval, as before subscriptions existed", () => {
    const state = formStateFromMapping(stored());
    state.subscription.mode = "payment";
    const mapping = mappingFromFormState(state);
    expect(mapping).not.toHaveProperty("mode");
    expect(mapping.lineItem).not.toHaveProperty("recurring");
  });

  it.each(["ja", "en"] as const)(
    "shows the stored mode, interval and write-back fields in %s",
    async (language) => {
      installFakeKintone({ config: { mapping: JSON.stringify(MEMBERSHIP) } });
      const t = messages[language];
      const { container, picker, components } = await renderSettingsForTest({
        fields: FIELDS,
        language,
      });
      const section = container.querySelector<HTMLElement>('[data-section="subscription"]')!;
      expect(section.textContent).toContain(t.settingsSectionSubscription);
      expect(section.textContent).toContain(t.settingsSubscriptionInterval);
      const [mode, intervalField] = [
        components("lineItem.recurring")[0]!,
        components("lineItem.recurring")[2]!,
      ];
      expect([mode.value, intervalField.value]).toEqual(["field", "plan"]);
      expect(components("lineItem.recurring.intervalCount")[0]!.value).toBe("3");
      expect(picker("writeBack.currentPeriodEnd").value).toBe("renews_at");
      // Only a date and time field can hold the next renewal.
      expect(picker("writeBack.currentPeriodEnd").items.map((item) => item.value)).toEqual([
        "",
        "renews_at",
      ]);
    },
  );

  it("hides the interval and the write-back fields for a one-time payment", async () => {
    installFakeKintone({ config: {} });
    const { row } = await renderSettingsForTest({ fields: FIELDS });
    expect(row("lineItem.recurring").hidden).toBe(true);
    expect(row("writeBack.subscriptionId").hidden).toBe(true);
    expect(row("mode").hidden).toBe(false);
  });

  it.each(["ja", "en"] as const)(
    "refuses to save a konbini subscription, saying why (%s)",
    (language) => {
      const state = formStateFromMapping(stored());
      state.options.paymentMethodTypes = ["konbini"];
      const check = checkMappingForm(state, parseFormFields(FIELDS), messages[language]);
      expect(check.ok).toBe(false);
      const errors = check.ok ? [] : check.errors.filter((error) => error.control === "mode");
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toContain("konbini");
      expect(errors[0]!.message).toContain(messages[language].settingsPaymentMethods);
      expect(errors[0]!.message).not.toContain("paymentMethodTypes");
    },
  );

  it("asks for the interval's field when it is to come from one", () => {
    const state = formStateFromMapping(stored());
    state.subscription.intervalField = "";
    const check = checkMappingForm(state, parseFormFields(FIELDS), messages.en);
    expect(check.ok ? [] : check.errors.map((error) => error.control)).toContain(
      "lineItem.recurring",
    );
  });
});
