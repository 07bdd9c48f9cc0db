/**
 * A record's `error` write-back field (why the proxy could not bill it last time), small, next to
 * its billing badge on the list dialog and the record screen. Nothing when the mapping writes no
 * error or the field is empty: a link made since has cleared it.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { Messages } from "../i18n/messages";
import { element } from "../ui/element";

export const LAST_ERROR_CLASS = "kintone-stripe-checkout-last-error";

export function lastErrorText(
  record: Record<string, { value?: unknown } | undefined>,
  writeBack: MappingConfig["writeBack"],
): string {
  const code = writeBack.error;
  const value = code === undefined ? undefined : record[code]?.value;
  return typeof value === "string" ? value.trim() : "";
}

export function lastErrorNote(
  doc: Document,
  record: Record<string, { value?: unknown } | undefined>,
  writeBack: MappingConfig["writeBack"],
  messages: Messages,
): HTMLElement | null {
  const text = lastErrorText(record, writeBack);
  if (text === "") return null;
  return element(doc, "div", { className: LAST_ERROR_CLASS, attributes: { role: "note" } }, [
    element(doc, "span", {
      className: `${LAST_ERROR_CLASS}-label`,
      text: messages.recordErrorLabel,
    }),
    element(doc, "span", { className: `${LAST_ERROR_CLASS}-text`, text }),
  ]);
}
