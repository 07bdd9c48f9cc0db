/**
 * The Checkout Session options a mapping may ask for, as the port carries them to the gateway
 * (the Stripe adapter names them as the pinned API version does). Each is optional: absent
 * leaves Stripe's default.
 */
export interface CheckoutSessionOptions {
  uiMode?: "hosted" | "embedded";
  /** Embedded sessions only: where the buyer returns after paying. */
  returnUrl?: string;
  paymentMethodTypes?: string[];
  konbiniExpiresAfterDays?: number;
  phoneNumberCollection?: boolean;
  shippingAddressCollection?: { allowedCountries: string[] };
  /** Existing shipping rate ids (`shr_…`). */
  shippingRates?: string[];
  customFields?: CheckoutCustomField[];
  customText?: {
    submit?: string;
    afterSubmit?: string;
    shippingAddress?: string;
    termsOfServiceAcceptance?: string;
  };
  consentCollection?: { termsOfService?: "required" | "none"; promotions?: "auto" | "none" };
  submitType?: "auto" | "pay" | "book" | "donate";
  /** An existing customer (`cus_…`). */
  customer?: string;
  customerCreation?: "always" | "if_required";
}

export interface CheckoutCustomField {
  key: string;
  label: string;
  type: "text" | "numeric" | "dropdown";
  optional?: boolean;
  options?: { value: string; label: string }[];
}
