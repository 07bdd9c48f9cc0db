import type { MappingConfig } from "../../core/mapping/MappingConfig";

/** What the record's write-back fields say about its checkout. */
export interface RecordCheckout {
  sessionId?: string;
  url?: string;
  /** open | complete | expired, or undefined when not mapped or empty. */
  status?: string;
}

export interface DetailButtonStates {
  /** "reissue" when an open link exists: the confirmation then warns it stops working. */
  create: { enabled: boolean; kind: "create" | "reissue" | "afterComplete" };
  sync: boolean;
  expire: boolean;
  copy: boolean;
}

type RecordLike = Record<string, { value?: unknown } | undefined>;

export function readRecordCheckout(
  record: RecordLike,
  writeBack: MappingConfig["writeBack"],
): RecordCheckout {
  const text = (code: string | undefined) => {
    const value = code === undefined ? undefined : record[code]?.value;
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  return {
    sessionId: text(writeBack.sessionId),
    url: text(writeBack.url),
    status: text(writeBack.status),
  };
}

/**
 * Which record buttons make sense. Without a mapped status field the proxy decides (expire on a
 * closed session answers SESSION_NOT_OPEN), so only a known closed state disables a button.
 */
export function detailButtonStates(checkout: RecordCheckout): DetailButtonStates {
  const { sessionId, url, status } = checkout;
  const closed = status === "complete" || status === "expired";
  const open = sessionId !== undefined && !closed;
  return {
    create: {
      enabled: true,
      kind:
        open && status === "open" ? "reissue" : status === "complete" ? "afterComplete" : "create",
    },
    sync: sessionId !== undefined,
    expire: open,
    copy: url !== undefined && !closed,
  };
}
