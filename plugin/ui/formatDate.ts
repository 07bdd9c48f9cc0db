import type { Language } from "../i18n/messages";

/** "Jan 7, 2027" / "2027/01/07": an ISO 8601 moment as a date in the user's language. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
  }).format(date);
}
