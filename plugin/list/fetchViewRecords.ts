import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { KintoneApi } from "./KintoneApi";

/** kintone reads at most 500 records per request and offsets up to 10,000. */
export const PAGE_SIZE = 500;
export const MAX_OFFSET = 10_000;

export interface ViewRecordsRequest {
  app: string;
  /** The view's condition and order, without limit/offset (see viewQuery). */
  query: string;
  fields: string[];
}

/**
 * The view's query without its `limit`/`offset`: `kintone.app.getQuery()` is what the list shows
 * (condition + order by + the page's limit/offset); the condition alone is the fallback.
 */
export function viewQuery(query: string | null, condition: string | null): string {
  if (query !== null) {
    return query.replace(/\s*\blimit\s+\d+(\s+offset\s+\d+)?\s*$/i, "").trim();
  }
  return (condition ?? "").trim();
}

/**
 * Every record of the view, in the view's order. Offset paging while the view fits under
 * kintone's offset cap; the cursor API beyond it (https://cybozu.dev/ja/kintone/docs/rest-api/records/add-cursor/).
 */
export async function fetchViewRecords(
  api: KintoneApi,
  request: ViewRecordsRequest,
  onProgress: (loaded: number, total: number) => void = () => undefined,
): Promise<KintoneRecord[]> {
  const { app, query, fields } = request;
  const first = (await api("/k/v1/records.json", "GET", {
    app,
    fields,
    query: `${query} limit ${PAGE_SIZE} offset 0`.trim(),
    totalCount: true,
  })) as { records: KintoneRecord[]; totalCount: string | null };
  const total = Number(first.totalCount ?? first.records.length);
  const records = [...first.records];
  onProgress(records.length, total);
  if (records.length >= total) return records;

  if (total > MAX_OFFSET + PAGE_SIZE) return fetchWithCursor(api, request, total, onProgress);

  for (let offset = PAGE_SIZE; offset < total; offset += PAGE_SIZE) {
    const page = (await api("/k/v1/records.json", "GET", {
      app,
      fields,
      query: `${query} limit ${PAGE_SIZE} offset ${offset}`.trim(),
    })) as { records: KintoneRecord[] };
    records.push(...page.records);
    onProgress(records.length, total);
    if (page.records.length < PAGE_SIZE) break;
  }
  return records;
}

async function fetchWithCursor(
  api: KintoneApi,
  { app, query, fields }: ViewRecordsRequest,
  total: number,
  onProgress: (loaded: number, total: number) => void,
): Promise<KintoneRecord[]> {
  const { id } = (await api("/k/v1/records/cursor.json", "POST", {
    app,
    fields,
    query,
    size: PAGE_SIZE,
  })) as { id: string };
  const records: KintoneRecord[] = [];
  try {
    for (;;) {
      const page = (await api("/k/v1/records/cursor.json", "GET", { id })) as {
        records: KintoneRecord[];
        next: boolean;
      };
      records.push(...page.records);
      onProgress(records.length, total);
      if (!page.next) return records; // kintone deletes a cursor read to its end
    }
  } catch (error) {
    // An abandoned cursor counts against kintone's 10 cursors per domain until it times out.
    await api("/k/v1/records/cursor.json", "DELETE", { id }).catch(() => undefined);
    throw error;
  }
}
