/**
 * The settings screen names a field the admin chose as "Label (code)": by the label they picked it
 * by, with the code they may know it by, each once.
 */
import { messages } from "../../i18n/messages";
import { checkMappingForm } from "../checkMappingForm";
import { parseFormFields } from "../formFields";
import { emptyFormState, type MappingFormState } from "../MappingFormState";
import { ORDER_FORM_FIELDS } from "./fakeKintone";

const fields = parseFormFields(ORDER_FORM_FIELDS);

function orderForm(): MappingFormState {
  const state = emptyFormState();
  state.lineItem.name = { mode: "field", field: "customer_name", text: "" };
  state.lineItem.unitPrice = { mode: "field", field: "amount_total", text: "" };
  state.currencyMode = "const";
  state.currencyCode = "JPY";
  state.successUrl = "https://shop.example.com/thanks";
  return state;
}

const CASES: Array<[string, (state: MappingFormState) => void, string, string]> = [
  [
    "a field whose type does not fit",
    (s) => (s.writeBack.expiresAt = "customer_name"),
    "customer_name",
    "Customer",
  ],
  [
    "a status field missing options",
    (s) => (s.writeBack.paymentStatus = "payment_status"),
    "payment_status",
    "Payment status",
  ],
  [
    "a field written back twice",
    (s) => {
      s.writeBack.sessionId = "customer_email";
      s.writeBack.customerEmail = "customer_email";
    },
    "customer_email",
    "E-mail",
  ],
];

const count = (text: string, part: string): number => text.split(part).length - 1;

describe.each(["ja", "en"] as const)("settings errors in %s", (language) => {
  it.each(CASES)("name %s by its label, with its code once", (_, change, code, label) => {
    const state = orderForm();
    change(state);
    const result = checkMappingForm(state, fields, messages[language]);
    const errors = result.ok ? [] : result.errors.map((error) => error.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${label} (${code})`);
    expect(count(errors[0]!, code)).toBe(1);
  });

  it("name the other write-back target by the screen's name for it, not its key", () => {
    const state = orderForm();
    state.writeBack.sessionId = "customer_email";
    state.writeBack.customerEmail = "customer_email";
    const result = checkMappingForm(state, fields, messages[language]);
    const [error] = result.ok ? [] : result.errors.map((e) => e.message);
    expect(error).toContain(messages[language].settingsWriteBackSessionId);
    expect(error).not.toMatch(/sessionId|writeBack/);
  });

  it("name a field that is gone by its code, the only name it has", () => {
    const state = orderForm();
    state.writeBack.url = "deleted_link";
    const result = checkMappingForm(state, fields, messages[language]);
    const errors = result.ok ? [] : result.errors.map((error) => error.message);
    expect(errors).toHaveLength(1);
    expect(count(errors[0]!, "deleted_link")).toBe(1);
  });
});
