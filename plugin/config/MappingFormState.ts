/**
 * The settings form's state: plain strings and flags, one per control, so the screen can bind to
 * it directly. `mappingFromFormState` builds the candidate mapping (checked afterwards with core's
 * validateMappingConfig); `formStateFromMapping` fills the form from a stored mapping.
 */
import type { MappingConfig, ValueRef } from "../../core/mapping/MappingConfig";
import {
  emptyLabelFormState,
  emptyProcessActionFormState,
  labelFormStateFromMapping,
  processActionFormStateFromMapping,
  processActionsPart,
  statusLabelsPart,
  type LabelFormState,
  type ProcessActionFormState,
} from "./statusFormState";
import {
  checkoutOptionsFormStateFromMapping,
  checkoutOptionsLineAndWriteBack,
  checkoutOptionsPart,
  emptyCheckoutOptionsFormState,
  type CheckoutOptionsFormState,
} from "./checkoutOptionsFormState";
import {
  emptyTaxFormState,
  taxFormStateFromMapping,
  taxParts,
  type TaxFormState,
} from "./taxFormState";
import {
  emptySubscriptionFormState,
  subscriptionFormStateFromMapping,
  subscriptionParts,
  type SubscriptionFormState,
} from "./subscriptionFormState";

export type RefMode = "none" | "field" | "const" | "template";

export interface RefState {
  mode: RefMode;
  field: string;
  /** The constant or the template, as typed. */
  text: string;
}

export const LINE_ITEM_REFS = [
  "productCode",
  "name",
  "description",
  "unitPrice",
  "quantity",
  "minQuantity",
  "maxQuantity",
] as const;
export type LineItemRefKey = (typeof LINE_ITEM_REFS)[number];

export const WRITE_BACK_KEYS = [
  "url",
  "sessionId",
  "status",
  "paymentStatus",
  "expiresAt",
  "amountTotal",
  "paidAt",
  "customerEmail",
  "error",
  "amountRefunded",
  "paymentIntentId",
  "recoveryUrl",
  "customerId",
  "customerName",
  "customerPhone",
  "billingAddress",
  "shippingAddress",
] as const;
export type WriteBackKey = (typeof WRITE_BACK_KEYS)[number];

/** Which file of the attachment field: the first image, the n-th file, or every image (up to 8). */
export type ImageChoice = "first" | "index" | "all";

export interface MappingFormState {
  sourceType: "records" | "subtable";
  subtableField: string;
  grouping: "single" | "perRecord";
  lineItem: Record<LineItemRefKey, RefState>;
  imageField: string;
  imageChoice: ImageChoice;
  /** 1-based for people; the mapping's `index` counts from 0. */
  imageNumber: string;
  unitPriceIn: "major" | "minor";
  currencyMode: "const" | "field";
  currencyCode: string;
  currencyField: string;
  successUrl: string;
  cancelUrl: string;
  /** Empty: Stripe's longest, 24 hours. */
  expiresAfterMinutes: string;
  customerEmail: RefState;
  /** Empty: not set (Stripe chooses). */
  locale: string;
  allowPromotionCodes: boolean;
  billingAddressCollection: "auto" | "required";
  replaceOpenSession: boolean;
  allowRepeatPayment: boolean;
  afterExpirationRecovery: boolean;
  writeBack: Record<WriteBackKey, string>;
  statusLabels: LabelFormState;
  processActions: ProcessActionFormState;
  /** Embedded mode, payment methods, what the buyer is asked, page texts, customer, Prices. */
  options: CheckoutOptionsFormState;
  tax: TaxFormState;
  subscription: SubscriptionFormState;
}

const noRef = (): RefState => ({ mode: "none", field: "", text: "" });

export function emptyFormState(): MappingFormState {
  return {
    sourceType: "records",
    subtableField: "",
    grouping: "perRecord",
    lineItem: {
      productCode: noRef(),
      name: { mode: "field", field: "", text: "" },
      description: noRef(),
      unitPrice: { mode: "field", field: "", text: "" },
      quantity: noRef(),
      minQuantity: noRef(),
      maxQuantity: noRef(),
    },
    imageField: "",
    imageChoice: "first",
    imageNumber: "1",
    unitPriceIn: "major",
    currencyMode: "const",
    currencyCode: "JPY",
    currencyField: "",
    successUrl: "",
    cancelUrl: "",
    expiresAfterMinutes: "",
    customerEmail: noRef(),
    locale: "",
    allowPromotionCodes: false,
    billingAddressCollection: "auto",
    replaceOpenSession: true,
    allowRepeatPayment: false,
    afterExpirationRecovery: false,
    writeBack: Object.fromEntries(WRITE_BACK_KEYS.map((key) => [key, ""])) as Record<
      WriteBackKey,
      string
    >,
    statusLabels: emptyLabelFormState(),
    processActions: emptyProcessActionFormState(),
    options: emptyCheckoutOptionsFormState(),
    tax: emptyTaxFormState(),
    subscription: emptySubscriptionFormState(),
  };
}

function refState(ref: ValueRef | undefined): RefState {
  if (ref === undefined) return noRef();
  if ("field" in ref) return { mode: "field", field: ref.field, text: "" };
  if ("const" in ref) return { mode: "const", field: "", text: String(ref.const) };
  return { mode: "template", field: "", text: ref.template };
}

/** A ref the form leaves out (mode none) is absent from the mapping. Texts are kept as typed. */
function valueRef(state: RefState): ValueRef | undefined {
  switch (state.mode) {
    case "none":
      return undefined;
    case "field":
      return { field: state.field };
    case "const":
      return { const: state.text.trim() };
    case "template":
      return { template: state.text };
  }
}

