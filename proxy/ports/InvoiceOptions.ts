import type { InvoiceSubscription } from "./Subscription";

/**
 * What a session asks of Stripe about tax and invoices, as the port carries it to the gateway:
 * Stripe Tax, the buyer's tax ID, and the invoice Stripe issues once the session is paid.
 */
export interface TaxAndInvoiceOptions {
  automaticTax?: boolean;
  taxIdCollection?: boolean;
  invoiceCreation?: {
    enabled: boolean;
    description?: string;
    footer?: string;
    /** At most 4, e.g. the seller's registration number. */
    customFields?: { name: string; value: string }[];
    /** Kept on the invoice, so that its events name the app and records. */
    metadata?: Record<string, string>;
  };
}

/** The invoice Stripe issued for a paid session (https://docs.stripe.com/api/invoices/object). */
export interface CheckoutInvoice {
  id: string;
  /** Null until the invoice is finalized. */
  number: string | null;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
  /** The invoice's metadata: the app and records of the session it was issued for. */
  metadata: Record<string, string>;
  /** A subscription's invoice (a period or its first one); absent or null for a one-time one. */
  subscription?: InvoiceSubscription | null;
}
