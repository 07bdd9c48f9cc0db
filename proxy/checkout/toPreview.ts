import type { PreviewSession } from "../../core/api/proxyApi";
import type { PlannedSession } from "../../core/engine/CheckoutPlan";

/** A dry run's answer for one planned session: what Stripe would be sent, images counted. */
export function toPreview(session: PlannedSession): PreviewSession {
  return {
    recordIds: session.recordIds,
    currency: session.currency,
    amountTotal: session.amountTotal,
    amountTax: session.amountTax,
    taxes: session.taxes.map(({ ratePercent, amount, taxableAmount }) => ({
      ratePercent,
      amount,
      taxableAmount,
    })),
    lineItems: session.lineItems.map((item) => ({
      recordId: item.recordId,
      ...(item.row !== undefined ? { row: item.row } : {}),
      ...(item.productCode !== undefined ? { productCode: item.productCode } : {}),
      name: item.name,
      ...(item.description !== undefined ? { description: item.description } : {}),
      unitAmount: item.unitAmount,
      quantity: item.quantity,
      ...(item.minQuantity !== undefined ? { minQuantity: item.minQuantity } : {}),
      ...(item.maxQuantity !== undefined ? { maxQuantity: item.maxQuantity } : {}),
      imageCount: item.images.length,
      ...(item.taxRate !== undefined ? { taxRate: item.taxRate } : {}),
      ...(item.recurring !== undefined ? { recurring: item.recurring } : {}),
    })),
  };
}
