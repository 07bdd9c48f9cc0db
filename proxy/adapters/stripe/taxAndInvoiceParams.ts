import type Stripe from "stripe";
import type { TaxAndInvoiceOptions } from "../../ports/InvoiceOptions";

type Params = Stripe.Checkout.SessionCreateParams;

/**
 * Stripe Tax, the buyer's tax ID and the post-payment invoice as `checkout.sessions.create`
 * parameters of the pinned API version:
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-automatic_tax,
 * https://docs.stripe.com/tax/checkout/tax-ids,
 * https://docs.stripe.com/payments/checkout/post-payment-invoices
 */
export function taxAndInvoiceParams(options: TaxAndInvoiceOptions): Partial<Params> {
  const params: Partial<Params> = {};
  if (options.automaticTax !== undefined) params.automatic_tax = { enabled: options.automaticTax };
  if (options.taxIdCollection !== undefined) {
    params.tax_id_collection = { enabled: options.taxIdCollection };
  }
  const invoice = options.invoiceCreation;
  if (invoice) {
    const data: Stripe.Checkout.SessionCreateParams.InvoiceCreation.InvoiceData = {};
    if (invoice.description !== undefined) data.description = invoice.description;
    if (invoice.footer !== undefined) data.footer = invoice.footer;
    if (invoice.customFields?.length) data.custom_fields = invoice.customFields;
    if (invoice.metadata && Object.keys(invoice.metadata).length > 0)
      data.metadata = invoice.metadata;
    params.invoice_creation = {
      enabled: invoice.enabled,
      ...(invoice.enabled && Object.keys(data).length > 0 ? { invoice_data: data } : {}),
    };
  }
  return params;
}
