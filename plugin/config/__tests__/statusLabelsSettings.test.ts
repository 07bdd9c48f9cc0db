/** @jest-environment jsdom */
import { messages } from "../../i18n/messages";
import { checkMappingForm } from "../checkMappingForm";
import { parseFormFields, type FormField } from "../formFields";
import { mappingFromFormState } from "../MappingFormState";
import { missingStatusOptions } from "../missingStatusOptions";
import { parseProcessSettings } from "../processSettings";
import { installFakeKintone, removeFakeKintone } from "./fakeKintone";
import { renderSettingsForTest } from "./settingsScreenKit";

jest.mock("uuid", () => {
  let next = 0;
  return { v4: () => `kuc-id-${++next}` };
});

const t = messages.en;
const PAYMENT_OPTIONS = ["未決済", "入金済み", "期限切れ", "返金済み"];
const option = (label: string, index: number) => [label, { label, index: String(index) }];
const FIELDS = {
  properties: {
    name: { type: "SINGLE_LINE_TEXT", code: "name", label: "Name" },
    price: { type: "NUMBER", code: "price", label: "Price" },
    pay_status: {
      type: "DROP_DOWN",
      code: "pay_status",
      label: "支払状況",
      options: Object.fromEntries(PAYMENT_OPTIONS.map(option)),
    },
    checkout_status: {
      type: "DROP_DOWN",
      code: "checkout_status",
      label: "Checkout status",
      options: Object.fromEntries(["open", "complete", "expired"].map(option)),
    },
    note: { type: "SINGLE_LINE_TEXT", code: "note", label: "Note" },
  },
};

const MAPPING = {
  version: 1,
  source: { type: "records" },
  grouping: "perRecord",
  lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
  currency: "JPY",
  successUrl: "https://shop.example.com/thanks",
  writeBack: { status: "checkout_status", paymentStatus: "pay_status" },
};

async function render(
  mapping: object,
  process = { enabled: true, actions: ["入金を確認する", "発送する"] },
) {
  installFakeKintone({ config: { mapping: JSON.stringify(mapping) } });
  return renderSettingsForTest({ fields: FIELDS, loadProcess: () => Promise.resolve(process) });
}

afterEach(removeFakeKintone);

describe("the settings screen's status texts", () => {
  it("offers each payment state the drop-down's options, the option equal to the code by default", async () => {
    const { picker } = await render(MAPPING);
    expect(picker("statusLabels.paymentStatus.paid").items.map((i) => i.value)).toEqual([
      "",
      ...PAYMENT_OPTIONS,
    ]);
    expect(picker("statusLabels.paymentStatus.paid").value).toBe("");
    expect(picker("statusLabels.status.open").value).toBe("open");
  });

  it("puts the picked options into the mapping's statusLabels, and reloads them", async () => {
    const { screen, pick } = await render(MAPPING);
    pick("statusLabels.paymentStatus.unpaid", "未決済");
    pick("statusLabels.paymentStatus.paid", "入金済み");
    const mapping = mappingFromFormState(screen.state);
    expect(mapping.statusLabels).toEqual({ paymentStatus: { unpaid: "未決済", paid: "入金済み" } });

    const reloaded = await render(mapping);
    expect(reloaded.picker("statusLabels.paymentStatus.paid").value).toBe("入金済み");
    expect(reloaded.picker("statusLabels.paymentStatus.unpaid").value).toBe("未決済");
  });

  it("shows no pickers for a text field", async () => {
    const { container } = await render({ ...MAPPING, writeBack: { paymentStatus: "note" } });
    expect(container.querySelector('[data-control^="statusLabels."]')).toBeNull();
    expect(container.textContent).toContain(t.settingsStatusLabelsNoChoiceField);
  });

  it("refuses two states written as one option, on the state's picker", async () => {
    const { screen, pick } = await render(MAPPING);
    pick("statusLabels.paymentStatus.paid", "入金済み");
    pick("statusLabels.paymentStatus.no_payment_required", "入金済み");
    const check = checkMappingForm(screen.state, parseFormFields(FIELDS), t);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors).toContainEqual({
      control: "statusLabels.paymentStatus.no_payment_required",
      message:
        'The option "入金済み" is also used for paid: pick a different option for each state.',
    });
  });
});

describe("missingStatusOptions with labels", () => {
  const field: FormField = {
    code: "pay_status",
    label: "",
    type: "DROP_DOWN",
    options: PAYMENT_OPTIONS,
  };

  it("accepts a drop-down whose options are the labels", () => {
    const labels = {
      paymentStatus: {
        unpaid: "未決済",
        paid: "入金済み",
        failed: "期限切れ",
        refunded: "返金済み",
      },
    };
    expect(missingStatusOptions(field, "paymentStatus", labels)).toEqual([
      "no_payment_required",
      "partially_refunded",
      "disputed",
      "dispute_lost",
    ]);
  });
});

describe("the settings screen's process actions", () => {
  it("offers the app's actions per change and saves the pick", async () => {
    const { screen, picker, pick } = await render(MAPPING);
    expect(picker("processActions.paid").items.map((i) => i.value)).toEqual([
      "",
      "入金を確認する",
      "発送する",
    ]);
    pick("processActions.paid", "入金を確認する");
    const mapping = mappingFromFormState(screen.state);
    expect(mapping.processActions).toEqual({ paid: "入金を確認する" });
    const reloaded = await render(mapping);
    expect(reloaded.picker("processActions.paid").value).toBe("入金を確認する");
  });

  it("is hidden while the app's process management is off, and keeps what was stored", async () => {
    const stored = { ...MAPPING, processActions: { expired: "期限切れにする" } };
    const { container, screen } = await render(stored, { enabled: false, actions: [] });
    const section = container.querySelector<HTMLElement>('[data-section="processActions"]');
    expect(section?.hidden).toBe(true);
    expect(mappingFromFormState(screen.state).processActions).toEqual({
      expired: "期限切れにする",
    });
  });
});

describe("parseProcessSettings", () => {
  it("reads kintone's answer: enabled, each action name once", () => {
    expect(
      parseProcessSettings({
        enable: true,
        states: {},
        actions: [
          { name: "承認", from: "A", to: "B" },
          { name: "承認", from: "B", to: "C" },
          { name: "差し戻し", from: "B", to: "A" },
        ],
      }),
    ).toEqual({ enabled: true, actions: ["承認", "差し戻し"] });
  });

  it("reads an app never set up as off", () => {
    expect(parseProcessSettings({ enable: false, states: null, actions: null })).toEqual({
      enabled: false,
      actions: [],
    });
  });
});
