/**
 * The record screen's "Pay on this device" (desktop and mobile): offered where the app's sessions
 * are embedded and the record holds a session not known to be closed. An embedded session has no
 * link to copy or show as a QR code, so this is how it is paid at the counter.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { EmbeddedCheckoutSettings } from "../config/embeddedCheckoutSettings";
import type { RecordCheckout } from "../detail/detailButtonStates";
import type { CheckoutClient } from "../list/CheckoutClient";
import { payOnThisDevice, type PayOnThisDeviceOptions } from "./payOnThisDevice";

export interface RecordPayHereOptions extends Pick<
  PayOnThisDeviceOptions,
  "messages" | "onSettled" | "scheduler" | "visibility"
> {
  mapping: Pick<MappingConfig, "uiMode">;
  checkout: RecordCheckout;
  embeddedCheckout: EmbeddedCheckoutSettings | undefined;
  client: Pick<CheckoutClient, "getSession">;
}

export function recordPayHere(doc: Document, options: RecordPayHereOptions): HTMLElement | null {
  const { checkout, mapping } = options;
  const closed = checkout.status === "complete" || checkout.status === "expired";
  if (mapping.uiMode !== "embedded" || checkout.sessionId === undefined || closed) return null;
  return payOnThisDevice(doc, {
    messages: options.messages,
    sessionId: checkout.sessionId,
    settings: options.embeddedCheckout,
    getSession: (id) => options.client.getSession(id),
    onSettled: options.onSettled,
    scheduler: options.scheduler,
    visibility: options.visibility,
  });
}
