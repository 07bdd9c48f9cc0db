/**
 * The subscription section (定期課金): one-time payment or subscription, the billing interval
 * from a field of the app (a drop-down or a text) or a fixed one, the interval count, and the
 * fields the subscription's id, state and next renewal are written to. Each control writes
 * `state.subscription`; the rules Stripe sets for subscriptions are checked before saving.
 */
import { Dropdown } from "kintone-ui-component/lib/dropdown";
import { Text } from "kintone-ui-component/lib/text";
import { SUBSCRIPTION_INTERVALS } from "../../../core/api/proxyApi";
import type { Messages } from "../../i18n/messages";
import {
  SUBSCRIPTION_WRITE_BACK_KEYS,
  type SubscriptionWriteBackKey,
} from "../subscriptionFormState";
import type { FieldPurpose } from "../formFields";
import { fieldDropdown } from "./fieldDropdown";
import { kucTarget, modeDropdown, radioChoice, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

const WRITE_BACK: Record<SubscriptionWriteBackKey, [FieldPurpose, (t: Messages) => [string, string]]> = {
  subscriptionId: ["writeBackText", (t) => [t.settingsWriteBackSubscriptionId, t.settingsWriteBackTextHelp]],
  subscriptionStatus: ["writeBackStatus", (t) => [t.settingsWriteBackSubscriptionStatus, t.settingsWriteBackSubscriptionStatusHelp]],
  currentPeriodEnd: ["writeBackDate", (t) => [t.settingsWriteBackCurrentPeriodEnd, t.settingsWriteBackCurrentPeriodEndHelp]],
}; // prettier-ignore

export function subscriptionSection(context: SettingsContext): HTMLElement {
  const { t } = context;
  const subscription = context.state.subscription;
  const container = section(context, t.settingsSectionSubscription, t.settingsSubscriptionHelp);
  container.dataset.section = "subscription";

  const details: HTMLElement[] = [];
  const showDetails = () =>
    details.forEach((detail) => (detail.hidden = subscription.mode !== "subscription"));
  const mode = radioChoice(
    [
      { label: t.settingsModePayment, value: "payment" },
      { label: t.settingsModeSubscription, value: "subscription" },
    ],
    subscription.mode,
    (value) => {
      subscription.mode = value === "subscription" ? "subscription" : "payment";
      showDetails();
    },
  );
  kucTarget(context, "mode", t.settingsMode, mode);

  const intervalMode = modeDropdown(
    [
      { label: t.settingsSubscriptionIntervalConst, value: "const" },
      { label: t.settingsSubscriptionIntervalField, value: "field" },
    ],
    subscription.intervalMode,
  );
  const intervalConst = new Dropdown({
    items: SUBSCRIPTION_INTERVALS.map((value) => ({ label: intervalLabel(t, value), value })),
    value: subscription.intervalConst,
    className: `${CLASS}-field`,
  });
  intervalConst.addEventListener("change", () => {
    subscription.intervalConst = intervalConst.value as typeof subscription.intervalConst;
  });
  // Drop-downs, radio buttons and texts: what the currency picker offers too.
  const intervalField = fieldDropdown(
    context,
    "currency",
    () => subscription.intervalField,
    (code) => (subscription.intervalField = code),
    true,
  );
  const showInterval = () => {
    intervalConst.hidden = subscription.intervalMode !== "const";
    intervalField.hidden = subscription.intervalMode !== "field";
  };
  intervalMode.addEventListener("change", () => {
    subscription.intervalMode = intervalMode.value === "field" ? "field" : "const";
    showInterval();
  });
  showInterval();
  kucTarget(context, "lineItem.recurring", t.settingsSubscriptionInterval, intervalField);

  const count = new Text({
    value: subscription.intervalCount,
    placeholder: "1",
    className: `${CLASS}-short`,
  });
  count.addEventListener("change", () => (subscription.intervalCount = count.value));
  kucTarget(
    context,
    "lineItem.recurring.intervalCount",
    t.settingsSubscriptionIntervalCount,
    count,
  );

  details.push(
    row(context, "lineItem.recurring", t.settingsSubscriptionInterval,
      [intervalMode, intervalConst, intervalField], t.settingsSubscriptionIntervalHelp),
    row(context, "lineItem.recurring.intervalCount", t.settingsSubscriptionIntervalCount, count,
      t.settingsSubscriptionIntervalCountHelp),
  ); // prettier-ignore
  for (const key of SUBSCRIPTION_WRITE_BACK_KEYS) {
    const [purpose, texts] = WRITE_BACK[key];
    const [label, help] = texts(t);
    const set = (code: string) => (subscription.writeBack[key] = code);
    const picker = fieldDropdown(
      context,
      purpose,
      () => subscription.writeBack[key],
      set,
      false,
      true,
    );
    kucTarget(context, `writeBack.${key}`, label, picker);
    details.push(row(context, `writeBack.${key}`, label, picker, help));
  }
  showDetails();
  container.append(row(context, "mode", t.settingsMode, mode), ...details);
  return container;
}

function intervalLabel(t: Messages, interval: (typeof SUBSCRIPTION_INTERVALS)[number]): string {
  const words = {
    day: t.intervalDay,
    week: t.intervalWeek,
    month: t.intervalMonth,
    year: t.intervalYear,
  };
  // "月 (month)" in Japanese; in English the word is the code.
  return words[interval] === interval ? interval : `${words[interval]} (${interval})`;
}
