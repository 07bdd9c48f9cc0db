/** The view's records as a table with checkboxes, the check-all/none toolbar above it. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import type { RecordRef } from "../../api/ProxyClient";
import { BILLED_CLASS } from "../../billing/billedBadge";
import { billedState, blocksNewLink } from "../../billing/billedState";
import { lastErrorNote } from "../../billing/lastErrorNote";
import { billedReason } from "../../i18n/billedStateLabel";
import type { Messages } from "../../i18n/messages";
import { button, element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import type { FormField, ListColumns } from "../chooseListColumns";
import { billingCell } from "./billingCell";
import { selectableIds, type DialogContext, type RecordRow } from "./DialogContext";
import { selectionChanged, setChecked } from "./selectionPreview";

/** Lists the records in the dialog's body, followed by the preview. */
export function renderRecords(
  context: DialogContext,
  records: KintoneRecord[],
  columns: ListColumns,
): void {
  const { document: doc, messages } = context.options;
  const allIds = () => selectableIds(context);
  const allBox = element(doc, "input", {
    attributes: { type: "checkbox", "aria-label": messages.selectAll },
  });
  allBox.addEventListener("change", () => setChecked(context, allIds(), allBox.checked));
  context.headerCheckbox = allBox;
  const shown: FormField[] = [...columns.identifying, ...(columns.status ? [columns.status] : [])];
  const head = element(doc, "tr", {}, [
    element(doc, "th", { className: "kintone-stripe-checkout-check" }, [allBox]),
    element(doc, "th", { className: "number", text: messages.recordNumberHeader }),
    ...shown.map((field) => element(doc, "th", { text: field.label })),
    columns.paymentStatus && element(doc, "th", { text: messages.billingHeader }),
  ]);
  const body = element(doc, "tbody");
  for (const record of records) {
    const { row, recordElement } = recordRow(context, record, columns, shown);
    body.append(recordElement, row.issueRow);
    context.rows.push(row);
    context.byId.set(row.ref.id, row);
  }
  const toolbar = element(doc, "div", { className: "kintone-stripe-checkout-toolbar" }, [
    button(doc, messages.selectAll, () => setChecked(context, allIds(), true)),
    button(doc, messages.selectNone, () => setChecked(context, [...context.selected], false)),
    context.view.selectedCount,
  ]);
  const blocked = context.rows.filter((row) => row.blocked).length;
  const table = element(doc, "div", { className: "kintone-stripe-checkout-records" }, [
    element(doc, "table", { className: "kintone-stripe-checkout-record-table" }, [
      element(doc, "thead", {}, [head]),
      body,
    ]),
  ]);
  const note = element(doc, "div", { className: `${BILLED_CLASS}-note` }, [
    element(doc, "div", { text: messages.billedNotSelectable(blocked) }),
    element(doc, "div", { text: messages.billedHowToAllow }),
  ]);
  note.hidden = blocked === 0;
  context.modal.body.append(toolbar, note, table, context.view.previewSection);
  selectionChanged(context);
}

/** A record's row (a click anywhere on it toggles it) and the hidden row for its problems. */
function recordRow(
  context: DialogContext,
  record: KintoneRecord,
  columns: ListColumns,
  shown: FormField[],
): { row: RecordRow; recordElement: HTMLTableRowElement } {
  const { document: doc, messages } = context.options;
  const id = String(record.$id?.value ?? "");
  const revision = record.$revision?.value;
  const number = String(
    (columns.recordNumber ? record[columns.recordNumber]?.value : undefined) ?? id,
  );
  const billed = columns.paymentStatus
    ? billedState(record, context.options.mapping.writeBack, context.options.mapping.statusLabels)
    : undefined;
  const blocked = blocksNewLink(billed, context.options.mapping);
  const checkbox = element(doc, "input", {
    attributes: {
      type: "checkbox",
      "aria-label": fillTemplate(messages.selectRecord, { record: number }),
    },
  });
  if (blocked) {
    checkbox.disabled = true;
    checkbox.title = billedReason(billed, messages).join("\n");
  }
  checkbox.addEventListener("change", () => setChecked(context, [id], checkbox.checked));
  const cells = shown.map((field) =>
    field === columns.status
      ? element(doc, "td", {}, [statusPill(doc, cellText(record[field.code]?.value), messages)])
      : element(doc, "td", { text: cellText(record[field.code]?.value) }),
  );
  if (columns.paymentStatus) cells.push(billingCell(doc, billed, blocked, messages));
  const numberCell = element(doc, "td", { className: "number", text: number });
  // Why the last attempt failed, under the badge (or the last column when there is none).
  const errorNote = lastErrorNote(doc, record, context.options.mapping.writeBack, messages);
  if (errorNote) (cells.at(-1) ?? numberCell).append(errorNote);
  const recordElement = element(
    doc,
    "tr",
    {
      className: `kintone-stripe-checkout-record${blocked ? ` ${BILLED_CLASS}-record` : ""}`,
      attributes: { "data-record-id": id },
    },
    [
      element(doc, "td", { className: "kintone-stripe-checkout-check" }, [checkbox]),
      numberCell,
      ...cells,
    ],
  );
  recordElement.addEventListener("click", (event) => {
    if (event.target === checkbox || blocked) return;
    setChecked(context, [id], !checkbox.checked);
  });
  const issueCell = element(doc, "td", { attributes: { colspan: String(cells.length + 1) } });
  const issueRow = element(
    doc,
    "tr",
    { className: "kintone-stripe-checkout-issue-row", attributes: { "data-record-id": id } },
    [element(doc, "td"), issueCell],
  );
  issueRow.hidden = true;
  const ref: RecordRef = typeof revision === "string" ? { id, revision } : { id };
  return {
    row: { record, ref, number, checkbox, issueCell, issueRow, billed, blocked },
    recordElement,
  };
}

/** The checkout status as the user reads it: "Link open", not "open". */
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
