/** The parts of the `app.record.index.show` event object that tell how many records a view has. */
export interface IndexShowEvent {
  viewType?: string;
  records?: unknown;
  size?: number | null;
}

export type ViewRecordCount =
  | { scope: "view"; count: number }
  | { scope: "calendarMonth"; count: number }
  | { scope: "unknown" };

/**
 * How many records the list view has, from the `app.record.index.show` event.
 * `size` is the view's record count for table views and paginated custom views; calendar views
 * give null there and the month's records grouped by date; custom views without pagination
 * give 0 and no records, which says nothing about the view
 * (https://cybozu.dev/ja/kintone/docs/js-api/events/idx/index-show-event/).
 */
export function countViewRecords(event: IndexShowEvent): ViewRecordCount {
  if (event.viewType === "calendar") {
    const byDate = event.records;
    if (typeof byDate !== "object" || byDate === null) return { scope: "unknown" };
    const count = Object.values(byDate).reduce<number>(
      (sum, day) => sum + (Array.isArray(day) ? day.length : 0),
      0,
    );
    return { scope: "calendarMonth", count };
  }
  const hasRecordsOnPage = Array.isArray(event.records) && event.records.length > 0;
  if (event.viewType === "custom" && event.size === 0 && !hasRecordsOnPage) {
    return { scope: "unknown" }; // a custom view without pagination
  }
  if (typeof event.size === "number" && Number.isInteger(event.size) && event.size >= 0) {
    return { scope: "view", count: event.size };
  }
  return { scope: "unknown" };
}
