import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { lastErrorNote } from "../billing/lastErrorNote";
import { billedReason } from "../i18n/billedStateLabel";
import { describeProxyError } from "../i18n/describeProxyError";
import type { FieldLabeler } from "../../core/fields/labelFields";
import type { Language, Messages } from "../i18n/messages";
import type { CheckoutClient } from "../list/CheckoutClient";
import { loadFieldLabeler } from "../list/fieldLabels";
import type { KintoneApi } from "../list/KintoneApi";
import { totalsByCurrency } from "../list/renderPreview";
import { confirmAction } from "../ui/confirmAction";
import { copyText } from "../ui/copyText";
import { button, element, type ButtonKind } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { formatTotals } from "../ui/formatMoney";
import type { SessionOutcome } from "../qr/followSession";
import { liveLinkQrCode } from "../qr/liveLinkQrCode";
import type { EmbeddedCheckoutSettings } from "../config/embeddedCheckoutSettings";
import { recordPayHere } from "../embedded/recordPayHere";
import { awaitConfirmation, returnedSessionId } from "./awaitConfirmation";
import { blockedCaption } from "./blockedCaption";
import {
  pageScheduler,
  pageVisibility,
  type PageVisibility,
  type PollScheduler,
} from "./confirmationPoller";
import { describeSyncChange, shownStates } from "./describeSyncChange";
import { detailButtonStates, readRecordCheckout } from "./detailButtonStates";
import { rememberNotice, takeNotice, type NoticeStorage } from "./noticeAfterReload";
import { subscriptionPanel, type SubscriptionClient } from "./subscriptionPanel";

export const DETAIL_BUTTONS_ID = "kintone-stripe-checkout-detail-buttons";

export interface DetailButtonsOptions {
  messages: Messages;
  language: Language;
  appId: string;
  recordId: string;
  record: Record<string, { value?: unknown } | undefined>;
  /** undefined when the plugin is not set up: the buttons then say so. */
  settings?: {
    mapping: MappingConfig;
    client: CheckoutClient;
    /** Stripe's publishable key and Stripe.js's address: "Pay on this device" for embedded sessions. */
    embeddedCheckout?: EmbeddedCheckoutSettings;
  };
  /** Shows the record again so the written fields appear (location.reload on kintone). */
  reload: () => void;
  copy?: (text: string) => Promise<boolean>;
  /** kintone's REST API: the record's revision while awaiting Stripe, field labels for errors. */
  api?: KintoneApi;
  /** Where the notice of an action survives its reload (the tab's sessionStorage by default). */
  storage?: NoticeStorage;
  /** The page's query and hash, to tell a return from Checkout (its success URL). */
  location?: { search: string; hash: string };
  scheduler?: PollScheduler;
  visibility?: PageVisibility;
  /** The QR code's session was paid or closed while it was shown. */
  onPaymentSettled?: (outcome: SessionOutcome) => void;
  /** Reads and cancels the record's subscription (subscription mode). */
  subscriptions?: SubscriptionClient;
}

