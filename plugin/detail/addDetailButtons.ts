import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { billedReason } from "../i18n/billedStateLabel";
import { describeProxyError } from "../i18n/describeProxyError";
import type { Language, Messages } from "../i18n/messages";
import type { CheckoutClient } from "../list/CheckoutClient";
import { totalsByCurrency } from "../list/renderPreview";
import { confirmAction } from "../ui/confirmAction";
import { copyText } from "../ui/copyText";
import { button, element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { formatTotals } from "../ui/formatMoney";
import { blockedCaption } from "./blockedCaption";
import { detailButtonStates, readRecordCheckout } from "./detailButtonStates";

export const DETAIL_BUTTONS_ID = "kintone-stripe-checkout-detail-buttons";

export interface DetailButtonsOptions {
  messages: Messages;
  language: Language;
  appId: string;
  recordId: string;
  record: Record<string, { value?: unknown } | undefined>;
  /** undefined when the plugin is not set up: the buttons then say so. */
  settings?: { mapping: MappingConfig; client: CheckoutClient };
  /** Shows the record again so the written fields appear (location.reload on kintone). */
  reload: () => void;
  copy?: (text: string) => Promise<boolean>;
}

/**
 * The record's buttons in the header menu space: create (or re-issue), refresh status, expire,
 * copy link. Everything that charges or breaks a link asks first; after an action the record
 * page reloads so the fields the proxy wrote show.
 */
export function addDetailButtons(
  space: HTMLElement | null,
  options: DetailButtonsOptions,
): HTMLElement | null {
  if (space === null) return null;
  const doc = space.ownerDocument;
  doc.getElementById(DETAIL_BUTTONS_ID)?.remove();
  const { messages, settings } = options;
  const container = element(doc, "div", {
    className: "kintone-stripe-checkout-detail",
    attributes: { id: DETAIL_BUTTONS_ID },
  });
  const message = element(doc, "div", { className: "kintone-stripe-checkout-detail-message" });
  message.hidden = true;
  space.appendChild(container);

  const show = (kind: "error" | "info" | "success", lines: string[]) => {
    message.replaceChildren(...lines.map((text) => element(doc, "div", { text })));
    message.className = `kintone-stripe-checkout-detail-message kintone-stripe-checkout-notice-${kind}`;
    message.hidden = false;
  };

  if (settings === undefined) {
    container.append(message);
    show("info", [messages.notConfigured]);
    return container;
  }
  const { client, mapping } = settings;
  const checkout = readRecordCheckout(options.record, mapping.writeBack, mapping.statusLabels);
  const states = detailButtonStates(checkout, mapping);
  const revision = options.record.$revision?.value;
  const ref =
    typeof revision === "string" ? { id: options.recordId, revision } : { id: options.recordId };
  const buttons: HTMLButtonElement[] = [];

  /** Asks first; "Working…" hides meanwhile so it does not seem to run already. */
  const ask = async (confirm: Parameters<typeof confirmAction>[1]) => {
    message.hidden = true;
    const confirmed = await confirmAction(doc, confirm);
    if (confirmed) show("info", [messages.working]);
    return confirmed;
  };

  /** Runs an action with every button disabled, then reloads, or shows what went wrong. */
  const act = async (action: () => Promise<boolean>) => {
    buttons.forEach((b) => (b.disabled = true));
    show("info", [messages.working]);
    try {
      if (await action()) {
        show("success", [messages.doneReloading]);
        options.reload();
        return;
      }
      message.hidden = true;
    } catch (error) {
      const { message: text, details } = describeProxyError(error, messages);
      show("error", [text, ...details]);
    }
    buttons.forEach((b, i) => (b.disabled = !enabled[i]));
  };

  const create = () =>
    act(async () => {
      const { preview } = await client.previewCheckouts(options.appId, [ref]);
      const total = formatTotals(totalsByCurrency(preview.sessions), options.language);
      const kind = states.create.kind;
      const confirmed = await ask({
        title: kind === "reissue" ? messages.confirmReissueTitle : messages.confirmCreateTitle,
        message: fillTemplate(
          kind === "reissue"
            ? messages.confirmReissueMessage
            : kind === "afterComplete"
              ? messages.confirmAfterCompleteMessage
              : messages.confirmCreateMessage,
          { total, links: preview.sessions.length, records: 1 },
        ),
        confirmLabel: messages.confirmCreateAction,
        cancelLabel: messages.back,
      });
      if (!confirmed) return false;
      await client.createCheckouts(options.appId, [ref]);
      return true;
    });

  const sessionId = checkout.sessionId ?? "";
  const entries: Array<[string, () => void, boolean, string, "primary" | "normal" | "danger"]> = [
    [
      states.create.kind === "reissue" ? messages.detailReissue : messages.detailCreate,
      () => void create(),
      states.create.enabled,
      "create",
      "primary",
    ],
    [
      messages.detailSync,
      () => void act(async () => (await client.syncSession(sessionId), true)),
      states.sync,
      "sync",
      "normal",
    ],
    [
      messages.detailExpire,
      () =>
        void act(async () => {
          const confirmed = await ask({
            title: messages.confirmExpireTitle,
            message: messages.confirmExpireMessage,
            confirmLabel: messages.confirmExpireAction,
            cancelLabel: messages.back,
            danger: true,
          });
          if (!confirmed) return false;
          await client.expireSession(sessionId);
          return true;
        }),
      states.expire,
      "expire",
      "normal",
    ],
    [
      messages.copyLink,
      () => {
        void (options.copy ?? ((text) => copyText(doc, text)))(checkout.url ?? "").then((ok) =>
          show(ok ? "success" : "error", [ok ? messages.copied : messages.copyFailed]),
        );
      },
      states.copy,
      "copy",
      "normal",
    ],
  ];
  const enabled = entries.map((entry) => entry[2]);
  for (const [label, onClick, isEnabled, name, kind] of entries) {
    const node = button(doc, label, onClick, kind);
    node.classList.add(`kintone-stripe-checkout-detail-${name}`);
    node.disabled = !isEnabled;
    buttons.push(node);
    container.append(node);
  }
  const { blockedBy } = states.create;
  if (blockedBy !== undefined) {
    const reasons = billedReason(blockedBy, messages);
    buttons[0]!.title = reasons.join("\n");
    container.append(blockedCaption(doc, blockedBy, reasons, messages));
  }
  container.append(message);
  return container;
}
