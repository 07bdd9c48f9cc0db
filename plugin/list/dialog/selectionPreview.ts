/**
 * The selection and its preview: checking records re-requests the dry run, and the preview shows
 * what the checked records will charge, with problems next to their records.
 */
import { MAX_RECORDS_PER_CHECKOUT_REQUEST } from "../../../core/api/proxyApi";
import { ProxyError } from "../../api/ProxyError";
import { describeIssue, describeProxyError } from "../../i18n/describeProxyError";
import { button, element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import { joinSentences } from "../../ui/joinSentences";
import { formatTotals } from "../../ui/formatMoney";
import { renderPreviewSessions, totalsByCurrency } from "../renderPreview";
import {
  canCreate,
  checkedRefs,
  nameRecord,
  problemIds,
  selectableIds,
  tooManyForOneSession,
  type DialogContext,
} from "./DialogContext";

export function setChecked(context: DialogContext, ids: Iterable<string>, checked: boolean): void {
  for (const id of ids) {
    const row = context.byId.get(id);
    if (!row || (checked && row.blocked)) continue;
    row.checkbox.checked = checked;
    if (checked) context.selected.add(id);
    else context.selected.delete(id);
  }
  selectionChanged(context);
}

export function selectionChanged(context: DialogContext): void {
  const { selected, headerCheckbox, options } = context;
  const selectable = selectableIds(context).length;
  context.view.selectedCount.textContent = options.messages.selectedCount(selected.size);
  if (headerCheckbox) {
    headerCheckbox.checked = selected.size > 0 && selected.size === selectable;
    headerCheckbox.indeterminate = selected.size > 0 && selected.size < selectable;
    headerCheckbox.disabled = selectable === 0;
  }
  context.preview = undefined;
  if (tooManyForOneSession(context)) {
    context.scheduler?.cancel();
    renderPreview(context);
    return;
  }
  context.scheduler?.request(checkedRefs(context));
  renderPreview(context);
}

export function renderPreview(context: DialogContext): void {
  const { document: doc, messages, language } = context.options;
  const { preview, selected, view } = context;
  const div = (className: string, text: string) => element(doc, "div", { className, text });
  for (const row of context.rows) {
    const issues = preview?.issues.get(row.ref.id);
    row.issueRow.hidden = issues === undefined || !selected.has(row.ref.id);
    row.issueCell.replaceChildren(
      ...(issues ?? []).map((issue) =>
        div(
          "kintone-stripe-checkout-issue",
          describeIssue(issue, messages, () => "", context.labelOf),
        ),
      ),
    );
  }
  const nameRecordIn = (id: string) => nameRecord(context, id);
  const parts: Node[] = [];
  if (tooManyForOneSession(context)) {
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
    const { message, details } = describeProxyError(
      preview.failure,
      messages,
      nameRecordIn,
      context.labelOf,
    );
    parts.push(
      element(doc, "div", { className: "kintone-stripe-checkout-error" }, [
        element(doc, "p", { text: joinSentences([messages.previewFailed, message]) }),
        ...details.map((line) => element(doc, "div", { text: line })),
        ...uncheckBilledButton(context, preview.failure),
      ]),
    );
  }
  const problems = problemIds(context);
  if (problems.length > 0) {
    parts.push(
      element(doc, "div", { className: "kintone-stripe-checkout-error" }, [
        element(doc, "p", { text: messages.issuesSummary(problems.length) }),
        button(doc, messages.uncheckProblemRecords, () => setChecked(context, problems, false)),
      ]),
    );
  }
  if (preview !== undefined && preview.sessions.length > 0) {
    parts.push(
      renderPreviewSessions(doc, preview.sessions, {
        messages,
        language,
        nameRecord: nameRecordIn,
      }),
    );
  }
  view.previewBody.replaceChildren(...parts);
  const links = preview?.sessions.length ?? 0;
  view.footerTotal.textContent =
    preview !== undefined && links > 0 && !tooManyForOneSession(context)
      ? fillTemplate(messages.previewGrandTotal, {
          links,
          total: formatTotals(totalsByCurrency(preview.sessions), language),
        })
      : "";
  view.createButton.textContent = messages.createLinksButton(links);
  view.createButton.disabled = !canCreate(context);
}

/**
 * When the proxy found checked records billed that the list could not tell (no payment status
 * written back, or paid since the list was read): a button to uncheck just those.
 */
function uncheckBilledButton(context: DialogContext, failure: unknown): HTMLButtonElement[] {
  if (!(failure instanceof ProxyError) || failure.code !== "RECORD_ALREADY_PAID") return [];
  const ids = failure.details.flatMap((detail) => {
    const recordId = (detail as { recordId?: unknown } | null)?.recordId;
    return typeof recordId === "string" && context.selected.has(recordId) ? [recordId] : [];
  });
  if (ids.length === 0) return [];
  const { document: doc, messages } = context.options;
  return [button(doc, messages.uncheckBilledRecords, () => setChecked(context, ids, false))];
}