export function formStateFromMapping(mapping: MappingConfig): MappingFormState {
  const state = emptyFormState();
  state.sourceType = mapping.source.type;
  state.subtableField = mapping.source.type === "subtable" ? mapping.source.field : "";
  state.grouping = mapping.grouping;
  for (const key of LINE_ITEM_REFS) state.lineItem[key] = refState(mapping.lineItem[key]);
  const image = mapping.lineItem.image;
  if (image !== undefined) {
    state.imageField = image.field;
    state.imageChoice = image.all ? "all" : image.index !== undefined ? "index" : "first";
    state.imageNumber = String((image.index ?? 0) + 1);
  }
  state.unitPriceIn = mapping.lineItem.unitPriceIn ?? "major";
  if (typeof mapping.currency === "string") {
    state.currencyMode = "const";
    state.currencyCode = mapping.currency.toUpperCase();
  } else {
    state.currencyMode = "field";
    state.currencyField = mapping.currency.field;
  }
  state.successUrl = mapping.successUrl ?? "";
  state.cancelUrl = mapping.cancelUrl ?? "";
  state.expiresAfterMinutes =
    mapping.expiresAfterMinutes === undefined ? "" : String(mapping.expiresAfterMinutes);
  state.customerEmail = refState(mapping.customerEmail);
  state.locale = mapping.locale ?? "";
  state.allowPromotionCodes = mapping.allowPromotionCodes ?? false;
  state.billingAddressCollection = mapping.billingAddressCollection ?? "auto";
  state.replaceOpenSession = mapping.replaceOpenSession ?? true;
  state.allowRepeatPayment = mapping.allowRepeatPayment ?? false;
  state.afterExpirationRecovery = mapping.afterExpirationRecovery ?? false;
  for (const key of WRITE_BACK_KEYS) state.writeBack[key] = mapping.writeBack[key] ?? "";
  state.statusLabels = labelFormStateFromMapping(mapping);
  state.processActions = processActionFormStateFromMapping(mapping);
  state.options = checkoutOptionsFormStateFromMapping(mapping);
  state.tax = taxFormStateFromMapping(mapping);
  state.subscription = subscriptionFormStateFromMapping(mapping);
  return state;
}

/**
 * The mapping the form describes, not yet validated (hence `unknown`-ish values such as an
 * expiry that is not a number are passed on for the schema to name).
 */
export function mappingFromFormState(state: MappingFormState): Record<string, unknown> {
  const lineItem: Record<string, unknown> = {};
  for (const key of LINE_ITEM_REFS) {
    const ref = valueRef(state.lineItem[key]);
    if (ref !== undefined) lineItem[key] = ref;
    if (key === "description" && state.imageField !== "") {
      lineItem.image = {
        field: state.imageField,
        ...(state.imageChoice === "all" ? { all: true } : {}),
        ...(state.imageChoice === "index" ? { index: toNumber(state.imageNumber) - 1 } : {}),
      };
    }
  }
  if (state.unitPriceIn === "minor") lineItem.unitPriceIn = "minor";

  const writeBack: Record<string, unknown> = {};
  for (const key of WRITE_BACK_KEYS) {
    if (state.writeBack[key] !== "") writeBack[key] = state.writeBack[key];
  }
  const optionParts = checkoutOptionsLineAndWriteBack(state.options);
  Object.assign(lineItem, optionParts.lineItem);
  Object.assign(writeBack, optionParts.writeBack);
  const taxPart = taxParts(state.tax);
  Object.assign(lineItem, taxPart.lineItem);
  Object.assign(writeBack, taxPart.writeBack);
  const subscriptionPart = subscriptionParts(state.subscription);
  Object.assign(lineItem, subscriptionPart.lineItem);
  Object.assign(writeBack, subscriptionPart.writeBack);
  const customerEmail = valueRef(state.customerEmail);
  const successUrl = state.successUrl.trim();
  const expiry = state.expiresAfterMinutes.trim();
  return {
    version: 1,
    source:
      state.sourceType === "subtable"
        ? { type: "subtable", field: state.subtableField }
        : { type: "records" },
    grouping: state.grouping,
    lineItem,
    currency: state.currencyMode === "const" ? state.currencyCode : { field: state.currencyField },
    // An embedded session has a return URL instead: an empty success URL is then left out.
    ...(successUrl !== "" || state.options.uiMode !== "embedded" ? { successUrl } : {}),
    ...(state.cancelUrl.trim() !== "" ? { cancelUrl: state.cancelUrl.trim() } : {}),
    ...(expiry !== "" ? { expiresAfterMinutes: toNumber(expiry) } : {}),
    ...(customerEmail !== undefined ? { customerEmail } : {}),
    ...(state.locale !== "" ? { locale: state.locale } : {}),
    ...(state.allowPromotionCodes ? { allowPromotionCodes: true } : {}),
    billingAddressCollection: state.billingAddressCollection,
    replaceOpenSession: state.replaceOpenSession,
    // Absent unless turned on, so a mapping saved before these options existed stays as it was.
    ...(state.allowRepeatPayment ? { allowRepeatPayment: true } : {}),
    ...(state.afterExpirationRecovery ? { afterExpirationRecovery: true } : {}),
    writeBack,
    ...statusLabelsPart(state.statusLabels),
    ...processActionsPart(state.processActions),
    ...checkoutOptionsPart(state.options),
    ...taxPart.topLevel,
    ...subscriptionPart.topLevel,
  };
}

/** Digits only: "1e3" or "30.5" become NaN, which the schema then refuses with its path. */
function toNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}
