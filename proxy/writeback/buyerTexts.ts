/**
 * A completed session's buyer as the texts kintone fields receive: each address one multi-line
 * text in its country's order, with the name it is addressed to; "" for what Stripe did not
 * collect, so a field never keeps an older buyer's value.
 */
import { formatPostalAddress } from "../../core/address/formatPostalAddress";
import type { CheckoutBuyer } from "../ports/PaymentGateway";

export interface BuyerTexts {
  customerId: string;
  customerName: string;
  customerPhone: string;
  billingAddress: string;
  shippingAddress: string;
}

export function buyerTexts(buyer: CheckoutBuyer): BuyerTexts {
  return {
    customerId: buyer.customerId ?? "",
    customerName: buyer.name ?? "",
    customerPhone: buyer.phone ?? "",
    billingAddress: buyer.billingAddress
      ? formatPostalAddress(buyer.billingAddress, buyer.name)
      : "",
    shippingAddress: buyer.shipping
      ? formatPostalAddress(buyer.shipping.address, buyer.shipping.name ?? buyer.name)
      : "",
  };
}
