import { MAX_RECORDS_PER_CHECKOUT_REQUEST, type CreatedSession } from "../../core/api/proxyApi";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { RecordRef } from "../api/ProxyClient";
import { ProxyError } from "../api/ProxyError";
import { describeIssue, describeProxyError } from "../i18n/describeProxyError";
import type { Language, Messages } from "../i18n/messages";
import { confirmAction } from "../ui/confirmAction";
import { copyText } from "../ui/copyText";
import { button, element } from "../ui/element";
import { fillTemplate } from "../ui/fillTemplate";
import { formatTotals } from "../ui/formatMoney";
import { openModal, type Modal } from "../ui/openModal";
import type { CheckoutClient } from "./CheckoutClient";
import {
  chooseListColumns,
  fieldsToFetch,
  type FormField,
  type ListColumns,
} from "./chooseListColumns";
import type { KintoneApi } from "./KintoneApi";
import { fetchViewRecords } from "./fetchViewRecords";
import { PreviewScheduler, type PreviewState } from "./PreviewScheduler";
import { renderPreviewSessions, totalsByCurrency } from "./renderPreview";
import { runCheckoutCreation, type CreationSummary } from "./runCheckoutCreation";

export const CHECKOUT_DIALOG_CLASS = "kintone-stripe-checkout-dialog";

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

export interface CheckoutDialog {
  modal: Modal;
  /** Settles once the view's records are listed (or failed to load). */
  loaded: Promise<void>;
}

interface Row {
  record: KintoneRecord;
  ref: RecordRef;
  number: string;
  checkbox: HTMLInputElement;
  issueCell: HTMLElement;
  issueRow: HTMLTableRowElement;
}

/**
 * The list view's dialog: the view's records with checkboxes, a dry-run preview of what the
 * checked records will charge (problems next to their records), and Create after a confirmation
 * that names the count and the total.
 */
