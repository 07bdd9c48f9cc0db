/**
 * What Create will do to each kind of record, for its confirmation: new links, open links
 * replaced, billed records charged again (only where the app allows it) and billed records left
 * out of the selection.
 */
import type { Messages } from "../../i18n/messages";
import type { DialogContext } from "./DialogContext";

export interface CreationKinds {
  /** Checked records without an open link and not billed. */
  fresh: number;
  /** Checked records whose open link the new one replaces. */
  replaced: number;
  /** Checked records billed already (possible only with allowRepeatPayment). */
  repeat: number;
  /** Billed records of the view that cannot be checked. */
  skipped: number;
}

export function countCreationKinds(context: DialogContext): CreationKinds {
  const status = context.statusCode;
  const kinds: CreationKinds = { fresh: 0, replaced: 0, repeat: 0, skipped: 0 };
  for (const row of context.rows) {
    if (row.blocked) kinds.skipped += 1;
    if (!context.selected.has(row.ref.id)) continue;
    if (row.billed !== undefined) kinds.repeat += 1;
    else if (status !== undefined && row.record[status]?.value === "open") kinds.replaced += 1;
    else kinds.fresh += 1;
  }
  return kinds;
}

/** One sentence per kind that occurs, in a fixed order. */
export function describeCreationKinds(kinds: CreationKinds, messages: Messages): string[] {
  const lines: Array<[number, (count: number) => string]> = [
    [kinds.fresh, messages.confirmCreateKindsNew],
    [kinds.replaced, messages.confirmCreateKindsReplaced],
    [kinds.repeat, messages.confirmCreateKindsRepeat],
    [kinds.skipped, messages.confirmCreateKindsSkipped],
  ];
  return lines.filter(([count]) => count > 0).map(([count, text]) => text(count));
}
