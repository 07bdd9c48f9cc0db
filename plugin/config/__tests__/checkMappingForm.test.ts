import { messages } from "../../i18n/messages";
import { checkMappingForm, controlForPath } from "../checkMappingForm";
import { parseFormFields } from "../formFields";
import { emptyFormState, type MappingFormState } from "../MappingFormState";
import { paymentStatusSchema } from "../../../core/api/proxyApi";
import { missingStatusOptions } from "../missingStatusOptions";
import { ORDER_FORM_FIELDS } from "./fakeKintone";

const t = messages.en;
const fields = parseFormFields(ORDER_FORM_FIELDS);

/** A complete, valid form for the Orders app in subtable mode. */
function validForm(): MappingFormState {
  const state = emptyFormState();
  state.sourceType = "subtable";
  state.subtableField = "items";
  state.lineItem.name = { mode: "field", field: "item_name", text: "" };
  state.lineItem.unitPrice = { mode: "field", field: "item_unit_price", text: "" };
  state.lineItem.quantity = { mode: "field", field: "item_quantity", text: "" };
  state.currencyMode = "field";
  state.currencyField = "currency";
  state.successUrl = "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}";
  state.writeBack.url = "checkout_url";
  state.writeBack.status = "checkout_status";
  return state;
}

function errorsOf(state: MappingFormState) {
  const result = checkMappingForm(state, fields, t);
  return result.ok ? [] : result.errors;
}

describe("checkMappingForm", () => {
  it("accepts a complete form and gives the mapping core validated", () => {
    const result = checkMappingForm(validForm(), fields, t);
    expect(result).toMatchObject({
      ok: true,
      mapping: { source: { type: "subtable", field: "items" }, currency: { field: "currency" } },
    });
  });

  it("puts each error on its own control", () => {
    const state = validForm();
    state.lineItem.name.field = "";
    state.lineItem.description = { mode: "template", field: "", text: "  " };
    state.successUrl = "";
    state.expiresAfterMinutes = "20";
    state.imageField = "item_photo";
    state.imageChoice = "index";
    state.imageNumber = "0";
    expect(errorsOf(state)).toEqual([
      { control: "lineItem.name", message: t.settingsErrorChooseField },
      { control: "lineItem.description", message: t.settingsErrorEnterValue },
      { control: "lineItem.image", message: t.settingsErrorImageNumber },
      { control: "successUrl", message: t.settingsErrorEnterUrl },
      { control: "expiresAfterMinutes", message: t.settingsErrorExpiry },
    ]);
  });

  it("names a field that is gone, and one whose type does not fit", () => {
    const state = validForm();
    state.lineItem.unitPrice.field = "deleted_price";
    state.writeBack.expiresAt = "customer_name";
    expect(errorsOf(state)).toEqual([
      { control: "lineItem.unitPrice", message: "Field deleted_price is not in the form." },
      {
        control: "writeBack.expiresAt",
        message:
          "Field Customer (customer_name) is of type SINGLE_LINE_TEXT, which does not fit here.",
      },
    ]);
  });

  it("refuses a column of another table than the chosen one", () => {
    const state = validForm();
    state.lineItem.description = { mode: "field", field: "note_text", text: "" };
    expect(errorsOf(state)).toEqual([
      {
        control: "lineItem.description",
        message: "Field Note (note_text) is of type SINGLE_LINE_TEXT, which does not fit here.",
      },
    ]);
  });

  it("asks for the table in subtable mode", () => {
    const state = validForm();
    state.subtableField = "";
    expect(errorsOf(state)).toContainEqual({
      control: "source.field",
      message: t.settingsErrorChooseField,
    });
  });

  it("names the status values a drop-down or radio button does not offer", () => {
    const state = validForm();
    state.writeBack.paymentStatus = "payment_status"; // offers only unpaid and paid
    expect(errorsOf(state)).toEqual([
      {
        control: "writeBack.paymentStatus",
        message:
          "Payment status (payment_status) does not offer the values that will be written: no_payment_required, failed, refunded, partially_refunded, disputed, dispute_lost.",
      },
    ]);
  });

  it("places core's own checks (the proxy's) on the control they concern", () => {
    const state = validForm();
    state.currencyMode = "const";
    state.currencyCode = "JPY";
    state.lineItem.unitPrice = { mode: "const", field: "", text: "12.5" };
    state.writeBack.sessionId = "customer_email";
    state.writeBack.customerEmail = "customer_email"; // the second write would overwrite the first
    const errors = errorsOf(state);
    expect(errors.map((e) => e.control)).toEqual(["lineItem.unitPrice", "writeBack.customerEmail"]);
    expect(errors[0]?.message).toContain('"12.5" is not a valid price');
    expect(errors[1]?.message).toBe(
      'Field E-mail (customer_email) is already written back as "Session ID".',
    );
  });

  it("does not check field choices when the form fields could not be read", () => {
    const state = validForm();
    state.lineItem.unitPrice.field = "anything";
    expect(checkMappingForm(state, undefined, t).ok).toBe(true);
  });
});

describe("controlForPath", () => {
  it.each([
    ["lineItem.unitPrice.const", "lineItem.unitPrice"],
    ["lineItem.unitPriceIn", "lineItem.unitPriceIn"],
    ["lineItem.image.index", "lineItem.image"],
    ["writeBack.status", "writeBack.status"],
    ["source", "source.field"],
    ["", ""],
  ])("maps core's path %p to the control %p", (path, control) => {
    expect(controlForPath(path)).toBe(control);
  });
});

describe("missingStatusOptions", () => {
  const field = (type: string, options?: string[]) => ({ code: "s", label: "S", type, options });

  it("names what a drop-down or radio button lacks, in the order values are written", () => {
    expect(missingStatusOptions(field("DROP_DOWN", ["open", "expired"]), "status")).toEqual([
      "complete",
    ]);
    expect(missingStatusOptions(field("RADIO_BUTTON", ["paid"]), "paymentStatus")).toEqual([
      "unpaid",
      "no_payment_required",
      "failed",
      "refunded",
      "partially_refunded",
      "disputed",
      "dispute_lost",
    ]);
  });

  it("asks a payment status drop-down for the dispute states too", () => {
    const disputes = ["disputed", "dispute_lost"];
    const older = paymentStatusSchema.options.filter((value) => !disputes.includes(value));
    expect(missingStatusOptions(field("DROP_DOWN", older), "paymentStatus")).toEqual([
      "disputed",
      "dispute_lost",
    ]);
  });

  it("is satisfied by a field offering every value, and by a text field", () => {
    expect(
      missingStatusOptions(field("DROP_DOWN", ["", "expired", "complete", "open"]), "status"),
    ).toEqual([]);
    expect(missingStatusOptions(field("SINGLE_LINE_TEXT"), "paymentStatus")).toEqual([]);
  });
});
