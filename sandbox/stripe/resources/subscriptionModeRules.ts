/**
 * What a Checkout Session in `subscription` mode may hold, as the pinned API version documents it
 * (https://docs.stripe.com/api/checkout/sessions/create, and stripe-node 23's types):
 * - line_items: "For `subscription` mode, there is a maximum of 20 line items with recurring
 *   Prices and 20 line items with one-time Prices. Line items with one-time Prices will be on the
 *   initial invoice only"; at least one recurring line ("Pass `subscription` if the Checkout
 *   Session includes at least one recurring item");
 * - `payment_intent_data` is for "Checkout Sessions in `payment` mode", `invoice_creation`
 *   generates "a post-purchase Invoice for one-time payments", `customer_creation` "Can only be
 *   set in `payment` and `setup` mode"; `submit_type` is allowed "in `payment` or `subscription`
 *   mode";
 * - `subscription_data` is for "Checkout Sessions in `subscription` mode" (here: description and
 *   metadata, which the Subscription takes over);
 * - Konbini takes "only one-time line items (recurring subscription plans are not supported)"
 *   (https://docs.stripe.com/payments/konbini/accept-a-payment); PayPay is for payment mode
 *   only (https://docs.stripe.com/payments/paypay).
 */
import { mergeMetadata, type ParamReader } from "../params";
import { invalidParam } from "../StripeApiError";
import type { SessionSubscriptionData } from "../subscriptionObjects";
import type { RequestedLineItem } from "./sessionLineItems";

export const SUBSCRIPTION_PARAMS = ["subscription_data"];
export const MAX_RECURRING_LINES = 20;
export const MAX_ONE_TIME_LINES_IN_SUBSCRIPTION_MODE = 20;

const PAYMENT_MODE_ONLY_PARAMS = ["payment_intent_data", "invoice_creation", "customer_creation"];
const ONE_TIME_ONLY_METHODS = ["konbini", "paypay"];

/** subscription_data's parameters in the pinned version; the emulator models two of them. */
const SUBSCRIPTION_DATA_PARAMS = [
  "application_fee_percent", "billing_cycle_anchor", "billing_cycle_anchor_config", "billing_mode",
  "default_tax_rates", "description", "invoice_settings", "metadata", "on_behalf_of",
  "pending_invoice_item_interval", "proration_behavior", "transfer_data", "trial_end",
  "trial_period_days", "trial_settings",
]; // prettier-ignore
const MODELLED_SUBSCRIPTION_DATA = ["description", "metadata"];

/**
 * Refuses the parameters of the other mode and reads `subscription_data`: what the
 * Subscription will take over, or undefined in payment mode.
 */
export function readSubscriptionModeParams(
  params: ParamReader,
  mode: "payment" | "subscription",
): SessionSubscriptionData | undefined {
  if (mode === "payment") {
    if (params.has("subscription_data")) {
      throw invalidParam(
        "subscription_data",
        "You can only specify `subscription_data` in `subscription` mode.",
      );
    }
    return undefined;
  }
  const refused = PAYMENT_MODE_ONLY_PARAMS.find((key) => params.has(key));
  if (refused) {
    throw invalidParam(refused, `You can not specify \`${refused}\` in \`subscription\` mode.`);
  }
  const data = params.object("subscription_data", SUBSCRIPTION_DATA_PARAMS);
  if (!data) return {};
  const unmodelled = Object.keys(data.raw).find((key) => !MODELLED_SUBSCRIPTION_DATA.includes(key));
  if (unmodelled) {
    throw invalidParam(
      data.name(unmodelled),
      `The emulator does not model the parameter ${data.name(unmodelled)}.`,
    );
  }
  const result: SessionSubscriptionData = {};
  const description = data.optionalString("description", { maxLength: 500 });
  if (description !== undefined) result.description = description;
  const metadata = data.metadata();
  if (metadata !== undefined) result.metadata = mergeMetadata({}, metadata);
  return result;
}

/** At least one and at most 20 recurring lines, at most 20 one-time ones, one billing period. */
export function checkSubscriptionLines(lines: RequestedLineItem[]): void {
  const recurring = lines.filter((line) => line.recurring !== null);
  const oneTime = lines.length - recurring.length;
  if (recurring.length === 0) {
    throw invalidParam(
      "line_items",
      "You must specify at least one recurring price in `subscription` mode when using prices.",
    );
  }
  if (recurring.length > MAX_RECURRING_LINES) {
    throw invalidParam(
      "line_items",
      `You may only specify up to ${MAX_RECURRING_LINES} line items with recurring prices in \`subscription\` mode (you specified ${recurring.length}).`,
    );
  }
  if (oneTime > MAX_ONE_TIME_LINES_IN_SUBSCRIPTION_MODE) {
    throw invalidParam(
      "line_items",
      `You may only specify up to ${MAX_ONE_TIME_LINES_IN_SUBSCRIPTION_MODE} line items with one-time prices in \`subscription\` mode (you specified ${oneTime}).`,
    );
  }
  const [first] = recurring;
  const other = recurring.find(
    (line) =>
      line.recurring?.interval !== first?.recurring?.interval ||
      line.recurring?.interval_count !== first?.recurring?.interval_count,
  );
  if (other) {
    throw invalidParam(
      "line_items",
      "The emulator models one billing period per subscription: every recurring line needs the same interval and interval_count.",
    );
  }
}

/** Konbini and PayPay take one-time payments only. */
export function refuseOneTimeOnlyMethods(types: string[] | null): void {
  const refused = (types ?? []).find((type) => ONE_TIME_ONLY_METHODS.includes(type));
  if (refused) {
    throw invalidParam(
      "allowed_payment_method_types",
      `The payment method type \`${refused}\` cannot be used in \`subscription\` mode: it supports one-time payments only.`,
    );
  }
}
