import type Stripe from "stripe";
import type { CheckoutLineItemRequest, CheckoutSessionRequest } from "../../ports/PaymentGateway";
import { checkoutOptionParams } from "./checkoutOptionParams";
import { taxAndInvoiceParams } from "./taxAndInvoiceParams";
import { toSubscriptionModeParams } from "./subscriptionModeParams";

/**
 * The port's request → Stripe's `checkout.sessions.create` parameters. Optional values that are
 * empty are left out: Stripe reads "" as "unset", which on create is an error
 * (https://docs.stripe.com/api/metadata).
 */
export function buildCheckoutSessionParams(
  request: CheckoutSessionRequest,
): Stripe.Checkout.SessionCreateParams {
  const currency = request.currency.toLowerCase();
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: request.lineItems.map((line) => buildLineItem(line, currency)),
    expires_at: Math.floor(request.expiresAt.getTime() / 1000),
    ...(request.options ? checkoutOptionParams(request.options) : {}),
    ...(request.taxAndInvoice ? taxAndInvoiceParams(request.taxAndInvoice) : {}),
  };
  if (nonEmpty(request.successUrl)) params.success_url = request.successUrl;
  if (nonEmpty(request.cancelUrl)) params.cancel_url = request.cancelUrl;
  if (nonEmpty(request.customerEmail)) params.customer_email = request.customerEmail;
  if (nonEmpty(request.locale)) params.locale = request.locale;
  if (request.allowPromotionCodes !== undefined) {
    params.allow_promotion_codes = request.allowPromotionCodes;
  }
  if (request.billingAddressCollection !== undefined) {
    params.billing_address_collection = request.billingAddressCollection;
  }
  // An expired session gets a recovery URL that makes a new session of the same cart:
  // https://docs.stripe.com/payments/checkout/abandoned-carts
  if (request.afterExpirationRecovery) {
    params.after_expiration = { recovery: { enabled: true } };
  }
  if (nonEmpty(request.clientReferenceId)) params.client_reference_id = request.clientReferenceId;
  const metadata = withoutEmptyValues(request.metadata);
  if (Object.keys(metadata).length > 0) params.metadata = metadata;
  return request.subscription ? toSubscriptionModeParams(params, request.subscription) : params;
}

function buildLineItem(
  line: CheckoutLineItemRequest,
  currency: string,
): Stripe.Checkout.SessionCreateParams.LineItem {
  // An existing Price is charged as it is: line_items[].price instead of price_data.
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items-price
  const item: Stripe.Checkout.SessionCreateParams.LineItem = line.priceId
    ? { price: line.priceId, quantity: line.quantity }
    : { price_data: priceData(line, currency), quantity: line.quantity };
  if (line.adjustableQuantity) {
    const adjustable: Stripe.Checkout.SessionCreateParams.LineItem.AdjustableQuantity = {
      enabled: true,
    };
    if (line.adjustableQuantity.minimum !== undefined) {
      adjustable.minimum = line.adjustableQuantity.minimum;
    }
    if (line.adjustableQuantity.maximum !== undefined) {
      adjustable.maximum = line.adjustableQuantity.maximum;
    }
    item.adjustable_quantity = adjustable;
  }
  // https://docs.stripe.com/payments/checkout/taxes — tax rates per line item.
  if (line.taxRateIds?.length) item.tax_rates = line.taxRateIds;
  return item;
}

function priceData(
  line: CheckoutLineItemRequest,
  currency: string,
): Stripe.Checkout.SessionCreateParams.LineItem.PriceData {
  const data: Stripe.Checkout.SessionCreateParams.LineItem.PriceData = {
    currency,
    unit_amount: line.unitAmount,
  };
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items-price_data-recurring
  if (line.recurring) {
    data.recurring = {
      interval: line.recurring.interval,
      interval_count: line.recurring.intervalCount,
    };
  }
  if ("id" in line.product) {
    data.product = line.product.id;
  } else {
    const productData: Stripe.Checkout.SessionCreateParams.LineItem.PriceData.ProductData = {
      name: line.product.name,
    };
    if (nonEmpty(line.product.description)) productData.description = line.product.description;
    const images = (line.product.images ?? []).filter(nonEmpty);
    if (images.length > 0) productData.images = images;
    data.product_data = productData;
  }
  return data;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function withoutEmptyValues(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ""));
}
