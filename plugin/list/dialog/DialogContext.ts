import { MAX_RECORDS_PER_CHECKOUT_REQUEST } from "../../../core/api/proxyApi";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import type { RecordRef } from "../../api/ProxyClient";
import type { BilledState } from "../../billing/billedState";
import type { FieldLabeler } from "../../../core/fields/labelFields";
import type { Language, Messages } from "../../i18n/messages";
import { element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import type { Modal } from "../../ui/openModal";
import type { CheckoutClient } from "../CheckoutClient";
import type { KintoneApi } from "../KintoneApi";
import type { PreviewScheduler, PreviewState } from "../PreviewScheduler";

export interface CheckoutDialogOptions {
  document: Document;
  messages: Messages;
  language: Language;
  api: KintoneApi;
  client: CheckoutClient;
  appId: string;
  /** The view's condition and order, without limit/offset. */
  query: string;
  mapping: MappingConfig;
  /** Shows the list again after links were written (location.reload on kintone). */
  reload: () => void;
  copy?: (text: string) => Promise<boolean>;
  previewDelayMs?: number;
  pollMs?: number;
}

/** One listed record, its checkbox and the row under it that shows its problems. */
export interface RecordRow {
  record: KintoneRecord;
  ref: RecordRef;
  number: string;
  checkbox: HTMLInputElement;
  issueCell: HTMLElement;
  issueRow: HTMLTableRowElement;
  /** What its write-back fields say: billed already (paid, awaiting an async payment…). */
  billed?: BilledState;
  /** Billed, and the app bills a record once: it cannot be checked. */
  blocked: boolean;
}

/** The dialog's fixed elements, built once when it opens. */
export interface DialogView {
  status: HTMLElement;
  notice: HTMLElement;
  footerTotal: HTMLElement;
  closeButton: HTMLButtonElement;
  createButton: HTMLButtonElement;
  selectedCount: HTMLElement;
  previewSection: HTMLElement;
  previewBody: HTMLElement;
}

/** What the parts of the dialog share: its options, its elements and the selection's state. */
export interface DialogContext {
  options: CheckoutDialogOptions;
  modal: Modal;
  view: DialogView;
  rows: RecordRow[];
  byId: Map<string, RecordRow>;
  /** Ids of the checked records. */
  selected: Set<string>;
  /** The header's check-all box, once the records are listed. */
  headerCheckbox?: HTMLInputElement;
  /** Previews the checked records; set once the records are listed. */
  scheduler?: PreviewScheduler;
  /** The preview of the current selection, as far as it got. */
  preview?: PreviewState;
  /** Links are being created. */
  busy: boolean;
  /** Links were created: the list is reloaded on close to show them. */
  created: boolean;
  /** The records changed under the user: only a reload shows what would be charged now. */
  stale: boolean;
  /** The field showing the checkout status, when the mapping writes it back. */
  statusCode?: string;
  /** The app's field labels, so messages name fields as the user knows them. */
  labelOf?: FieldLabeler;
}

/** "Record P-3": the record's number as the list shows it. */
export function nameRecord(context: DialogContext, id: string): string {
  return fillTemplate(context.options.messages.recordLabel, {
    record: context.byId.get(id)?.number ?? id,
  });
}

/** The records that may be checked: all but those billed already (unless repeat payments are allowed). */
export function selectableIds(context: DialogContext): string[] {
  return context.rows.filter((row) => !row.blocked).map((row) => row.ref.id);
}

export function checkedRefs(context: DialogContext): RecordRef[] {
  return context.rows.filter((row) => context.selected.has(row.ref.id)).map((row) => row.ref);
}

/** One session takes only so many records: more is refused before any preview. */
export function tooManyForOneSession(context: DialogContext): boolean {
  return (
    context.options.mapping.grouping === "single" &&
    context.selected.size > MAX_RECORDS_PER_CHECKOUT_REQUEST
  );
}

/** The checked records the preview found problems with. */
export function problemIds(context: DialogContext): string[] {
  const { preview } = context;
  if (!preview) return [];
  return [...preview.issues.keys()].filter((id) => context.selected.has(id));
}

/** Create is offered only for a finished, clean preview of exactly the checked records. */
export function canCreate(context: DialogContext): boolean {
  const { preview } = context;
  return (
    !context.busy &&
    !context.stale &&
    preview !== undefined &&
    preview.finished &&
    preview.failure === undefined &&
    preview.total === context.selected.size &&
    preview.total > 0 &&
    preview.sessions.length > 0 &&
    problemIds(context).length === 0
  );
}

/** The notice above the records: the first line as a paragraph, the others as list items. */
export function showNotice(
  context: DialogContext,
  kind: "error" | "info" | "success",
  lines: string[],
  extra: Node[] = [],
): void {
  const { notice } = context.view;
  const doc = context.options.document;
  notice.replaceChildren(
    ...lines.map((line, i) => element(doc, i === 0 ? "p" : "li", { text: line })),
    ...extra,
  );
  notice.className = `kintone-stripe-checkout-notice kintone-stripe-checkout-notice-${kind}`;
  notice.hidden = false;
}
