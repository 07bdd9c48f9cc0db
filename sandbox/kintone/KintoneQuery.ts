/**
 * kintone's record query language, the common subset: comparisons, `in`/`not in`, `like`/`not like`,
 * `is [not] empty`, `and`/`or` with parentheses, `order by`, `limit`, `offset`, and the functions
 * `LOGINUSER()`, `NOW()`, `TODAY()`, `YESTERDAY()`, `TOMORROW()`, `FROM_TODAY()` and the
 * THIS_/LAST_/NEXT_ WEEK, MONTH, YEAR periods (days counted in UTC, not the user's time zone).
 * https://cybozu.dev/ja/kintone/docs/overview/query/
 *
 * Errors are kintone's, as the real service returns them (codes checked against kintone's own
 * cli-kintone end-to-end suite and an emulator verified against real kintone):
 * syntax → `CB_VA01` with `errors.query`; unknown field → `GAIA_IQ11`; an operator the field type
 * does not support → `GAIA_IQ03`; `=`/`!=` on a table column → `GAIA_IQ07`; a choice that is not an
 * option → `GAIA_IQ10`; `limit` > 500 → `GAIA_QU01`; `offset` > 10,000 → `GAIA_QU02`.
 *
 * Known simplifications: `like` is a case-insensitive substring match (kintone does a word search);
 * several conditions on columns of one table are not forced onto the same row.
 */
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import { compileCondition } from "./query/compileCondition";
import { compileOrder } from "./query/compileOrder";
import { parseKintoneQuery } from "./query/parseKintoneQuery";
import { DEFAULT_QUERY_LIMIT, type ParsedQuery } from "./query/parsedQuery";
import type { QueryContext } from "./query/queryContext";

/** Filters, orders and pages `records` by `query`; `totalCount` counts every match, before limit/offset. */
export function runKintoneQuery(
  records: KintoneRecord[],
  query: string,
  context: QueryContext,
  options: { paging?: boolean } = {},
): { records: KintoneRecord[]; totalCount: number; parsed: ParsedQuery } {
  const parsed = parseKintoneQuery(query);
  const predicate = compileCondition(parsed.condition, context);
  const sort = compileOrder(parsed.orderBy, context);
  const matched = sort(records.filter(predicate));
  if (options.paging === false) return { records: matched, totalCount: matched.length, parsed };
  const offset = parsed.offset ?? 0;
  const limit = parsed.limit ?? DEFAULT_QUERY_LIMIT;
  return { records: matched.slice(offset, offset + limit), totalCount: matched.length, parsed };
}
