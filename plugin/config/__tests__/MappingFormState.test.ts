import fc from "fast-check";
import { emptyCheckoutOptionsFormState } from "../checkoutOptionsFormState";
import { emptyTaxFormState } from "../taxFormState";
import { emptySubscriptionFormState } from "../subscriptionFormState";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { validateMappingConfig } from "../../../core/mapping/parseMappingConfig";
import { STATES_OF } from "../../../core/mapping/statusLabels";
import {
  LINE_ITEM_REFS,
  WRITE_BACK_KEYS,
  emptyFormState,
  formStateFromMapping,
  mappingFromFormState,
  type MappingFormState,
  type RefState,
} from "../MappingFormState";

/** Every setting used, in the canonical form the screen writes. */
const ORDERS_MAPPING: MappingConfig = {
  version: 1,
  source: { type: "subtable", field: "items" },
  grouping: "single",
  lineItem: {
    productCode: { template: "{{item_code}}-{{size}}" },
    name: { field: "item_name" },
    description: { const: "Handmade in Japan" },
    image: { field: "item_photo", index: 2 },
    unitPrice: { field: "item_unit_price" },
    unitPriceIn: "minor",
    quantity: { field: "item_quantity" },
    minQuantity: { const: "1" },
    maxQuantity: { const: "10" },
  },
  currency: "USD",
  successUrl: "https://shop.example.com/thanks?s={CHECKOUT_SESSION_ID}",
  cancelUrl: "https://shop.example.com/cart/{{customer_id}}",
  expiresAfterMinutes: 60,
  customerEmail: { field: "customer_email" },
  locale: "ja",
  allowPromotionCodes: true,
  billingAddressCollection: "required",
  replaceOpenSession: false,
  allowRepeatPayment: true,
  afterExpirationRecovery: true,
  writeBack: {
    url: "checkout_url",
    sessionId: "checkout_session_id",
    status: "checkout_status",
    paymentStatus: "payment_status",
    expiresAt: "checkout_expires_at",
    amountTotal: "amount_total",
    paidAt: "paid_at",
    customerEmail: "checkout_customer_email",
    error: "checkout_error",
    amountRefunded: "amount_refunded",
    paymentIntentId: "payment_intent_id",
    recoveryUrl: "recovery_url",
  },
};

