/**
 * The settings form's part for subscriptions: one-time payment or subscription, the billing
 * interval (a field of the app or a fixed one), the interval count, and the fields the
 * subscription's id, state and period end are written to. Before saving, Stripe's subscription
 * rules are checked by core's own engine checks, so the screen tells the same reason the proxy would.
 */
import { SUBSCRIPTION_INTERVALS, type SubscriptionInterval } from "../../core/api/proxyApi";
import type { MappingConfig, ValueRef } from "../../core/mapping/MappingConfig";
import { subscriptionMappingIssues } from "../../core/subscription/subscriptionIssues";
import { messages as allMessages, type Messages } from "../i18n/messages";
import { formatMessage } from "./formatMessage";
import { labelQuotedFields } from "../../core/fields/labelFields";
import { elementLabeler } from "../i18n/elementLabels";

export const SUBSCRIPTION_WRITE_BACK_KEYS = [
  "subscriptionId",
  "subscriptionStatus",
  "currentPeriodEnd",
] as const;
export type SubscriptionWriteBackKey = (typeof SUBSCRIPTION_WRITE_BACK_KEYS)[number];

export interface SubscriptionFormState {
  mode: "payment" | "subscription";
  intervalMode: "field" | "const";
  intervalField: string;
  intervalConst: SubscriptionInterval;
  /** As typed; empty means 1. */
  intervalCount: string;
  /** A count from a field or a template, which the screen does not edit: kept as stored. */
  keptCount?: ValueRef;
  writeBack: Record<SubscriptionWriteBackKey, string>;
}

export function emptySubscriptionFormState(): SubscriptionFormState {
  return {
    mode: "payment",
    intervalMode: "const",
    intervalField: "",
    intervalConst: "month",
    intervalCount: "",
    writeBack: { subscriptionId: "", subscriptionStatus: "", currentPeriodEnd: "" },
  };
}

const isInterval = (value: string): value is SubscriptionInterval =>
  (SUBSCRIPTION_INTERVALS as readonly string[]).includes(value);

export function subscriptionFormStateFromMapping(mapping: MappingConfig): SubscriptionFormState {
  const state = emptySubscriptionFormState();
  state.mode = mapping.mode ?? "payment";
  const recurring = mapping.lineItem.recurring;
  if (recurring && "field" in recurring.interval) {
    state.intervalMode = "field";
    state.intervalField = recurring.interval.field;
  } else if (recurring && "const" in recurring.interval) {
    const value = String(recurring.interval.const);
    if (isInterval(value)) state.intervalConst = value;
  }
  const count = recurring?.intervalCount;
  if (count && "const" in count) state.intervalCount = String(count.const);
  else if (count) state.keptCount = count;
  for (const key of SUBSCRIPTION_WRITE_BACK_KEYS)
    state.writeBack[key] = mapping.writeBack[key] ?? "";
  return state;
}

/** The subscription part's additions to `lineItem`, `writeBack` and the top level (not validated yet). */
export function subscriptionParts(state: SubscriptionFormState): {
  lineItem: Record<string, unknown>;
  writeBack: Record<string, unknown>;
  topLevel: Record<string, unknown>;
} {
  const writeBack = Object.fromEntries(
    SUBSCRIPTION_WRITE_BACK_KEYS.filter((key) => state.writeBack[key] !== "").map((key) => [
      key,
      state.writeBack[key],
    ]),
  );
  // A one-time mapping stays as it was before subscriptions existed: no mode, no interval.
  if (state.mode !== "subscription") return { lineItem: {}, writeBack, topLevel: {} };
  const interval =
    state.intervalMode === "field"
      ? { field: state.intervalField }
      : { const: state.intervalConst };
  const count = state.intervalCount.trim();
  const intervalCount = count !== "" ? { const: count } : state.keptCount;
  const recurring = intervalCount === undefined ? { interval } : { interval, intervalCount };
  return { lineItem: { recurring }, writeBack, topLevel: { mode: "subscription" } };
}

/** The screen's own checks of the subscription part, in the user's language. */
export function subscriptionFormErrors(
  state: SubscriptionFormState,
  candidate: Record<string, unknown>,
  messages: Messages,
): { control: string; message: string }[] {
  const language = messages === allMessages.ja ? "ja" : "en";
  if (state.mode !== "subscription") return [];
  const errors: { control: string; message: string }[] = [];
  if (state.intervalMode === "field" && state.intervalField === "") {
    errors.push({ control: "lineItem.recurring", message: messages.settingsErrorChooseField });
  }
  // Konbini, PayPay, invoiceCreation, customerCreation: the reason is the engine's own.
  for (const issue of subscriptionMappingIssues(candidate as MappingConfig)) {
    errors.push({
      control: "mode",
      message: formatMessage(messages.settingsSubscriptionRules, {
        reason: labelQuotedFields(issue.message[language], elementLabeler(messages)),
      }),
    });
  }
  return errors;
}

/** The settings screen's controls of the subscription part, by the mapping path each edits. */
export const SUBSCRIPTION_CONTROLS = [
  "mode",
  "lineItem.recurring",
  "lineItem.recurring.intervalCount",
  ...SUBSCRIPTION_WRITE_BACK_KEYS.map((key) => `writeBack.${key}`),
];
