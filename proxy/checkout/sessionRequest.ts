import type { PlannedLineItem, PlannedSession } from "../../core/engine/CheckoutPlan";
import type { CheckoutIntent } from "../journal/CheckoutIntentStore";
import type { CheckoutLineItemRequest, CheckoutSessionRequest } from "../ports/PaymentGateway";
import { METADATA_APP_ID, recordIdsMetadata } from "../sessions/sessionView";
import { catalogueProduct } from "./productCatalogue";
import { checkoutSessionOptions } from "./sessionOptions";
import { sessionTaxRateIds } from "../tax/taxRateCatalogue";
import { taxAndInvoiceRequest } from "../tax/taxAndInvoiceRequest";
import type { SessionContext } from "./sessionContext";
import type { SessionImageUrls } from "./sessionImageUrls";

/**
 * What Stripe is asked to make for a planned session, under its intent's key and expiry. Every
 * line's product is made known at once: none depends on another's answer.
 */
export async function toSessionRequest(
  context: SessionContext,
  planned: PlannedSession,
  intent: CheckoutIntent,
  imageUrls: SessionImageUrls,
): Promise<CheckoutSessionRequest> {
  const { appId, mapping } = context;
  const taxRates = await sessionTaxRateIds(context.deps, mapping, planned);
  const lineItems = await Promise.all(
    planned.lineItems.map(async (item) => {
      const line = await toLineItemRequest(context, item, imageUrls);
      const rate = item.taxRate !== undefined ? taxRates.get(item.taxRate) : undefined;
      return rate !== undefined ? { ...line, taxRateIds: [rate] } : line;
    }),
  );
  const options = checkoutSessionOptions(mapping, planned);
  const taxAndInvoice = taxAndInvoiceRequest(appId, mapping, planned);
  const metadata = { [METADATA_APP_ID]: appId, ...recordIdsMetadata(planned.recordIds) };
  return {
    idempotencyKey: intent.idempotencyKey,
    currency: planned.currency,
    lineItems,
    ...(planned.successUrl !== undefined ? { successUrl: planned.successUrl } : {}),
    ...(planned.cancelUrl !== undefined ? { cancelUrl: planned.cancelUrl } : {}),
    expiresAt: intent.expiresAt,
    ...(planned.customerEmail !== undefined ? { customerEmail: planned.customerEmail } : {}),
    ...(mapping.locale !== undefined ? { locale: mapping.locale } : {}),
    ...(mapping.afterExpirationRecovery ? { afterExpirationRecovery: true } : {}),
    ...(mapping.allowPromotionCodes !== undefined
      ? { allowPromotionCodes: mapping.allowPromotionCodes }
      : {}),
    ...(mapping.billingAddressCollection !== undefined
      ? { billingAddressCollection: mapping.billingAddressCollection }
      : {}),
    clientReferenceId: clientReferenceId(appId, planned.recordIds),
    metadata,
    ...(options ? { options } : {}),
    ...(taxAndInvoice ? { taxAndInvoice } : {}),
    // The subscription carries the session's metadata: its events and invoices find the records.
    ...(planned.mode === "subscription" ? { subscription: { metadata } } : {}),
  };
}

async function toLineItemRequest(
  context: SessionContext,
  item: PlannedLineItem,
  sessionImages: SessionImageUrls,
): Promise<CheckoutLineItemRequest> {
  const { deps } = context;
  const imageUrls = item.images.flatMap((file) => {
    const url = sessionImages.get(file.fileKey);
    return url === undefined ? [] : [url];
  });
  const adjustable =
    item.minQuantity !== undefined || item.maxQuantity !== undefined
      ? {
          adjustableQuantity: {
            ...(item.minQuantity !== undefined ? { minimum: item.minQuantity } : {}),
            ...(item.maxQuantity !== undefined ? { maximum: item.maxQuantity } : {}),
          },
        }
      : {};
  const description = item.description !== undefined ? { description: item.description } : {};
  const base = {
    unitAmount: item.unitAmount,
    quantity: item.quantity,
    ...adjustable,
    ...(item.recurring !== undefined ? { recurring: item.recurring } : {}),
  };
  // A line with an existing Price charges that Price; its product is the Price's own.
  if (item.priceId !== undefined) {
    return { product: { name: item.name }, ...base, priceId: item.priceId };
  }
  const product =
    item.productCode !== undefined
      ? await catalogueProduct(deps, {
          code: item.productCode,
          name: item.name,
          ...description,
          // No image on this line keeps whatever images the product already has.
          ...(imageUrls.length ? { images: imageUrls } : {}),
        })
      : { name: item.name, ...description, ...(imageUrls.length ? { images: imageUrls } : {}) };
  return { product, ...base };
}

/** Stripe's `client_reference_id`: up to 200 characters of letters, digits, `-` and `_`. */
function clientReferenceId(appId: string, recordIds: string[]): string {
  const full = `kintone-${appId}-${recordIds.join("-")}`;
  if (full.length <= 200) return full;
  return `kintone-${appId}-${recordIds[0]}-and-${recordIds.length - 1}-more`;
}
