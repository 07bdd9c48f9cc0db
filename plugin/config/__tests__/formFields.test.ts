import { fieldChoices, findField, loadFormFields, parseFormFields } from "../formFields";
import { ORDER_FORM_FIELDS, installFakeKintone, removeFakeKintone } from "./fakeKintone";

const fields = parseFormFields(ORDER_FORM_FIELDS);
const codes = (list: { code: string }[]) => list.map((field) => field.code);

describe("parseFormFields", () => {
  it("reads fields with their options in kintone's order and subtables with their columns", () => {
    expect(findField(fields, "currency")?.options).toEqual(["JPY", "USD"]);
    expect(codes(findField(fields, "items")?.columns ?? [])).toEqual([
      "item_name",
      "item_unit_price",
      "item_quantity",
      "item_photo",
    ]);
    expect(findField(fields, "item_quantity")).toMatchObject({ type: "NUMBER", subtable: "items" });
  });

  it("leaves out disabled process-management fields and malformed entries", () => {
    const parsed = parseFormFields({
      properties: { ...ORDER_FORM_FIELDS.properties, broken: { label: "no code" }, odd: 3 },
    });
    expect(codes(parsed)).not.toContain("Status");
    expect(parsed).toHaveLength(fields.length);
    expect(parseFormFields(null)).toEqual([]);
  });
});

describe("fieldChoices", () => {
  it("offers only attachment fields for images", () => {
    expect(codes(fieldChoices(fields, "file"))).toEqual(["photos"]);
  });

  it("offers numbers and calculations first, then texts, for prices; never attachments or tables", () => {
    const choices = codes(fieldChoices(fields, "number"));
    expect(choices.slice(0, 2)).toEqual(["amount_total", "total"]);
    expect(choices).toEqual(expect.arrayContaining(["total", "amount_total", "customer_name"]));
    expect(choices).not.toContain("photos");
    expect(choices).not.toContain("items");
    expect(choices).not.toContain("expires_at");
  });

  it("in subtable mode offers the chosen table's columns first, then the record's fields", () => {
    const choices = codes(fieldChoices(fields, "number", "items"));
    expect(choices.slice(0, 3)).toEqual(["item_unit_price", "item_quantity", "item_name"]);
    expect(choices).toContain("total");
    expect(codes(fieldChoices(fields, "text", "items"))).not.toContain("note_text");
  });

  it("offers record fields only as write-back targets, of fitting types", () => {
    expect(codes(fieldChoices(fields, "writeBackDate", "items"))).toEqual(["expires_at"]);
    expect(codes(fieldChoices(fields, "writeBackUrl", "items"))).toEqual([
      "checkout_url",
      "customer_name",
      "customer_email",
    ]);
    expect(codes(fieldChoices(fields, "writeBackStatus"))).toEqual([
      "currency",
      "checkout_status",
      "payment_status",
      "customer_name",
      "customer_email",
    ]);
    expect(codes(fieldChoices(fields, "writeBackNumber"))).not.toContain("total"); // CALC is read-only
  });

  it("offers tables for the source", () => {
    expect(codes(fieldChoices(fields, "subtable"))).toEqual(["items", "notes"]);
  });
});

describe("loadFormFields", () => {
  afterEach(removeFakeKintone);

  it("asks kintone's REST API for the app's form fields with the page's session", async () => {
    const fake = installFakeKintone({ formFields: ORDER_FORM_FIELDS });
    const loaded = await loadFormFields("12");
    expect(fake.calls).toEqual([
      'api GET https://example.cybozu.com/k/v1/app/form/fields.json {"app":"12"}',
    ]);
    expect(codes(loaded)).toEqual(codes(fields));
  });
});