describe("the settings form state", () => {
  it("fills the form from a stored mapping and builds the same mapping back", () => {
    const state = formStateFromMapping(ORDERS_MAPPING);
    expect(state.imageNumber).toBe("3"); // people count files from 1, the mapping from 0
    expect(state.lineItem.description).toEqual({
      mode: "const",
      field: "",
      text: "Handmade in Japan",
    });
    expect(mappingFromFormState(state)).toEqual(ORDERS_MAPPING);
  });

  it("saves a mapping stored before repeat payments and recovery existed without those keys", () => {
    const { allowRepeatPayment, afterExpirationRecovery, ...older } = ORDERS_MAPPING;
    const { amountRefunded, paymentIntentId, recoveryUrl, ...olderWriteBack } = older.writeBack;
    expect([allowRepeatPayment, afterExpirationRecovery]).toEqual([true, true]);
    expect([amountRefunded, paymentIntentId, recoveryUrl]).not.toContain(undefined);
    const stored: MappingConfig = { ...older, writeBack: olderWriteBack };
    const saved = mappingFromFormState(formStateFromMapping(stored));
    expect(saved).toEqual(stored);
    expect(saved).not.toHaveProperty("afterExpirationRecovery");
    expect(saved).not.toHaveProperty("allowRepeatPayment");
  });

  it("leaves unused elements out of the mapping, so the mapping's defaults apply", () => {
    const state = emptyFormState();
    state.lineItem.name = { mode: "field", field: "product_name", text: "" };
    state.lineItem.unitPrice = { mode: "const", field: "", text: " 1800 " };
    state.successUrl = " https://shop.example.com/thanks ";
    state.imageField = "image";
    const mapping = mappingFromFormState(state);
    expect(mapping).toEqual({
      version: 1,
      source: { type: "records" },
      grouping: "perRecord",
      lineItem: {
        name: { field: "product_name" },
        image: { field: "image" },
        unitPrice: { const: "1800" },
      },
      currency: "JPY",
      successUrl: "https://shop.example.com/thanks",
      billingAddressCollection: "auto",
      replaceOpenSession: true,
      writeBack: {},
    });
    expect(validateMappingConfig(mapping).ok).toBe(true);
  });

  it("writes every image of the field as all: true, without an index", () => {
    const state = formStateFromMapping(ORDERS_MAPPING);
    state.imageChoice = "all";
    expect(mappingFromFormState(state).lineItem).toMatchObject({
      image: { field: "item_photo", all: true },
    });
    expect(formStateFromMapping(ORDERS_MAPPING).imageChoice).toBe("index");
  });

  it("round-trips any valid form: form → mapping → form keeps every value the mapping uses", () => {
    const code = fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/);
    const ref = (modes: RefState["mode"][]): fc.Arbitrary<RefState> =>
      fc.oneof(
        ...modes.map((mode) =>
          mode === "none"
            ? fc.constant<RefState>({ mode, field: "", text: "" })
            : mode === "field"
              ? code.map<RefState>((field) => ({ mode, field, text: "" }))
              : mode === "const"
                ? fc
                    .integer({ min: 1, max: 99 })
                    .map<RefState>((n) => ({ mode, field: "", text: String(n) }))
                : fc
                    .string({ minLength: 1 })
                    .filter((s) => s.trim() !== "")
                    .map<RefState>((text) => ({ mode, field: "", text })),
        ),
      );
    // Each state unlabelled, labelled with its own code (the same as none) or with a text of its own.
    const labels = (states: readonly string[]) =>
      fc.record(
        Object.fromEntries(
          states.map((code) => [code, fc.constantFrom("", code, `${code}の表示`)]),
        ) as Record<string, fc.Arbitrary<string>>,
      );
    const state: fc.Arbitrary<MappingFormState> = fc.record({
      sourceType: fc.constantFrom("records" as const, "subtable" as const),
      subtableField: code,
      grouping: fc.constantFrom("single" as const, "perRecord" as const),
      lineItem: fc.record({
        productCode: ref(["none", "field", "template"]),
        name: ref(["field", "template"]),
        description: ref(["none", "field", "template"]),
        unitPrice: ref(["field", "const"]),
        quantity: ref(["none", "field", "const"]),
        minQuantity: ref(["none", "field"]),
        maxQuantity: ref(["none", "field"]),
      }),
      imageField: fc.oneof(fc.constant(""), code),
      imageChoice: fc.constantFrom("first" as const, "index" as const, "all" as const),
      imageNumber: fc.integer({ min: 1, max: 20 }).map(String),
      unitPriceIn: fc.constantFrom("major" as const, "minor" as const),
      currencyMode: fc.constantFrom("const" as const, "field" as const),
      currencyCode: fc.constantFrom("JPY", "USD", "EUR"),
      currencyField: code,
      successUrl: fc.constantFrom("https://a.example/ok", "https://a.example/{{code}}"),
      cancelUrl: fc.constantFrom("", "https://a.example/back"),
      expiresAfterMinutes: fc.oneof(
        fc.constant(""),
        fc.integer({ min: 30, max: 1440 }).map(String),
      ),
      customerEmail: ref(["none", "field", "template"]),
      locale: fc.constantFrom("", "auto", "ja", "en"),
      allowPromotionCodes: fc.boolean(),
      billingAddressCollection: fc.constantFrom("auto" as const, "required" as const),
      replaceOpenSession: fc.boolean(),
      allowRepeatPayment: fc.boolean(),
      afterExpirationRecovery: fc.boolean(),
      writeBack: fc.record(
        Object.fromEntries(WRITE_BACK_KEYS.map((key) => [key, fc.constant("")])) as Record<
          (typeof WRITE_BACK_KEYS)[number],
          fc.Arbitrary<string>
        >,
      ),
      statusLabels: fc.record({
        status: labels(STATES_OF.status),
        paymentStatus: labels(STATES_OF.paymentStatus),
      }),
      processActions: fc.record({
        paid: fc.constantFrom("", "入金を確認する"),
        expired: fc.constantFrom("", "期限切れにする"),
        refunded: fc.constantFrom("", "返金する"),
      }),
      options: fc.constant(emptyCheckoutOptionsFormState()),
      tax: fc.constant(emptyTaxFormState()),
      subscription: fc.constant(emptySubscriptionFormState()),
    });
    fc.assert(
      fc.property(state, (form) => {
        // Values the form keeps but does not use (another mode's field, a hidden subtable) are
        // not part of the mapping: compare what the mapping holds.
        const normalized = formStateFromMapping(validMapping(form));
        expect(mappingFromFormState(normalized)).toEqual(mappingFromFormState(form));
        for (const key of LINE_ITEM_REFS) {
          if (form.lineItem[key].mode !== "none") {
            expect(normalized.lineItem[key]).toEqual(form.lineItem[key]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

function validMapping(form: MappingFormState): MappingConfig {
  const result = validateMappingConfig(mappingFromFormState(form));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mapping;
}
