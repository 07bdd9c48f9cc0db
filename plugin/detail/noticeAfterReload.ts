/**
 * A notice that outlives the reload an action ends with: the record page is shown again so the
 * written fields appear, and the notice saying what the action did appears with them. Kept in
 * sessionStorage (this tab only), taken once.
 */
export interface NoticeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingNotice {
  kind: "success" | "info";
  lines: string[];
}

const PREFIX = "kintone-stripe-checkout-notice:";

export function rememberNotice(
  storage: NoticeStorage | undefined,
  recordKey: string,
  notice: PendingNotice,
): void {
  try {
    storage?.setItem(PREFIX + recordKey, JSON.stringify(notice));
  } catch {
    // Storage full or refused (private mode): the reload then simply shows no notice.
  }
}

export function takeNotice(
  storage: NoticeStorage | undefined,
  recordKey: string,
): PendingNotice | undefined {
  try {
    const text = storage?.getItem(PREFIX + recordKey) ?? null;
    storage?.removeItem(PREFIX + recordKey);
    if (text === null) return undefined;
    const parsed = JSON.parse(text) as Partial<PendingNotice>;
    const lines = Array.isArray(parsed.lines)
      ? parsed.lines.filter((l) => typeof l === "string")
      : [];
    if (lines.length === 0) return undefined;
    return { kind: parsed.kind === "info" ? "info" : "success", lines };
  } catch {
    return undefined;
  }
}