/** What an action did: reload to show the written fields (with a notice after it), or just say so. */
type Outcome =
  { reload: true; notice?: string[] } | { reload: false; notice: string[] } | undefined;

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
  const win = doc.defaultView;
  const storage = options.storage ?? safeSessionStorage(win);
  const noticeKey = `${options.appId}:${options.recordId}`;
  const checkout = readRecordCheckout(options.record, mapping.writeBack, mapping.statusLabels);
  const states = detailButtonStates(checkout, mapping);
  const revision = options.record.$revision?.value;
  const ref =
    typeof revision === "string" ? { id: options.recordId, revision } : { id: options.recordId };
  const buttons: HTMLButtonElement[] = [];
  const labels = () =>
    options.api === undefined
      ? Promise.resolve<FieldLabeler>(() => undefined)
      : loadFieldLabeler(options.api, options.appId);

  /** Asks first; "Working…" hides meanwhile so it does not seem to run already. */
  const ask = async (confirm: Parameters<typeof confirmAction>[1]) => {
    message.hidden = true;
    const confirmed = await confirmAction(doc, confirm);
    if (confirmed) show("info", [messages.working]);
    return confirmed;
  };

  /** Runs an action with every button disabled, then reloads or says what it did, or what went wrong. */
  const act = async (action: () => Promise<Outcome>) => {
    buttons.forEach((b) => (b.disabled = true));
    show("info", [messages.working]);
    try {
      const outcome = await action();
      if (outcome?.reload === true) {
        if (outcome.notice)
          rememberNotice(storage, noticeKey, { kind: "success", lines: outcome.notice });
        show("success", [messages.doneReloading]);
        options.reload();
        return;
      }
      if (outcome === undefined) message.hidden = true;
      else show("success", outcome.notice);
    } catch (error) {
      const { message: text, details } = describeProxyError(
        error,
        messages,
        undefined,
        await labels(),
      );
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
        confirmLabel:
          kind === "reissue" ? messages.confirmReissueAction : messages.confirmCreateAction,
        cancelLabel: messages.back,
        // Charging a record whose checkout completed already is the dangerous choice there.
        danger: kind === "afterComplete" || checkout.billed !== undefined,
      });
      if (!confirmed) return undefined;
      await client.createCheckouts(options.appId, [ref]);
      return {
        reload: true,
        notice: [kind === "reissue" ? messages.reissueDone : messages.createDone],
      };
    });

  const sessionId = checkout.sessionId ?? "";
  const sync = () =>
    act(async () => {
      const { session } = await client.syncSession(sessionId);
      const changes = describeSyncChange(shownStates(options.record, mapping), session, messages);
      // The record shows no state to compare with: reload so it shows what was written.
      if (changes === undefined) return { reload: true };
      if (changes.length === 0) return { reload: false, notice: [messages.syncUpToDate] };
      return { reload: true, notice: [messages.syncChanged, ...changes] };
    });

  const expire = () =>
    act(async () => {
      const confirmed = await ask({
        title: messages.confirmExpireTitle,
        message: messages.confirmExpireMessage,
        confirmLabel: messages.confirmExpireAction,
        cancelLabel: messages.back,
        danger: true,
      });
      if (!confirmed) return undefined;
      await client.expireSession(sessionId);
      return { reload: true, notice: [messages.expireDone] };
    });

  const copy = () => {
    void (options.copy ?? ((text) => copyText(doc, text)))(checkout.url ?? "").then((ok) =>
      show(ok ? "success" : "error", [ok ? messages.copied : messages.copyFailed]),
    );
  };

  // The blue button is the safe next step: never a new charge on a billed or completed record.
  const createIsSafe =
    states.create.enabled &&
    checkout.billed === undefined &&
    states.create.kind !== "afterComplete";
  const primaryOf = (name: string): ButtonKind =>
    (name === "create" && createIsSafe) || (name === "sync" && !createIsSafe && states.sync)
      ? "primary"
      : "normal";
  const entries: Array<[string, () => void, boolean, string]> = [
    [
      states.create.kind === "reissue" ? messages.detailReissue : messages.detailCreate,
      () => void create(),
      states.create.enabled,
      "create",
    ],
    [messages.detailSync, () => void sync(), states.sync, "sync"],
    [messages.detailExpire, () => void expire(), states.expire, "expire"],
    [messages.copyLink, copy, states.copy, "copy"],
  ];
  const enabled = entries.map((entry) => entry[2]);
  for (const [label, onClick, isEnabled, name] of entries) {
    const node = button(doc, label, onClick, primaryOf(name));
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
  const qr = { ...options, writeBack: mapping.writeBack, checkout, client };
  container.append(liveLinkQrCode(doc, { ...qr, onSettled: options.onPaymentSettled }) ?? "");
  if (mapping.mode === "subscription" && checkout.sessionId && options.subscriptions) {
    const { recordId, record, language } = options;
    const done = (notice: string[]) => {
      rememberNotice(storage, noticeKey, { kind: "success", lines: notice });
      options.reload();
    };
    const client = options.subscriptions;
    const sessionId = checkout.sessionId;
    const subscription = { messages, language, client, sessionId, recordId, record, mapping };
    container.append(subscriptionPanel(doc, { ...subscription, show, done }));
  }
  const payHere = { ...qr, mapping, embeddedCheckout: settings.embeddedCheckout };
  container.append(recordPayHere(doc, { ...payHere, onSettled: options.onPaymentSettled }) ?? "");
  container.append(lastErrorNote(doc, options.record, mapping.writeBack, messages) ?? "", message);

  const pending = takeNotice(storage, noticeKey);
  if (pending !== undefined) show(pending.kind, pending.lines);
  watchForConfirmation();
  return container;

  /** Back from Checkout with the record still behind Stripe: wait for the webhook, then reload. */
  function watchForConfirmation() {
    const { api } = options;
    const location = options.location ?? win?.location;
    if (api === undefined || checkout.sessionId === undefined || win === null) return;
    const returned = returnedSessionId(
      `${location?.search ?? ""}&${(location?.hash ?? "").replace(/^#/, "")}`,
    );
    void awaitConfirmation({
      sessionId: checkout.sessionId,
      shownStatus: checkout.status,
      returnedFromCheckout: returned === checkout.sessionId,
      getSession: (id) => client.getSession(id),
      readRevision: async () => {
        const answer = (await api("/k/v1/record.json", "GET", {
          app: options.appId,
          id: options.recordId,
        })) as { record?: { $revision?: { value?: unknown } } };
        const value = answer.record?.$revision?.value;
        return typeof value === "string" ? value : undefined;
      },
      revision: typeof revision === "string" ? revision : undefined,
      scheduler: options.scheduler ?? pageScheduler(win),
      visibility: options.visibility ?? pageVisibility(doc),
      onWaiting: () => show("info", [messages.awaitingConfirmation]),
      onChanged: () => {
        rememberNotice(storage, noticeKey, {
          kind: "success",
          lines: [messages.awaitingConfirmationLanded],
        });
        options.reload();
      },
      onGaveUp: () => show("info", [messages.awaitingConfirmationGaveUp]),
    });
  }
}

/** The tab's sessionStorage; undefined where the browser refuses it (some private modes). */
function safeSessionStorage(win: Window | null): NoticeStorage | undefined {
  try {
    return win?.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}
