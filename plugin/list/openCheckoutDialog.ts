import { button, element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { openModal, type Modal } from "../ui/openModal";
import { chooseListColumns, fieldsToFetch, type FormField } from "./chooseListColumns";
import { createLinks } from "./dialog/createLinks";
import {
  nameRecord,
  type CheckoutDialogOptions,
  type DialogContext,
  type DialogView,
} from "./dialog/DialogContext";
import { renderRecords } from "./dialog/recordTable";
import { renderPreview } from "./dialog/selectionPreview";
import { fetchViewRecords } from "./fetchViewRecords";
import { fieldLabeler } from "./fieldLabels";
import { recentJobs } from "./jobs/recentJobs";
import { PreviewScheduler } from "./PreviewScheduler";

export type { CheckoutDialogOptions } from "./dialog/DialogContext";

export const CHECKOUT_DIALOG_CLASS = "kintone-stripe-checkout-dialog";

export interface CheckoutDialog {
  modal: Modal;
  /** Settles once the view's records are listed (or failed to load). */
  loaded: Promise<void>;
  /** Settles once the app's recent jobs are shown (or the proxy could not say). */
  jobsLoaded: Promise<void>;
}

/**
 * The list view's dialog: the view's records with checkboxes, a dry-run preview of what the
 * checked records will charge (problems next to their records), and Create after a confirmation
 * that names the count and the total. Its parts live in `dialog/` and share a DialogContext.
 */
export function openCheckoutDialog(options: CheckoutDialogOptions): CheckoutDialog {
  const { document: doc, messages } = options;
  const modal = openModal(doc, {
    title: messages.checkoutDialogTitle,
    className: CHECKOUT_DIALOG_CLASS,
    closeLabel: messages.close,
    onClose: () => {
      context.scheduler?.cancel();
      if (context.created) options.reload(); // the list shows the written links
    },
  });
  // A job submitted here shows among the recent jobs once it is done.
  const view = dialogView(options, modal, () => void createLinks(context).then(jobs.refresh));
  const jobs = recentJobs({
    document: doc,
    messages,
    language: options.language,
    client: options.client,
    appId: options.appId,
    listPath: doc.location?.pathname ?? `/k/${options.appId}/`,
    nameRecord: (id) => nameRecord(context, id),
  });
  view.notice.after(jobs.element);
  const context: DialogContext = {
    options,
    modal,
    view,
    rows: [],
    byId: new Map(),
    selected: new Set(),
    busy: false,
    created: false,
    stale: false,
  };
  return { modal, loaded: loadRecords(context), jobsLoaded: jobs.loaded };
}

/** The status and notice in the body, the total and the buttons in the footer. */
function dialogView(options: CheckoutDialogOptions, modal: Modal, create: () => void): DialogView {
  const { document: doc, messages } = options;
  const div = (className: string, text?: string) => element(doc, "div", { className, text });
  const status = div("kintone-stripe-checkout-status", messages.loadingRecords);
  const notice = div("kintone-stripe-checkout-notice");
  notice.hidden = true;
  modal.body.append(status, notice);

  const footerTotal = div("kintone-stripe-checkout-preview-grand-total");
  const closeButton = button(doc, messages.close, () => modal.close());
  const createButton = button(doc, messages.createLinksButton(0), create, "primary");
  createButton.classList.add("kintone-stripe-checkout-create");
  createButton.disabled = true;
  modal.footer.append(footerTotal, closeButton, createButton);

  const previewBody = div("kintone-stripe-checkout-preview-body");
  const previewSection = element(doc, "div", { className: "kintone-stripe-checkout-preview" }, [
    element(doc, "h3", { text: messages.previewHeading }),
    previewBody,
  ]);
  const selectedCount = div("kintone-stripe-checkout-selected-count");
  return {
    status,
    notice,
    footerTotal,
    closeButton,
    createButton,
    selectedCount,
    previewSection,
    previewBody,
  };
}

/** Loads the view's records (with the fields the list shows), then lists them. */
async function loadRecords(context: DialogContext): Promise<void> {
  const { options } = context;
  const { messages, appId, mapping } = options;
  const { status } = context.view;
  try {
    const form = (await options.api("/k/v1/app/form/fields.json", "GET", { app: appId })) as {
      properties: Record<string, FormField>;
    };
    context.labelOf = fieldLabeler(form);
    const columns = chooseListColumns(form.properties, mapping);
    // The record's last error shows beside it, when the mapping writes one into a field of the form.
    const errorCode = mapping.writeBack.error;
    const errorField = errorCode !== undefined && form.properties[errorCode] ? [errorCode] : [];
    context.statusCode = columns.status?.code;
    const records = await fetchViewRecords(
      options.api,
      { app: appId, query: options.query, fields: [...fieldsToFetch(columns), ...errorField] },
      (loaded, total) => {
        status.textContent = `${messages.loadingRecords} ${fillTemplate(messages.progress, { done: loaded, total })}`;
      },
    );
    status.textContent = messages.loadedRecords(records.length);
    context.scheduler = new PreviewScheduler(
      options.client,
      appId,
      (state) => {
        context.preview = state;
        renderPreview(context);
      },
      options.previewDelayMs,
    );
    renderRecords(context, records, columns);
  } catch {
    status.textContent = messages.loadRecordsFailed;
    status.classList.add("kintone-stripe-checkout-error");
  }
}
