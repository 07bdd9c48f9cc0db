/**
 * The mapping's tax and invoice keys as the gateway is given them for one session. The invoice
 * carries the session's app and records in its metadata, so `invoice.paid` finds its records.
 */
import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { TaxAndInvoiceOptions } from "../ports/InvoiceOptions";
import { METADATA_APP_ID, recordIdsMetadata } from "../sessions/sessionView";

export function taxAndInvoiceRequest(
  appId: string,
  mapping: MappingConfig,
  planned: PlannedSession,
): TaxAndInvoiceOptions | undefined {
  const options: TaxAndInvoiceOptions = {};
  if (mapping.automaticTax !== undefined) options.automaticTax = mapping.automaticTax;
  if (mapping.taxIdCollection !== undefined) options.taxIdCollection = mapping.taxIdCollection;
  const invoice = mapping.invoiceCreation;
  if (invoice) {
    options.invoiceCreation = {
      enabled: invoice.enabled,
      ...(invoice.description !== undefined ? { description: invoice.description } : {}),
      ...(invoice.footer !== undefined ? { footer: invoice.footer } : {}),
      ...(invoice.customFields?.length ? { customFields: invoice.customFields } : {}),
      metadata: { [METADATA_APP_ID]: appId, ...recordIdsMetadata(planned.recordIds) },
    };
  }
  return Object.keys(options).length > 0 ? options : undefined;
}
