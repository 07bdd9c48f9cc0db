/**
 * The record list filtered to some records: kintone's list page takes a query condition in its
 * `query` parameter, UTF-8 URL-encoded
 * (https://cybozu.dev/ja/kintone/docs/js-api/app/specify-record-list-via-query-string/), and the
 * record id `$id` takes `in ("1", "2")` like any field (https://cybozu.dev/ja/kintone/docs/overview/query/).
 */

/** Ids per link: a long `in (…)` would outgrow what browsers and kintone take in a URL. */
export const MAX_IDS_PER_LINK = 100;

/** `listPath` is the list page's path, e.g. "/k/12/" or "/k/guest/3/12/". */
export function failedRecordsUrl(listPath: string, recordIds: readonly string[]): string {
  const ids = recordIds
    .filter((id) => /^\d+$/.test(id))
    .slice(0, MAX_IDS_PER_LINK)
    .map((id) => `"${id}"`);
  const query = `$id in (${ids.join(", ")})`;
  return `${listPath}?query=${encodeURIComponent(query)}`;
}
