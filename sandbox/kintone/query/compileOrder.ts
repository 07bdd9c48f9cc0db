/** A query's `order by` compiled to a sort of records. */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { asTexts, compareFieldValues, rawValues } from "./fieldValueComparison";
import type { QueryOrder } from "./parsedQuery";
import { fieldNotFound, type QueryContext } from "./queryContext";

/** Sorts records as `order by` says, then by `$id` descending, kintone's default order. */
export function compileOrder(
  orderBy: QueryOrder[],
  context: QueryContext,
): (records: KintoneRecord[]) => KintoneRecord[] {
  const keys = orderBy.map((order) => {
    const info = context.field(order.field);
    if (!info) throw fieldNotFound(order.field);
    return { ...order, info, sign: order.direction === "asc" ? 1 : -1 };
  });
  return (records) => {
    // Sort keys are read once per record, not once per comparison.
    const decorated = records.map((record) => ({
      record,
      id: Number(record.$id?.value ?? 0),
      values: keys.map((key) => asTexts(rawValues(record, key.field, key.info)[0])[0] ?? ""),
    }));
    decorated.sort((a, b) => {
      for (const [index, key] of keys.entries()) {
        const order = compareFieldValues(
          key.info.type,
          a.values[index] ?? "",
          b.values[index] ?? "",
        );
        if (order !== 0) return order * key.sign;
      }
      return b.id - a.id;
    });
    return decorated.map((entry) => entry.record);
  };
}
