/**
 * What "Refresh payment status" changed: the record's written states before, the proxy's answer
 * after. The record's fields may hold the app's own option texts (mapping `statusLabels`), so they
 * are read back to Stripe's codes first.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { billedStateLabel } from "../i18n/billedStateLabel";
import type { Messages } from "../i18n/messages";
import { fillTemplate } from "../ui/fillTemplate";

export interface ShownStates {
  /** undefined: the mapping writes no such field, so the record cannot have shown it. */
  status?: string;
  paymentStatus?: string;
}

type RecordLike = Record<string, { value?: unknown } | undefined>;

/** The record's status and payment status as Stripe's codes ("" for an empty field). */
export function shownStates(
  record: RecordLike,
  mapping: Pick<MappingConfig, "writeBack" | "statusLabels">,
): ShownStates {
  const read = (code: string | undefined, labels: Record<string, string | undefined> = {}) => {
    if (code === undefined) return undefined;
    const value = record[code]?.value;
    const text = typeof value === "string" ? value.trim() : "";
    const coded = Object.entries(labels).find(([, label]) => label === text)?.[0];
    return coded ?? text;
  };
  return {
    status: read(mapping.writeBack.status, mapping.statusLabels?.status),
    paymentStatus: read(mapping.writeBack.paymentStatus, mapping.statusLabels?.paymentStatus),
  };
}

export function sessionStatusLabel(status: string, messages: Messages): string {
  const labels: Record<string, string> = {
    open: messages.statusOpen,
    complete: messages.statusComplete,
    expired: messages.statusExpired,
    "": messages.statusNone,
  };
  return labels[status] ?? status;
}

export function paymentStatusLabel(status: string, messages: Messages): string {
  switch (status) {
    case "unpaid":
      return messages.paymentStatusUnpaid;
    case "failed":
      return messages.paymentStatusFailed;
    case "refunded":
      return messages.paymentStatusRefunded;
    case "paid":
    case "no_payment_required":
    case "partially_refunded":
    case "disputed":
    case "dispute_lost":
      return billedStateLabel(status, messages);
    case "":
      return messages.statusNone;
    default:
      return status;
  }
}

/**
 * "Link: Link open → Complete", one line per state that changed; empty when nothing did;
 * undefined when the record shows neither state (nothing to compare with).
 */
export function describeSyncChange(
  before: ShownStates,
  after: Pick<SessionViewAnswer, "status" | "paymentStatus">,
  messages: Messages,
): string[] | undefined {
  if (before.status === undefined && before.paymentStatus === undefined) return undefined;
  // One line per state: what it is, and how each of its values reads.
  const changes: Array<[string | undefined, string, string, (status: string) => string]> = [
    [before.status, after.status, messages.syncWhatLink, (s) => sessionStatusLabel(s, messages)],
    [
      before.paymentStatus,
      after.paymentStatus,
      messages.syncWhatPayment,
      (s) => paymentStatusLabel(s, messages),
    ],
  ];
  const lines: string[] = [];
  for (const [from, to, what, label] of changes) {
    if (from === undefined || from === to) continue;
    lines.push(fillTemplate(messages.syncChangedLine, { what, from: label(from), to: label(to) }));
  }
  return lines;
}
