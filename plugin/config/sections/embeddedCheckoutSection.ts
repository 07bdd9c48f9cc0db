/**
 * The public settings for paying on the record screen's device: Stripe's publishable key and the
 * address Stripe.js is loaded from. Kept with setConfig (readable in the browser), never with the
 * proxy config: so a secret or restricted key is refused with a clear message.
 */
import { Text } from "kintone-ui-component/lib/text";
import type { Messages } from "../../i18n/messages";
import type { FormError } from "../checkMappingForm";
import {
  checkPublishableKey,
  checkStripeJsUrl,
  DEFAULT_STRIPE_JS_URL,
  type EmbeddedCheckoutSettings,
  type PublishableKeyProblem,
} from "../embeddedCheckoutSettings";
import type { PluginConfig } from "../pluginConfig";
import { kucTarget, row, section } from "./layout";
import { CLASS, type SettingsContext } from "./SettingsContext";

export interface EmbeddedCheckoutSection {
  element: HTMLElement;
  /** The settings to store (undefined: none, the key is empty), or the errors to show. */
  check: () => { errors: FormError[]; settings?: EmbeddedCheckoutSettings };
}

export function publishableKeyMessage(problem: PublishableKeyProblem, t: Messages): string {
  if (problem === "secret") return t.errorPublishableKeySecret;
  if (problem === "restricted") return t.errorPublishableKeyRestricted;
  return t.errorPublishableKeyInvalid;
}

export function embeddedCheckoutSection(
  context: SettingsContext,
  stored: Pick<PluginConfig, "publishableKey" | "stripeJsUrl">,
): EmbeddedCheckoutSection {
  const { t } = context;
  const keyInput = new Text({
    value: stored.publishableKey ?? "",
    placeholder: "pk_live_…",
    className: `${CLASS}-wide`,
    id: `${CLASS}-publishable-key`,
  });
  kucTarget(context, "publishableKey", t.settingsPublishableKey, keyInput);
  const urlInput = new Text({
    value: stored.stripeJsUrl === DEFAULT_STRIPE_JS_URL ? "" : (stored.stripeJsUrl ?? ""),
    placeholder: DEFAULT_STRIPE_JS_URL,
    className: `${CLASS}-wide`,
    id: `${CLASS}-stripe-js-url`,
  });
  kucTarget(context, "stripeJsUrl", t.settingsStripeJsUrl, urlInput);

  const sectionElement = section(context, t.settingsSectionEmbedded, t.settingsEmbeddedHelp);
  sectionElement.dataset.section = "embeddedCheckout";
  sectionElement.append(
    row(
      context,
      "publishableKey",
      t.settingsPublishableKey,
      keyInput,
      t.settingsPublishableKeyHelp,
    ),
    row(
      context,
      "stripeJsUrl",
      t.settingsStripeJsUrl,
      urlInput,
      `${t.settingsStripeJsUrlHelp} ${DEFAULT_STRIPE_JS_URL}`,
    ),
  );

  const check = () => {
    const key = checkPublishableKey(keyInput.value);
    const url = checkStripeJsUrl(urlInput.value);
    const errors: FormError[] = [];
    if (!key.ok)
      errors.push({ control: "publishableKey", message: publishableKeyMessage(key.problem, t) });
    if (!url.ok) errors.push({ control: "stripeJsUrl", message: t.errorStripeJsUrlInvalid });
    if (!key.ok || !url.ok || key.publishableKey === undefined) return { errors };
    return {
      errors,
      settings: { publishableKey: key.publishableKey, stripeJsUrl: url.stripeJsUrl },
    };
  };
  return { element: sectionElement, check };
}
