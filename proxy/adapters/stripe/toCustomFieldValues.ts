import type Stripe from "stripe";

/**
 * What the buyer entered in a completed session's custom fields, by key: the text or number as
 * typed, a dropdown's chosen option by its label (what the buyer read); "" for a field left empty.
 * https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-custom_fields
 */
export function toCustomFieldValues(
  fields: Stripe.Checkout.Session.CustomField[] | null | undefined,
): Record<string, string> | undefined {
  if (!fields?.length) return undefined;
  return Object.fromEntries(
    fields.map((field) => {
      if (field.type === "dropdown") {
        const value = field.dropdown?.value ?? null;
        const option = field.dropdown?.options.find((o) => o.value === value);
        return [field.key, option?.label ?? value ?? ""];
      }
      const typed = field.type === "numeric" ? field.numeric?.value : field.text?.value;
      return [field.key, typed ?? ""];
    }),
  );
}
