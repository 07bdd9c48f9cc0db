/**
 * The record screen's QR code (desktop and mobile): offered only while the record holds a live
 * link (its session not known to be closed), with the customer the record names.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { RecordCheckout } from "../detail/detailButtonStates";
import type { Language, Messages } from "../i18n/messages";
import type { CheckoutClient } from "../list/CheckoutClient";
import { qrCodePanel, type QrCodePanelOptions } from "./qrCodePanel";

export interface LiveLinkQrCodeOptions extends Pick<
  QrCodePanelOptions,
  "onSettled" | "scheduler" | "visibility"
> {
  messages: Messages;
  language: Language;
  record: Record<string, { value?: unknown } | undefined>;
  writeBack: MappingConfig["writeBack"];
  checkout: RecordCheckout;
  client: Pick<CheckoutClient, "getSession">;
}

export function liveLinkQrCode(doc: Document, options: LiveLinkQrCodeOptions): HTMLElement | null {
  const { checkout, writeBack, record } = options;
  const closed = checkout.status === "complete" || checkout.status === "expired";
  if (checkout.url === undefined || checkout.sessionId === undefined || closed) return null;
  const text = (code: string | undefined) => {
    const value = code === undefined ? undefined : record[code]?.value;
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  return qrCodePanel(doc, {
    messages: options.messages,
    language: options.language,
    sessionId: checkout.sessionId,
    url: checkout.url,
    customer: text(writeBack.customerName) ?? text(writeBack.customerEmail),
    getSession: (id) => options.client.getSession(id),
    onSettled: options.onSettled,
    scheduler: options.scheduler,
    visibility: options.visibility,
  });
}
