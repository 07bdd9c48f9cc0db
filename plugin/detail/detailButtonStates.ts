import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { stateFromLabel } from "../../core/mapping/statusLabels";
import { billedState, blocksNewLink, type BilledState } from "../billing/billedState";

/** What the record's write-back fields say about its checkout. */
export interface RecordCheckout {
  sessionId?: string;
  url?: string;
  /** open | complete | expired, or undefined when not mapped or empty. */
  status?: string;
  /** Billed already (paid, awaiting an async payment…), when the payment status is mapped. */
  billed?: BilledState;
}

export interface DetailButtonStates {
  /** "reissue" when an open link exists: the confirmation then warns it stops working. */
  /** `blockedBy`: the record is billed and the app bills a record once, so Create is disabled. */
  create: {
    enabled: boolean;
    kind: "create" | "reissue" | "afterComplete";
    blockedBy?: BilledState;
  };
  sync: boolean;
  expire: boolean;
  copy: boolean;
}

type RecordLike = Record<string, { value?: unknown } | undefined>;

export function readRecordCheckout(
  record: RecordLike,
  writeBack: MappingConfig["writeBack"],
  statusLabels?: MappingConfig["statusLabels"],
): RecordCheckout {
  const text = (code: string | undefined) => {
    const value = code === undefined ? undefined : record[code]?.value;
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  return {
    sessionId: text(writeBack.sessionId),
    url: text(writeBack.url),
    status: readStatus(text(writeBack.status), statusLabels),
    billed: billedState(record, writeBack, statusLabels),
  };
}

/**
 * Which record buttons make sense. Without a mapped status field the proxy decides (expire on a
 * closed session answers SESSION_NOT_OPEN), so only a known closed state disables a button.
 */
export function detailButtonStates(
  checkout: RecordCheckout,
  mapping: Pick<MappingConfig, "allowRepeatPayment"> = {},
): DetailButtonStates {
  const { sessionId, url, status, billed } = checkout;
  const closed = status === "complete" || status === "expired";
  const open = sessionId !== undefined && !closed;
  const kind =
    open && status === "open" ? "reissue" : status === "complete" ? "afterComplete" : "create";
  return {
    create: blocksNewLink(billed, mapping)
      ? { enabled: false, kind, blockedBy: billed }
      : { enabled: true, kind },
    sync: sessionId !== undefined,
    expire: open,
    copy: url !== undefined && !closed,
  };
}

/** The app's own text for the status (`statusLabels`) read as its state; other texts as they are. */
function readStatus(
  text: string | undefined,
  statusLabels: MappingConfig["statusLabels"],
): string | undefined {
  return text === undefined
    ? undefined
    : (stateFromLabel({ statusLabels }, "status", text) ?? text);
}
