/**
 * One Japanese buyer address for the buyer-details suites, as Stripe writes it (`postal_code`) and
 * as the proxy's port and the formatter take it (`postalCode`). Browser-safe: no imports.
 */
export const TOKYO_STRIPE_ADDRESS = {
  country: "JP",
  postal_code: "100-0001",
  state: "東京都",
  city: "千代田区",
  line1: "千代田1-1",
  line2: "千代田ビル3F",
};

export const TOKYO_ADDRESS = {
  country: "JP",
  postalCode: "100-0001",
  state: "東京都",
  city: "千代田区",
  line1: "千代田1-1",
  line2: "千代田ビル3F",
};

/** The address as one multi-line text, addressed to `name`. */
export const tokyoAddressText = (name: string) =>
  `〒100-0001\n東京都千代田区千代田1-1\n千代田ビル3F\n${name}`;