export function openCheckoutDialog(options: CheckoutDialogOptions): CheckoutDialog {
  const { document: doc, messages, language, mapping, client, appId } = options;
  let scheduler: PreviewScheduler | undefined;
  const modal = openModal(doc, {
    title: messages.checkoutDialogTitle,
    className: CHECKOUT_DIALOG_CLASS,
    closeLabel: messages.close,
    onClose: () => {
      scheduler?.cancel();
      if (created) options.reload(); // the list shows the written links
    },
  });
  const div = (className: string, text?: string) => element(doc, "div", { className, text });
  const status = div("kintone-stripe-checkout-status", messages.loadingRecords);
  const notice = div("kintone-stripe-checkout-notice");
  notice.hidden = true;
  modal.body.append(status, notice);

  const footerTotal = div("kintone-stripe-checkout-preview-grand-total");
  const closeButton = button(doc, messages.close, () => modal.close());
  const createButton = button(doc, messages.createLinksButton(0), () => void create(), "primary");
  createButton.classList.add("kintone-stripe-checkout-create");
  createButton.disabled = true;
  modal.footer.append(footerTotal, closeButton, createButton);

  const rows: Row[] = [];
  const byId = new Map<string, Row>();
  const selected = new Set<string>();
  let preview: PreviewState | undefined;
  let busy = false;
  let created = false;
  /** The records changed under the user: only a reload shows what would be charged now. */
  let stale = false;
  let statusCode: string | undefined;
  let headerCheckbox: HTMLInputElement | undefined;
  const nameRecord = (id: string) =>
    fillTemplate(messages.recordLabel, { record: byId.get(id)?.number ?? id });

  const selectedCount = div("kintone-stripe-checkout-selected-count");
  const previewSection = div("kintone-stripe-checkout-preview");
  const previewBody = div("kintone-stripe-checkout-preview-body");
  previewSection.append(element(doc, "h3", { text: messages.previewHeading }), previewBody);

  function showNotice(kind: "error" | "info" | "success", lines: string[], extra: Node[] = []) {
    notice.replaceChildren(
      ...lines.map((line, i) => element(doc, i === 0 ? "p" : "li", { text: line })),
      ...extra,
    );
    notice.className = `kintone-stripe-checkout-notice kintone-stripe-checkout-notice-${kind}`;
    notice.hidden = false;
  }

  function checkedRefs(): RecordRef[] {
    return rows.filter((row) => selected.has(row.ref.id)).map((row) => row.ref);
  }

  function tooManyForOneSession(): boolean {
    return mapping.grouping === "single" && selected.size > MAX_RECORDS_PER_CHECKOUT_REQUEST;
  }

  function selectionChanged() {
    selectedCount.textContent = messages.selectedCount(selected.size);
    if (headerCheckbox) {
      headerCheckbox.checked = selected.size > 0 && selected.size === rows.length;
      headerCheckbox.indeterminate = selected.size > 0 && selected.size < rows.length;
    }
    preview = undefined;
    if (tooManyForOneSession()) {
      scheduler?.cancel();
      renderPreview();
      return;
    }
    scheduler?.request(checkedRefs());
    renderPreview();
  }

  function setChecked(ids: Iterable<string>, checked: boolean) {
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      row.checkbox.checked = checked;
      if (checked) selected.add(id);
      else selected.delete(id);
    }
    selectionChanged();
  }

  function problemIds(state: PreviewState | undefined): string[] {
    if (!state) return [];
    return [...state.issues.keys()].filter((id) => selected.has(id));
  }

  function canCreate(): boolean {
    return (
      !busy &&
      !stale &&
      preview !== undefined &&
      preview.finished &&
      preview.failure === undefined &&
      preview.total === selected.size &&
      preview.total > 0 &&
      preview.sessions.length > 0 &&
      problemIds(preview).length === 0
    );
  }

  function renderPreview() {
    for (const row of rows) {
      const issues = preview?.issues.get(row.ref.id);
      row.issueRow.hidden = issues === undefined || !selected.has(row.ref.id);
      row.issueCell.replaceChildren(
        ...(issues ?? []).map((issue) =>
          element(doc, "div", {
            className: "kintone-stripe-checkout-issue",
            text: describeIssue(issue, messages, () => ""),
          }),
        ),
      );
    }
    const parts: Node[] = [];
    if (tooManyForOneSession()) {
      parts.push(
        div(
          "kintone-stripe-checkout-error",
          messages.singleTooMany(MAX_RECORDS_PER_CHECKOUT_REQUEST),
        ),
      );
    } else if (selected.size === 0) {
      parts.push(div("kintone-stripe-checkout-hint", messages.previewEmpty));
    } else if (preview === undefined || !preview.finished) {
      parts.push(
        div(
          "kintone-stripe-checkout-hint kintone-stripe-checkout-loading",
          fillTemplate(messages.previewLoading, { done: preview?.done ?? 0, total: selected.size }),
        ),
      );
    }
    if (preview?.failure !== undefined) {
      const { message, details } = describeProxyError(preview.failure, messages, nameRecord);
      parts.push(
        element(doc, "div", { className: "kintone-stripe-checkout-error" }, [
          element(doc, "p", { text: `${messages.previewFailed} ${message}` }),
          ...details.map((line) => element(doc, "div", { text: line })),
        ]),
      );
    }
    const problems = problemIds(preview);
    if (problems.length > 0) {
      parts.push(
        element(doc, "div", { className: "kintone-stripe-checkout-error" }, [
          element(doc, "p", { text: messages.issuesSummary(problems.length) }),
          button(doc, messages.uncheckProblemRecords, () => setChecked(problems, false)),
        ]),
      );
    }
    if (preview !== undefined && preview.sessions.length > 0) {
      parts.push(renderPreviewSessions(doc, preview.sessions, { messages, language, nameRecord }));
    }
    previewBody.replaceChildren(...parts);
    const links = preview?.sessions.length ?? 0;
    footerTotal.textContent =
      preview !== undefined && links > 0 && !tooManyForOneSession()
        ? fillTemplate(messages.previewGrandTotal, {
            links,
            total: formatTotals(totalsByCurrency(preview.sessions), language),
          })
        : "";
    createButton.textContent = messages.createLinksButton(links);
    createButton.disabled = !canCreate();
  }

  function renderRecords(records: KintoneRecord[], columns: ListColumns) {
    const allBox = element(doc, "input", {
      attributes: { type: "checkbox", "aria-label": messages.selectAll },
    });
    allBox.addEventListener("change", () =>
      setChecked(
        rows.map((r) => r.ref.id),
        allBox.checked,
      ),
    );
    headerCheckbox = allBox;
    const shown: FormField[] = [
      ...columns.identifying,
      ...(columns.status ? [columns.status] : []),
    ];
    const head = element(doc, "tr", {}, [
      element(doc, "th", { className: "kintone-stripe-checkout-check" }, [allBox]),
      element(doc, "th", { className: "number", text: messages.recordNumberHeader }),
      ...shown.map((field) => element(doc, "th", { text: field.label })),
    ]);
    const body = element(doc, "tbody");
    for (const record of records) {
      const id = String(record.$id?.value ?? "");
      const revision = record.$revision?.value;
      const number = String(
        (columns.recordNumber ? record[columns.recordNumber]?.value : undefined) ?? id,
      );
      const checkbox = element(doc, "input", {
        attributes: {
          type: "checkbox",
          "aria-label": fillTemplate(messages.selectRecord, { record: number }),
        },
      });
      checkbox.addEventListener("change", () => setChecked([id], checkbox.checked));
      const cells = shown.map((field) =>
        field === columns.status
          ? element(doc, "td", {}, [statusPill(doc, cellText(record[field.code]?.value), messages)])
          : element(doc, "td", { text: cellText(record[field.code]?.value) }),
      );
      const recordRow = element(
        doc,
        "tr",
        {
          className: "kintone-stripe-checkout-record",
          attributes: { "data-record-id": id },
        },
        [
          element(doc, "td", { className: "kintone-stripe-checkout-check" }, [checkbox]),
          element(doc, "td", { className: "number", text: number }),
          ...cells,
        ],
      );
      recordRow.addEventListener("click", (event) => {
        if (event.target === checkbox) return;
        setChecked([id], !checkbox.checked);
      });
      const issueCell = element(doc, "td", { attributes: { colspan: String(shown.length + 1) } });
      const issueRow = element(
        doc,
        "tr",
        {
          className: "kintone-stripe-checkout-issue-row",
          attributes: { "data-record-id": id },
        },
        [element(doc, "td"), issueCell],
      );
      issueRow.hidden = true;
      body.append(recordRow, issueRow);
      const ref: RecordRef = typeof revision === "string" ? { id, revision } : { id };
      const row: Row = { record, ref, number, checkbox, issueCell, issueRow };
      rows.push(row);
      byId.set(id, row);
    }
    const toolbar = element(doc, "div", { className: "kintone-stripe-checkout-toolbar" }, [
      button(doc, messages.selectAll, () =>
        setChecked(
          rows.map((r) => r.ref.id),
          true,
        ),
      ),
      button(doc, messages.selectNone, () => setChecked([...selected], false)),
      selectedCount,
    ]);
    const table = element(doc, "div", { className: "kintone-stripe-checkout-records" }, [
      element(doc, "table", { className: "kintone-stripe-checkout-record-table" }, [
        element(doc, "thead", {}, [head]),
        body,
      ]),
    ]);
    modal.body.append(toolbar, table, previewSection);
    selectionChanged();
  }

  async function create() {
    if (!canCreate() || preview === undefined) return;
    const refs = checkedRefs();
    const sessions = preview.sessions;
    const status = statusCode;
    const withOpenLink = status
      ? refs.filter((ref) => byId.get(ref.id)?.record[status]?.value === "open").length
      : 0;
    const summary = fillTemplate(messages.confirmCreateMessage, {
      links: sessions.length,
      records: refs.length,
      total: formatTotals(totalsByCurrency(sessions), language),
    });
    const confirmed = await confirmAction(doc, {
      title: messages.confirmCreateTitle,
      message:
        withOpenLink > 0 ? `${summary} ${messages.confirmReplacesOpen(withOpenLink)}` : summary,
      confirmLabel: messages.confirmCreateAction,
      cancelLabel: messages.back,
    });
    if (!confirmed || !canCreate()) return;
    busy = true;
    createButton.disabled = true;
    modal.dialog.classList.add("kintone-stripe-checkout-busy");
    const bar = element(doc, "progress", { attributes: { max: String(refs.length), value: "0" } });
    const progressText = element(doc, "span");
    showNotice(
      "info",
      [messages.creating],
      [element(doc, "div", { className: "kintone-stripe-checkout-progress" }, [bar, progressText])],
    );
    try {
      const summary = await runCheckoutCreation(client, appId, mapping.grouping, refs, {
        pollMs: options.pollMs,
        onProgress: (done, total) => {
          bar.max = Math.max(total, 1);
          bar.value = done;
          progressText.textContent = fillTemplate(messages.progress, { done, total });
        },
      });
      showResult(summary);
    } catch (error) {
      busy = false;
      stale =
        error instanceof ProxyError &&
        (error.code === "RECORD_CHANGED" || error.code === "RECORD_NOT_FOUND");
      modal.dialog.classList.remove("kintone-stripe-checkout-busy");
      const { message, details } = describeProxyError(error, messages, nameRecord);
      showNotice("error", [message, ...details]);
      offerReload();
      renderPreview();
    }
  }

  function offerReload() {
    if (modal.footer.querySelector(".kintone-stripe-checkout-reload")) return;
    const reload = button(doc, messages.closeAndReload, () => {
      const reloadOnClose = created;
      modal.close();
      if (!reloadOnClose) options.reload();
    });
    reload.classList.add("kintone-stripe-checkout-reload");
    if (closeButton.isConnected) closeButton.before(reload);
    else modal.footer.append(reload);
  }

  function showResult(summary: CreationSummary) {
    created = summary.done > 0;
    footerTotal.textContent = "";
    // A job reports records; one session per record there, so records are links.
    const lines = [messages.resultDone(summary.sessions.length || summary.done)];
    const links = summary.sessions.filter((s) => s.url !== null).map((s) => renderLink(s));
    const extra: Node[] = [
      element(doc, "div", { className: "kintone-stripe-checkout-links" }, links),
    ];
    if (summary.failed > 0) {
      extra.push(element(doc, "p", { text: messages.resultFailed(summary.failed) }));
      for (const failure of summary.failures) {
        const { message, details } = describeProxyError(failure.error, messages, nameRecord);
        extra.push(
          element(doc, "div", {
            className: "kintone-stripe-checkout-failure",
            text: fillTemplate(messages.resultLine, {
              record: failure.recordIds.map(nameRecord).join(", "),
              message: [message, ...details].join(" "),
            }),
          }),
        );
      }
    }
    showNotice(summary.failed > 0 ? "error" : "success", lines, extra);
    modal.body
      .querySelectorAll(
        ".kintone-stripe-checkout-toolbar, .kintone-stripe-checkout-records, .kintone-stripe-checkout-preview",
      )
      .forEach((node) => node.remove());
    createButton.remove();
    closeButton.remove();
    offerReload();
  }

  function renderLink(session: CreatedSession): HTMLElement {
    const url = session.url ?? "";
    const feedback = element(doc, "span", { className: "kintone-stripe-checkout-copy-feedback" });
    const copy = button(doc, messages.copyLink, () => {
      void (options.copy ?? ((text) => copyText(doc, text)))(url).then((ok) => {
        feedback.textContent = ok ? messages.copied : messages.copyFailed;
      });
    });
    return element(doc, "div", { className: "kintone-stripe-checkout-link" }, [
      element(doc, "span", {
        className: "kintone-stripe-checkout-link-records",
        text: session.recordIds.map(nameRecord).join(", "),
      }),
      element(doc, "input", {
        className: "kintone-stripe-checkout-link-url",
        attributes: { type: "text", readonly: "", value: url },
      }),
      copy,
      feedback,
    ]);
  }

  async function load() {
    try {
      const form = (await options.api("/k/v1/app/form/fields.json", "GET", { app: appId })) as {
        properties: Record<string, FormField>;
      };
      const columns = chooseListColumns(form.properties, mapping);
      statusCode = columns.status?.code;
      const records = await fetchViewRecords(
        options.api,
        { app: appId, query: options.query, fields: fieldsToFetch(columns) },
        (loaded, total) => {
          status.textContent = `${messages.loadingRecords} ${fillTemplate(messages.progress, { done: loaded, total })}`;
        },
      );
      status.textContent = messages.loadedRecords(records.length);
      scheduler = new PreviewScheduler(
        client,
        appId,
        (state) => {
          preview = state;
          renderPreview();
        },
        options.previewDelayMs,
      );
      renderRecords(records, columns);
    } catch {
      status.textContent = messages.loadRecordsFailed;
      status.classList.add("kintone-stripe-checkout-error");
    }
  }

  return { modal, loaded: load() };
}

/** The checkout status as the user reads it: "Awaiting payment", not "open". */
function statusPill(doc: Document, status: string, messages: Messages): HTMLElement {
  const texts: Record<string, string> = {
    open: messages.statusOpen,
    complete: messages.statusComplete,
    expired: messages.statusExpired,
    "": messages.statusNone,
  };
  return element(doc, "span", {
    className: `kintone-stripe-checkout-status-pill kintone-stripe-checkout-status-${status || "none"}`,
    text: texts[status] ?? status,
  });
}

function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "object" && value !== null && "name" in value) {
    return String((value as { name: unknown }).name);
  }
  return "";
}
