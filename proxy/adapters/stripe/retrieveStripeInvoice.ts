import type Stripe from "stripe";
import type { CheckoutInvoice } from "../../ports/InvoiceOptions";
import type { StripeAccess } from "./StripeAccess";
import { toInvoiceSubscription } from "./toStripeSubscription";
import { isResourceMissing, toUpstreamError } from "./toUpstreamError";

/** Stripe's invoice → the port's: its number and links, null until it is finalized. */
export function toCheckoutInvoice(invoice: Stripe.Invoice): CheckoutInvoice {
  return {
    id: invoice.id ?? "",
    number: invoice.number ?? null,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
    metadata: { ...(invoice.metadata ?? {}) },
    subscription: toInvoiceSubscription(invoice),
  };
}

/** The invoice a paid session names (https://docs.stripe.com/api/invoices/retrieve). */
export async function retrieveStripeInvoice(
  { stripe, paced }: StripeAccess,
  invoiceId: string,
): Promise<CheckoutInvoice | null> {
  try {
    return toCheckoutInvoice(await paced.api(() => stripe.invoices.retrieve(invoiceId)));
  } catch (error) {
    if (isResourceMissing(error)) return null;
    throw toUpstreamError(error, `read invoice ${invoiceId}`);
  }
}
